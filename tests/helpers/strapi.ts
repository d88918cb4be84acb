import fs from 'fs';
import path from 'path';
import { Client } from 'pg';
import { createStrapi, type Core } from '@strapi/strapi';

/**
 * Boots one real Strapi per test file against its own fresh database: a new SQLite file by default,
 * or a new PostgreSQL database when DATABASE_CLIENT=postgres (server from TEST_PG_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres). The compiled app comes from the Jest global setup.
 */
const appDir = path.resolve(__dirname, '..', '..');
const distDir = path.join(appDir, 'dist');
const usePostgres = process.env.DATABASE_CLIENT === 'postgres';
const adminServerUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let databaseName: string | null = null;

const freshDatabase = async (label: string) => {
  const suffix = `${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${process.pid}_${Date.now()}`;
  if (!usePostgres) {
    const file = path.join(appDir, '.tmp', 'tests', `${suffix}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    process.env.DATABASE_FILENAME = file;
    return;
  }
  databaseName = `cms_test_${suffix}`.slice(0, 63);
  const client = new Client({ connectionString: adminServerUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${databaseName}"`);
  await client.end();
  const url = new URL(adminServerUrl);
  url.pathname = `/${databaseName}`;
  process.env.DATABASE_URL = url.toString();
};

const dropDatabase = async () => {
  if (!usePostgres || !databaseName) {
    if (process.env.DATABASE_FILENAME) fs.rmSync(process.env.DATABASE_FILENAME, { force: true });
    return;
  }
  const client = new Client({ connectionString: adminServerUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await client.end();
};

export const startStrapi = async (label: string, { serveAdminPanel = false }: { serveAdminPanel?: boolean } = {}): Promise<Core.Strapi> => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  process.env.CRON_ENABLED = 'false';
  process.env.DATABASE_POOL_MAX = process.env.DATABASE_POOL_MAX ?? '10';
  await freshDatabase(label);
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel }).load();
  strapi.server.mount();
  return strapi;
};

type Pool = { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number };

/**
 * Strapi re-reads each written entry for its webhook event after the write commits, which may be
 * after the response was sent. Destroying the instance while such a read waits for a connection
 * fails it (an unhandled rejection that fails the test file), so wait until the pool is idle, a few
 * seconds at most.
 */
const settle = async (strapi: Core.Strapi) => {
  const pool = (strapi.db.connection as unknown as { client?: { pool?: Pool } }).client?.pool;
  for (let waited = 0; pool && waited < 5000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() === 0) return;
  }
};

export const stopStrapi = async (strapi: Core.Strapi | undefined) => {
  if (strapi) {
    await settle(strapi);
    await strapi.destroy();
  }
  await dropDatabase();
};
