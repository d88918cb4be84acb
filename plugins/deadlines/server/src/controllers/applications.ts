import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../constants';
import type { ApplicationsService } from '../services/applications';
import { createRateLimiter } from '../utils/rate-limit';

const service = (strapi: Core.Strapi) => strapi.plugin(PLUGIN_ID).service('applications') as ApplicationsService;

const applications = ({ strapi }: { strapi: Core.Strapi }) => {
  const { max, windowSeconds } = strapi.config.get(`plugin::${PLUGIN_ID}.intakeRateLimit`) as { max: number; windowSeconds: number };
  const limiter = createRateLimiter({ max, windowMs: windowSeconds * 1000 });

  return {
    /** Public online intake: returns the tracking code and the secret, shown only this once. */
    async submit(ctx) {
      const wait = limiter.hit(ctx.request.ip);
      if (wait > 0) {
        ctx.set('Retry-After', String(wait));
        throw new errors.RateLimitError('提交过于频繁，请稍后再试', { code: 'RATE_LIMITED', retryAfterSeconds: wait });
      }
      ctx.status = 201;
      ctx.body = { data: await service(strapi).submitOnline(ctx.request.body) };
    },

    async status(ctx) {
      ctx.body = { data: await service(strapi).publicStatus(ctx.request.body) };
    },

    async register(ctx) {
      ctx.status = 201;
      ctx.body = { data: await service(strapi).register(ctx.request.body, ctx.state.user) };
    },

    async recordEvent(ctx) {
      ctx.status = 201;
      ctx.body = { data: await service(strapi).recordEvent(ctx.params.documentId, ctx.request.body, ctx.state.user) };
    },

    async list(ctx) {
      ctx.body = await service(strapi).list(ctx.query, ctx.state.user);
    },

    async clock(ctx) {
      ctx.body = { data: await service(strapi).clockFor(ctx.params.documentId, ctx.state.user) };
    },
  };
};

export default applications;
