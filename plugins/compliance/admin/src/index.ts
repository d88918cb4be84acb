import { ChartPie, File } from '@strapi/icons';
import { PLUGIN_ID } from './pluginId';

/** 政务公开督查看板: the supervisors' dashboard and the annual reports. Menu link only for who may read it. */
export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: '政务公开督查' },
      Component: () => import('./pages/App'),
      permissions: [{ action: `plugin::${PLUGIN_ID}.dashboard.read`, subject: null }],
    });
    // Annual reports: departments draft their own, so a link of its own with the report permission.
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/reports`,
      icon: File,
      intlLabel: { id: `${PLUGIN_ID}.reports`, defaultMessage: '年度报告' },
      Component: () => import('./pages/ReportsApp'),
      permissions: [{ action: `plugin::${PLUGIN_ID}.report.read`, subject: null }],
    });
    app.registerPlugin({ id: PLUGIN_ID, name: '政务公开督查' });
  },
  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ data: { [`${PLUGIN_ID}.menu`]: '政务公开督查', [`${PLUGIN_ID}.reports`]: '年度报告' }, locale }));
  },
};
