import type { Core } from '@strapi/strapi';
import { ACTIONS, PLUGIN_ID } from '../constants';
import type { Actor, AnnualReportsService } from '../services/annual-reports';
import type { ExportsService } from '../services/exports';
import { refuse } from '../utils/refusals';

const actorOf = (ctx: any): Actor => ({
  id: ctx.state.user.id,
  // Whoever may read the dashboard works across organisations (supervisors, super admins).
  allScope: !!ctx.state.userAbility?.can(ACTIONS.readDashboard) || (ctx.state.user.roles ?? []).some((r: { code: string }) => r.code === 'strapi-super-admin'),
});

const sendExport = async (strapi: Core.Strapi, ctx: any, report: Awaited<ReturnType<AnnualReportsService['get']>>, format: unknown) => {
  const reports = strapi.plugin(PLUGIN_ID).service('annual-reports') as AnnualReportsService;
  const name = encodeURIComponent(`${report.scopeName}${report.reportYear}年政府信息公开工作年度报告`);
  if (format === 'html') {
    ctx.set('Content-Type', 'text/html; charset=utf-8');
    ctx.body = reports.html(report);
  } else if (format === 'xlsx') {
    ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${name}.xlsx`);
    ctx.body = await (strapi.plugin(PLUGIN_ID).service('exports') as ExportsService).xlsx(report);
  } else refuse('EXPORT_FORMAT_INVALID', 'format 只能是 html 或 xlsx', 'format', format);
};

const reports = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin(PLUGIN_ID).service('annual-reports') as AnnualReportsService;
  return {
    async list(ctx) {
      ctx.body = { data: await service().list({ ...ctx.query }, actorOf(ctx)) };
    },
    async generate(ctx) {
      ctx.status = 201;
      ctx.body = { data: await service().generate(ctx.request.body, actorOf(ctx)) };
    },
    async get(ctx) {
      ctx.body = { data: await service().get(ctx.params.documentId, actorOf(ctx)) };
    },
    async edit(ctx) {
      ctx.body = { data: await service().edit(ctx.params.documentId, ctx.request.body, actorOf(ctx)) };
    },
    async regenerate(ctx) {
      ctx.body = { data: await service().regenerate(ctx.params.documentId, actorOf(ctx)) };
    },
    async submit(ctx) {
      ctx.body = { data: await service().act(ctx.params.documentId, 'submit', actorOf(ctx)) };
    },
    async approve(ctx) {
      ctx.body = { data: await service().act(ctx.params.documentId, 'approve', actorOf(ctx)) };
    },
    async return(ctx) {
      ctx.body = { data: await service().act(ctx.params.documentId, 'return', actorOf(ctx), ctx.request.body?.comment) };
    },
    async publish(ctx) {
      ctx.body = { data: await service().act(ctx.params.documentId, 'publish', actorOf(ctx)) };
    },
    async export(ctx) {
      await sendExport(strapi, ctx, await service().get(ctx.params.documentId, actorOf(ctx)), ctx.query.format);
    },
    /** Public: published reports only. */
    async publicList(ctx) {
      ctx.body = { data: await service().publicList({ ...ctx.query }) };
    },
    async publicGet(ctx) {
      const report = await service().publicGet(ctx.params.documentId);
      if (ctx.query.format) return sendExport(strapi, ctx, report as never, ctx.query.format);
      ctx.body = { data: report };
    },
  };
};

export default reports;
