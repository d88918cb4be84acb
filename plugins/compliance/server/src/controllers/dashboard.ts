import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { DashboardService } from '../services/dashboard';

const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV with a BOM so spreadsheet software reads the Chinese text as UTF-8. */
export const toCsv = (rows: Array<Record<string, unknown>>) => {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return `\uFEFF${[headers.join(','), ...rows.map((r) => headers.map((h) => csvCell(r[h])).join(','))].join('\r\n')}\r\n`;
};

const dashboard = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('dashboard') as DashboardService;
  return {
    async summary(ctx) {
      ctx.body = { data: await service().summary({ ...ctx.query }) };
    },
    async entries(ctx) {
      const { format, ...query } = { ...ctx.query } as Record<string, unknown>;
      const answer = await service().entries(query);
      if (format === 'csv') {
        ctx.set('Content-Type', 'text/csv; charset=utf-8');
        ctx.set('Content-Disposition', `attachment; filename="${String(query.panel)}-${String(query.metric).replace(":", "-")}.csv"`);
        ctx.body = toCsv(answer.items as Array<Record<string, unknown>>);
        return;
      }
      ctx.body = { data: answer };
    },
  };
};

export default dashboard;
