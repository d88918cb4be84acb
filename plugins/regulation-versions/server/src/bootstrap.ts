import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from './constants';
import type { RegulationsService } from './services/regulations';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: '查看规章和规范性文件版本', uid: 'versions.read', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '管理规章和规范性文件版本（修订、废止、延续）', uid: 'versions.manage', pluginName: PLUGIN_ID },
  ]);

  // The register's filter: in-force status and a prefix of the region path (text_pattern_ops lets PostgreSQL use it for LIKE 'prefix%').
  const table = strapi.db.metadata.get(UID.regulation).tableName;
  const pathColumn = strapi.db.dialect.client === 'postgres' ? '?? text_pattern_ops' : '??';
  await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ${pathColumn})`, ['regulations_register_idx', table, 'validity', 'region_path']);

  const regulations = strapi.plugin(PLUGIN_ID).service('regulations') as RegulationsService;
  // Statuses change on effective, expiry and repeal dates: the job stores each day's status for the register's filters.
  const rule = strapi.config.get(`plugin::${PLUGIN_ID}.statusCron`) as string;
  if (rule) {
    strapi.cron.add({
      regulationStatuses: {
        task: async () => {
          const refreshed = await regulations.refreshDue();
          const reminders = await regulations.sendReviewReminders();
          strapi.log.info(`[regulation-versions] statuses refreshed: ${refreshed}; review reminders: ${JSON.stringify(reminders)}`);
        },
        options: { rule, tz: 'Asia/Shanghai' },
      },
    });
  }
  await regulations.refreshDue();
};

export default bootstrap;
