import { ContentSecurityPanel } from './components/ContentSecurityPanel';

/** The content-security panel sits on the edit page of every gated type, in the content manager's right-hand column. */
export default {
  register(app: any) {
    app.registerPlugin({ id: 'content-security', name: '内容安全' });
  },
  bootstrap(app: any) {
    app.getPlugin('content-manager').injectComponent('editView', 'right-links', { name: 'content-security-panel', Component: ContentSecurityPanel });
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ data: {}, locale }));
  },
};
