import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';

export const ACTIVITY_TABLE = 'compliance_column_activity';
const REFRESH_TABLE = 'compliance_refreshes';

type JoinTable = { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };

/**
 * Per-column activity (newest first-publish time of a published item, item count), materialised so
 * the dashboard reads one row per column instead of aggregating every item–column link. Recomputed
 * set-based by a scheduled job (`activityRefreshCron`, every 5 minutes) and on demand when older
 * than `activityMaxAgeMinutes` (10); inspection thresholds are counted in days, so that lag never
 * changes a verdict by more than a day's edge. Upserts, so instances refreshing together agree.
 */
const columnActivity = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const names = () => {
    const item = strapi.db.metadata.get(UID.item as never) as unknown as { tableName: string; attributes: Record<string, { columnName?: string; joinTable?: JoinTable }> };
    return { items: item.tableName, link: item.attributes.columns.joinTable!, firstPublishedAt: item.attributes.firstPublishedAt?.columnName ?? 'first_published_at' };
  };

  return {
    async ensureTables() {
      if (!(await knex().schema.hasTable(ACTIVITY_TABLE))) {
        await knex().schema.createTable(ACTIVITY_TABLE, (table) => {
          table.integer('column_id').primary();
          table.timestamp('last_published_at', { useTz: false, precision: 6 }).nullable();
          table.integer('items').notNullable().defaultTo(0);
          table.bigInteger('refreshed_at').notNullable();
        });
      }
      if (!(await knex().schema.hasTable(REFRESH_TABLE))) {
        await knex().schema.createTable(REFRESH_TABLE, (table) => {
          table.string('name', 100).primary();
          table.bigInteger('refreshed_at').notNullable();
        });
      }
    },

    /** Recomputes every column's activity in two statements; columns left without published items drop to 0. */
    async refresh() {
      const { items, link, firstPublishedAt } = names();
      const now = Date.now();
      await knex().raw(
        `INSERT INTO ?? (column_id, last_published_at, items, refreshed_at)
         SELECT l.??, max(i.??), count(*), ? FROM ?? l JOIN ?? i ON i.id = l.?? WHERE i.published_at IS NOT NULL GROUP BY l.??
         ON CONFLICT (column_id) DO UPDATE SET last_published_at = excluded.last_published_at, items = excluded.items, refreshed_at = excluded.refreshed_at`,
        [ACTIVITY_TABLE, link.inverseJoinColumn.name, firstPublishedAt, now, link.name, items, link.joinColumn.name, link.inverseJoinColumn.name]
      );
      await knex()(ACTIVITY_TABLE).where('refreshed_at', '<', now).update({ last_published_at: null, items: 0, refreshed_at: now });
      await knex().raw('INSERT INTO ?? (name, refreshed_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET refreshed_at = excluded.refreshed_at', [REFRESH_TABLE, ACTIVITY_TABLE, now]);
      return { refreshedAt: new Date(now).toISOString() };
    },

    /** Refreshes when the stored activity is older than the configured age (or was never computed). */
    async ensureFresh() {
      const maxAgeMs = (strapi.config.get(`plugin::${PLUGIN_ID}.activityMaxAgeMinutes`) as number) * 60_000;
      const row = await knex()(REFRESH_TABLE).where({ name: ACTIVITY_TABLE }).first();
      const refreshedAt = row ? Number(row.refreshed_at) : 0;
      if (Date.now() - refreshedAt > maxAgeMs) return { ...(await this.refresh()), refreshed: true };
      return { refreshedAt: new Date(refreshedAt).toISOString(), refreshed: false };
    },
  };
};

export type ColumnActivityService = ReturnType<typeof columnActivity>;
export default columnActivity;
