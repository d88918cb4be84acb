import type { Core } from '@strapi/strapi';
import bootstrap, { removeFastPath } from './bootstrap';
import config from './config';
import { PLUGIN } from './constants';
import middlewares from './middlewares';
import register from './register';
import services from './services';
import type { CacheService } from './services/cache';

export default {
  register,
  bootstrap,
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    removeFastPath();
    await (strapi.plugin(PLUGIN).service('cache') as CacheService).stop();
  },
  config,
  contentTypes: {},
  controllers: {},
  routes: {},
  middlewares,
  services,
};
