import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * Strapi skips an enabled plugin whose server bundle is missing without a word, and the app would
 * then run without its rules. A local plugin (plugins/*) that is enabled but not loaded stops the start.
 */
export const assertLocalPluginsBuilt = (strapi: Core.Strapi) => {
  const enabled = (strapi.config.get('enabledPlugins') ?? {}) as Record<string, { pathToPlugin?: string }>;
  const localRoot = path.join(strapi.dirs.app.root, 'plugins') + path.sep;
  const missing = Object.entries(enabled)
    .filter(([name, plugin]) => plugin.pathToPlugin?.startsWith(localRoot) && !strapi.plugin(name))
    .map(([name]) => name);
  if (missing.length) {
    throw new Error(`Local plugins enabled but not built: ${missing.join(', ')}. Run \`npm run build:plugins\` first.`);
  }
};
