import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './constants';
import type { NotificationsService } from './services/notifications';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const notifications = strapi.plugin(PLUGIN_ID).service('notifications') as NotificationsService;
  await notifications.ensureTables();

  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: '查看依申请公开申请', uid: 'applications.read', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '办理依申请公开申请', uid: 'applications.handle', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '查看依申请公开统计', uid: 'report.read', pluginName: PLUGIN_ID },
  ]);

  const rule = strapi.config.get(`plugin::${PLUGIN_ID}.scanCron`) as string;
  if (rule) {
    strapi.cron.add({
      deadlinesScan: {
        task: async () => {
          const result = await notifications.scan();
          strapi.log.info(`[deadlines] scan: ${JSON.stringify(result)}`);
        },
        options: { rule, tz: 'Asia/Shanghai' },
      },
    });
  }
};

export default bootstrap;
