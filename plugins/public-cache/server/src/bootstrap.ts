import type { Core } from '@strapi/strapi';
import { PLUGIN } from './constants';
import { installFastPath } from './fast-path';
import type { CacheService } from './services/cache';

let uninstallFastPath: (() => void) | null = null;

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = strapi.plugin(PLUGIN).service('cache') as CacheService;
  await cache.start();
  // Whatever bootstrap wrote before the store existed (seeds, permissions) is in the database already; start clean.
  await cache.invalidate();
  // The fast path relies on the Koa middleware (it fills the cache and parses the bodies the fast path read).
  const middlewares = (strapi.config.get('middlewares') as unknown[] | undefined) ?? [];
  const serveConfigured = middlewares.some((m) => m === `plugin::${PLUGIN}.serve` || (m as { name?: string })?.name === `plugin::${PLUGIN}.serve`);
  if (cache.settings.fastPath && serveConfigured && strapi.server?.httpServer) {
    uninstallFastPath = installFastPath(strapi.server.httpServer as never, cache, {
      restPrefix: (strapi.config.get('api.rest.prefix') as string) || '/api',
      graphqlEndpoint: (strapi.config.get('plugin::graphql.endpoint') as string) || '/graphql',
    });
  }
};

export const removeFastPath = () => {
  uninstallFastPath?.();
  uninstallFastPath = null;
};

export default bootstrap;
