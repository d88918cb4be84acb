import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { ReportsService } from '../services/reports';

const reports = ({ strapi }: { strapi: Core.Strapi }) => ({
  async applications(ctx) {
    ctx.body = { data: await (strapi.plugin(PLUGIN_ID).service('reports') as ReportsService).applicationTable(ctx.query) };
  },
});

export default reports;
