import type { Core } from '@strapi/strapi';
import { INDEX_COUNTER_TABLE } from '../constants';
import { formatIndexNumber } from '../core/index-number';

/**
 * Gapless index numbers. One counter row per organisation and year, advanced by a single
 * INSERT … ON CONFLICT DO UPDATE … RETURNING inside the caller's transaction: concurrent creations
 * queue on the row lock (PostgreSQL) or the single writer (SQLite), and a creation that rolls back
 * gives its number back.
 *
 * The row lock is held from `next()` until the caller's transaction commits, so take the number as
 * late as possible: the catalogue's rules (middlewares/disclosure-item-rules) draw it after the item
 * and everything else of the write are stored, as the write's last statements. Creations for one
 * organisation then queue only for those statements and the commit, not for the whole write.
 */
const indexNumbers = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureCounterTable() {
    const knex = strapi.db.connection;
    if (await knex.schema.hasTable(INDEX_COUNTER_TABLE)) return;
    await knex.schema.createTable(INDEX_COUNTER_TABLE, (table) => {
      table.string('organization_code', 18).notNullable();
      table.integer('year').notNullable();
      table.integer('last_sequence').notNullable();
      table.primary(['organization_code', 'year']);
    });
  },

  /**
   * Must run inside `strapi.db.transaction` together with the write that uses the number, as late
   * in it as possible (the counter row stays locked until that transaction commits).
   */
  async next(organizationCode: string, year: number): Promise<string> {
    const knex = strapi.db.connection;
    return strapi.db.transaction(async ({ trx }) => {
      const rows = await knex(INDEX_COUNTER_TABLE)
        .transacting(trx)
        .insert({ organization_code: organizationCode, year, last_sequence: 1 })
        .onConflict(['organization_code', 'year'])
        .merge({ last_sequence: knex.raw('??.?? + 1', [INDEX_COUNTER_TABLE, 'last_sequence']) })
        .returning('last_sequence');
      const row = rows[0] as { last_sequence: number | string } | number;
      const sequence = Number(typeof row === 'object' ? row.last_sequence : row);
      return formatIndexNumber(organizationCode, year, sequence);
    });
  },
});

export type IndexNumbersService = ReturnType<typeof indexNumbers>;
export default indexNumbers;
