'use strict';

/**
 * The app as a production server for load benchmarks, in its own process: NODE_ENV, database and
 * plugin switches come from the environment. Prints `READY <port>` once it listens; SIGTERM stops it.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

(async () => {
  const appDir = path.resolve(__dirname, '..', '..');
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  // BENCH_COUNT_QUERIES=true: counts SQL statements; SIGUSR2 prints `QUERIES <n>` (bench/lib/load.js counters()).
  if (process.env.BENCH_COUNT_QUERIES === 'true') {
    let queries = 0;
    app.db.connection.on('query', () => queries++);
    process.on('SIGUSR2', () => process.stdout.write(`\nQUERIES ${queries}\n`));
  }
  app.server.mount();
  const server = app.server.httpServer;
  await new Promise((resolve) => server.listen(Number(process.env.PORT || 0), '127.0.0.1', resolve));
  process.stdout.write(`\nREADY ${server.address().port}\n`);
  const stop = async () => {
    await app.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
