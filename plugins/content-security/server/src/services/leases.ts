import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';

const LEASE_TABLE = 'content_security_job_leases';

/**
 * Database leases for scheduled work: when several instances share the database, one of them runs
 * the rescan and the others skip it. A lease expires on its own, so a crashed holder does not block
 * the next run.
 */
const leases = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureTable() {
    const knex = strapi.db.connection;
    if (await knex.schema.hasTable(LEASE_TABLE)) return;
    await knex.schema.createTable(LEASE_TABLE, (table) => {
      table.string('name', 64).primary();
      table.string('holder', 64).notNullable();
      table.bigInteger('expires_at').notNullable();
    });
  },

  /** The holder token when this caller got the lease, null when another holds it. */
  async acquire(name: string, durationMs: number): Promise<string | null> {
    const knex = strapi.db.connection;
    const holder = randomUUID();
    const now = Date.now();
    await knex(LEASE_TABLE).insert({ name, holder: '', expires_at: 0 }).onConflict('name').ignore();
    const updated = await knex(LEASE_TABLE).where({ name }).andWhere('expires_at', '<', now).update({ holder, expires_at: now + durationMs });
    return Number(updated) === 1 ? holder : null;
  },

  async release(name: string, holder: string) {
    await strapi.db.connection(LEASE_TABLE).where({ name, holder }).update({ expires_at: 0 });
  },
});

export type LeasesService = ReturnType<typeof leases>;
export default leases;
