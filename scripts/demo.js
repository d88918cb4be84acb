'use strict';

/**
 * `npm run demo`: builds if needed, seeds the demo province (idempotent) into the SQLite default
 * database, starts Strapi on port 1337 and prints the admin URL with one login per role.
 * `npm run demo -- --rebuild` forces a fresh build.
 */
const path = require('path');
const fs = require('fs');
const { execSync } = require('child_process');

const appDir = path.resolve(__dirname, '..');
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.PORT = process.env.PORT || '1337';

const built = ['dist/src/index.js', 'dist/build/index.html', 'plugins/catalogue/dist/server/index.js'].every((file) => fs.existsSync(path.join(appDir, file)));
if (!built || process.argv.includes('--rebuild')) {
  console.log('Building plugins and the admin panel (first run only, a few minutes)…');
  execSync('npm run build', { cwd: appDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

const { createStrapi } = require('@strapi/strapi');
const { seedDemo } = require('./lib/demo-seed');

(async () => {
  const app = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
  const accounts = await seedDemo(app, { log: (line) => app.log.info(`[demo seed] ${line}`) });
  await app.start();
  const base = (app.config.get('server.url') || `http://localhost:${app.config.get('server.port')}`).replace(/\/$/, '');
  const lines = [
    '',
    '政务公开 demo is running',
    `  Admin panel:  ${base}/admin`,
    `  Public REST:  ${base}/api/disclosure-items?region=330100`,
    `  Plans:        ${base}/api/catalogue/plans?region=330000`,
    `  GraphQL:      ${base}/graphql`,
    `  OpenAPI:      ${base}/api/catalogue/openapi.json`,
    '',
    '  Demo logins (password after the e-mail):',
    ...accounts.map((a) => `    ${a.role.padEnd(44)} ${a.email} / ${a.password}`),
    '',
  ];
  console.log(lines.join('\n'));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
