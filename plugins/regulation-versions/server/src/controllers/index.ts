import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { PublicRegisterService } from '../services/public-register';
import type { RegulationsService } from '../services/regulations';

const regulations = ({ strapi }: { strapi: Core.Strapi }) => {
  const admin = () => strapi.plugin(PLUGIN_ID).service('regulations') as RegulationsService;
  const open = () => strapi.plugin(PLUGIN_ID).service('public-register') as PublicRegisterService;
  return {
    // Public
    async register(ctx) {
      ctx.body = await open().register(ctx.query);
    },
    async versions(ctx) {
      ctx.body = await open().versions(ctx.params.documentId);
    },
    async inForce(ctx) {
      ctx.body = await open().inForce(ctx.params.documentId, ctx.query);
    },
    async diff(ctx) {
      const result = await open().diff(ctx.params.documentId, ctx.query);
      if (ctx.query.format === 'html') {
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = result.html;
      } else ctx.body = result;
    },
    async counts(ctx) {
      ctx.body = await open().counts(ctx.query);
    },
    // Admin
    async timeline(ctx) {
      const service = admin();
      const { row } = await service.load(ctx.params.documentId);
      await service.assertInScope(row, ctx.state.user);
      ctx.body = { data: await service.timeline(ctx.params.documentId) };
    },
    async addVersion(ctx) {
      ctx.status = 201;
      ctx.body = { data: await admin().addVersion(ctx.params.documentId, ctx.request.body, ctx.state.user) };
    },
    async updateDraft(ctx) {
      ctx.body = { data: await admin().updateDraft(ctx.params.documentId, Number(ctx.params.versionNumber), ctx.request.body, ctx.state.user) };
    },
    async publishVersion(ctx) {
      ctx.body = { data: await admin().publishVersion(ctx.params.documentId, Number(ctx.params.versionNumber), ctx.state.user) };
    },
    async repeal(ctx) {
      ctx.body = { data: await admin().repeal(ctx.params.documentId, ctx.request.body, ctx.state.user) };
    },
    async partialRepeal(ctx) {
      ctx.body = { data: await admin().partialRepeal(ctx.params.documentId, ctx.request.body, ctx.state.user) };
    },
  };
};

export default { regulations };
