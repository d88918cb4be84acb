import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { PLUGIN_ID } from '../constants';
import type { ReviewService } from '../services/review';
import { refuse } from '../utils/refusals';

const target = { uid: Joi.string().pattern(/^(api|plugin)::[\w-]+\.[\w-]+$/).required(), documentId: Joi.string().max(64).required() };
const SCHEMAS = {
  target: Joi.object(target),
  mask: Joi.object({ ...target, publish: Joi.boolean().default(true) }),
  override: Joi.object({ ...target, fingerprint: Joi.string().hex().max(64).required(), reason: Joi.string().trim().min(10).max(2000).required() }),
  page: Joi.object({ page: Joi.number().integer().min(1).default(1), pageSize: Joi.number().integer().min(1).max(100).default(20) }),
};

const CODES: Record<string, string> = { reason: 'OVERRIDE_REASON_REQUIRED' };

/** Joi first, then a 400 naming each field with a stable code. */
const validate = <T>(schema: Joi.ObjectSchema, input: unknown): T => {
  const { value, error } = schema.validate(input ?? {}, { abortEarly: false, stripUnknown: true });
  if (error) {
    const [first] = error.details;
    const field = String(first.path[0] ?? 'input');
    const code = CODES[field] ?? 'INPUT_INVALID';
    const message = field === 'reason' ? '放行须填写书面理由（至少 10 个字）' : `${field}: ${first.message}`;
    refuse(code, message, [field], { errors: error.details.map((d) => ({ path: d.path.map(String), code: CODES[String(d.path[0])] ?? 'INPUT_INVALID', message: d.message, name: 'ValidationError' })) });
  }
  return value as T;
};

const security = ({ strapi }: { strapi: Core.Strapi }) => {
  const review = () => strapi.plugin(PLUGIN_ID).service('review') as ReviewService;
  return {
    async scan(ctx) {
      const { uid, documentId } = validate<{ uid: string; documentId: string }>(SCHEMAS.target, ctx.request.body);
      ctx.body = { data: await review().scan(uid, documentId, ctx.state.user) };
    },
    async results(ctx) {
      const { uid, documentId } = validate<{ uid: string; documentId: string }>(SCHEMAS.target, ctx.query);
      ctx.body = { data: await review().results(uid, documentId, ctx.state.user) };
    },
    async mask(ctx) {
      const { uid, documentId, publish } = validate<{ uid: string; documentId: string; publish: boolean }>(SCHEMAS.mask, ctx.request.body);
      const canPublish = !!ctx.state.userAbility?.can('plugin::content-manager.explorer.publish', uid);
      ctx.body = { data: await review().maskAndPublish(uid, documentId, { publish }, ctx.state.user, canPublish) };
    },
    async override(ctx) {
      const input = validate<{ uid: string; documentId: string; fingerprint: string; reason: string }>(SCHEMAS.override, ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await review().override(input, ctx.state.user) };
    },
    async overrides(ctx) {
      ctx.body = await review().overrides(validate(SCHEMAS.page, ctx.query));
    },
    async rescan(ctx) {
      ctx.body = { data: await review().rescanPublished(ctx.state.user) };
    },
    async rescanHits(ctx) {
      ctx.body = await review().rescanHits(validate(SCHEMAS.page, ctx.query));
    },
  };
};

export default { security };
