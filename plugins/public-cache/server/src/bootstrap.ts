import type { Core } from '@strapi/strapi';
import { PLUGIN } from './constants';
import type { CacheService } from './services/cache';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = strapi.plugin(PLUGIN).service('cache') as CacheService;
  await cache.start();
  // Whatever bootstrap wrote before the store existed (seeds, permissions) is in the database already; start clean.
  await cache.invalidate();
};

export default bootstrap;
