import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { OpenApiService } from '../services/openapi';
import type { PublicCatalogueService } from '../services/public-catalogue';

const catalogue = ({ strapi }: { strapi: Core.Strapi }) => ({
  async plans(ctx) {
    ctx.body = await (strapi.plugin(PLUGIN_ID).service('public-catalogue') as PublicCatalogueService).plans(ctx.query);
  },

  async openapi(ctx) {
    ctx.body = (strapi.plugin(PLUGIN_ID).service('openapi') as OpenApiService).document();
  },
});

export default catalogue;
