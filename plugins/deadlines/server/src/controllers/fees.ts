import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { FeesService } from '../services/fees';

const fees = ({ strapi }: { strapi: Core.Strapi }) => ({
  async publicQuote(ctx) {
    ctx.body = { data: await (strapi.plugin(PLUGIN_ID).service('fees') as FeesService).quote(ctx.request.body, { staff: false }) };
  },
  async staffQuote(ctx) {
    ctx.body = { data: await (strapi.plugin(PLUGIN_ID).service('fees') as FeesService).quote(ctx.request.body, { staff: true }) };
  },
});

export default fees;
