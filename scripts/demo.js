'use strict';

/**
 * `npm run demo`: builds if needed, seeds the demo province (idempotent) into the SQLite default
 * database, starts Strapi on port 1337 and prints the admin URL with one login per role.
 * `npm run demo -- --rebuild` forces a fresh build.
 */
const path = require('path');
const fs = require('fs');
const { execSync } = require('child_process');
const crypto = require('crypto');

const appDir = path.resolve(__dirname, '..');
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.PORT = process.env.PORT || '1337';

/** Hash of everything the admin bundle is built from, so a stale admin panel is rebuilt. */
const adminSourceHash = () => {
  const hash = crypto.createHash('sha256');
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(file).update(fs.readFileSync(file));
    }
  };
  walk(path.join(appDir, 'src', 'admin'));
  for (const plugin of fs.readdirSync(path.join(appDir, 'plugins'))) walk(path.join(appDir, 'plugins', plugin, 'admin'));
  hash.update(fs.readFileSync(path.join(appDir, 'package-lock.json')));
  return hash.digest('hex');
};

const run = (command) => execSync(command, { cwd: appDir, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
const hashFile = path.join(appDir, 'dist', 'build', '.source-hash');
const hash = adminSourceHash();
const adminIsCurrent = fs.existsSync(path.join(appDir, 'dist', 'build', 'index.html')) && fs.existsSync(hashFile) && fs.readFileSync(hashFile, 'utf8') === hash;

if (!adminIsCurrent || process.argv.includes('--rebuild')) {
  console.log('Building plugins and the admin panel (first run only, about a minute)…');
  run('npm run build');
  fs.writeFileSync(hashFile, hash);
} else {
  // Server code is cheap to rebuild, so it is always current.
  run('npm run build:plugins --silent');
}

const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { seedDemo } = require('./lib/demo-seed');

(async () => {
  await compileStrapi({ appDir });
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
