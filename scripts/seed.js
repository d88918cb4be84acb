'use strict';

/** `npm run seed`: seeds the demo province into the configured database and exits (idempotent). */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');
const { seedDemo } = require('./lib/demo-seed');

process.env.STRAPI_TELEMETRY_DISABLED = 'true';
const appDir = path.resolve(__dirname, '..');

(async () => {
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  const accounts = await seedDemo(app, { log: (line) => app.log.info(`[demo seed] ${line}`) });
  for (const a of accounts) console.log(`${a.role}: ${a.email} / ${a.password}`);
  await app.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
