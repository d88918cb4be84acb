// Compile the app once for every API test file (each file then boots its own Strapi from dist/).
const path = require('path');

module.exports = async () => {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const { compileStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..', '..');
  const { distDir } = await compileStrapi({ appDir, ignoreDiagnostics: false });
  process.env.TEST_DIST_DIR = distDir;
};
