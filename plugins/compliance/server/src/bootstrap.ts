import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from './constants';
import type { RemindersService } from './services/reminders';
import type { ColumnActivityService } from './services/column-activity';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', displayName: '查看政务公开督查看板', uid: 'dashboard.read', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '查看年度报告', uid: 'report.read', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '编制和提交年度报告', uid: 'report.draft', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '审核年度报告', uid: 'report.approve', pluginName: PLUGIN_ID },
    { section: 'plugins', displayName: '发布年度报告', uid: 'report.publish', pluginName: PLUGIN_ID },
  ]);

  // Indexes the dashboard's aggregations use on the catalogue table (idempotent; both dialects).
  const knex = strapi.db.connection;
  const items = strapi.db.metadata.get(UID.item as never) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
  const c = (a: string) => items.attributes[a]?.columnName ?? a;
  // Timeliness panels read draft rows only (one per document): a partial index they can read index-only.
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??, ??) WHERE published_at IS NULL', [
    'compliance_items_draft_timeliness_idx', items.tableName, c('timeliness'), c('disclosureAttribute'), c('organizationDocumentId'), c('disclosureDueDate'),
  ]);
  // Expired-but-valid check: published rows by expiry date.
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??) WHERE published_at IS NOT NULL', ['compliance_items_published_expiry_idx', items.tableName, c('expiryDate')]);
  // Column freshness: newest first-publish time of published items, read index-only by item id.
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (id, ??) WHERE published_at IS NOT NULL', ['compliance_items_published_idx', items.tableName, c('firstPublishedAt')]);

  const activity = strapi.plugin(PLUGIN_ID).service('column-activity') as ColumnActivityService;
  await activity.ensureTables();
  const activityRule = strapi.config.get(`plugin::${PLUGIN_ID}.activityRefreshCron`) as string;
  if (activityRule) {
    strapi.cron.add({ complianceColumnActivity: { task: async () => { await activity.refresh(); }, options: { rule: activityRule, tz: 'Asia/Shanghai' } } });
  }

  const reminders = strapi.plugin(PLUGIN_ID).service('reminders') as RemindersService;
  await reminders.ensureTables();
  const rule = strapi.config.get(`plugin::${PLUGIN_ID}.reminderCron`) as string;
  if (rule) {
    strapi.cron.add({
      complianceAnnualReportReminders: {
        task: async () => strapi.log.info(`[compliance] reminders: ${JSON.stringify(await reminders.scan())}`),
        options: { rule, tz: 'Asia/Shanghai' },
      },
    });
  }
};

export default bootstrap;
