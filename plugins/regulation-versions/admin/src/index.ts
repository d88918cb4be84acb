import { RegulationTimelinePanel } from './components/RegulationTimelinePanel';

/** The version timeline sits on the regulation's edit page, in the content manager's right-hand column. */
export default {
  register(app: any) {
    app.registerPlugin({ id: 'regulation-versions', name: '规章和规范性文件版本' });
  },
  bootstrap(app: any) {
    app.getPlugin('content-manager').injectComponent('editView', 'right-links', { name: 'regulation-version-timeline', Component: RegulationTimelinePanel });
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ data: {}, locale }));
  },
};
