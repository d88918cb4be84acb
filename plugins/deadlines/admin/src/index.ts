import { Clock } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';

/** The handling desk for disclosure applications: list, registration, timeline and due dates. */
export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Clock,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: '依申请公开' },
      Component: () => import('./pages/App'),
      permissions: [{ action: `plugin::${PLUGIN_ID}.applications.read`, subject: null }],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: '依申请公开' });
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ data: { [`${PLUGIN_ID}.menu`]: '依申请公开' }, locale }));
  },
};
