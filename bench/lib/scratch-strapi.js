'use strict';

/**
 * A Strapi of this app on a fresh PostgreSQL database for one benchmark: drops and creates the
 * database on the server named by BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * compiles the app and loads it without the admin panel, cron or request logs.
 */
const path = require('path');
const { Client } = require('pg');

const startScratchStrapi = async (database) => {
  const serverUrl = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), LOG_LEVEL: 'warn', CRON_ENABLED: 'false', STRAPI_TELEMETRY_DISABLED: 'true' });

  const appDir = path.resolve(__dirname, '..', '..');
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir });
  return createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
};

/** Milliseconds since a process.hrtime.bigint() start. */
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

module.exports = { startScratchStrapi, msSince };
