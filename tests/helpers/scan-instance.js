'use strict';

/**
 * A second Strapi instance in its own process, on the database and SMTP server named by the
 * environment: it runs the deadlines scan once and prints the result as JSON on its last line.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

(async () => {
  const appDir = path.resolve(__dirname, '..', '..');
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  const result = await app.plugin('deadlines').service('notifications').scan();
  await app.destroy();
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
