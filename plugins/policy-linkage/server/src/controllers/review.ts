import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { ACTIONS, PLUGIN_ID } from '../constants';
import type { ReviewAction } from '../core/review-workflow';
import type { PoliciesService } from '../services/policies';
import { refuse } from '../utils/refusals';

const commentBody = Joi.object({ comment: Joi.string().allow('', null).max(2000) }).unknown(false);
const waiverBody = Joi.object({ reason: Joi.string().trim().min(1).max(2000).required() }).unknown(false);

const validated = <T>(schema: Joi.ObjectSchema, value: unknown): T => {
  const { error, value: out } = schema.validate(value ?? {}, { abortEarly: false });
  if (error) {
    const [first] = error.details;
    const field = String(first.path[0] ?? 'input');
    refuse([{ code: field === 'reason' ? 'WAIVER_REASON_REQUIRED' : 'REJECT_COMMENT_REQUIRED', message: first.message, field }]);
  }
  return out as T;
};

/** The review desk of 三同步: thin handlers over the policies service. */
const review = ({ strapi }: { strapi: Core.Strapi }) => {
  const policies = () => strapi.plugin(PLUGIN_ID).service('policies') as PoliciesService;
  const onPolicy = (action: ReviewAction) => async (ctx: any) => {
    const { comment } = validated<{ comment?: string }>(commentBody, ctx.request.body);
    ctx.body = { data: await policies().actOnPolicy(action, ctx.params.documentId, ctx.state.user, comment) };
  };
  const onInterpretation = (action: ReviewAction) => async (ctx: any) => {
    const { comment } = validated<{ comment?: string }>(commentBody, ctx.request.body);
    ctx.body = { data: await policies().actOnInterpretation(action, ctx.params.documentId, ctx.state.user, comment) };
  };
  return {
    async status(ctx: any) {
      // Supervisors read every organisation's reviews; department users their own.
      const status = await policies().status(ctx.params.documentId);
      if (!ctx.state.userAbility?.can(ACTIONS.metrics)) {
        const policy = await policies().policy(ctx.params.documentId);
        await policies().assertInScope(ctx.state.user, policy?.organizationDocumentId ?? null);
      }
      ctx.body = { data: status };
    },
    submit: onPolicy('submit'),
    approve: onPolicy('approve'),
    reject: onPolicy('reject'),
    publish: onPolicy('publish'),
    submitInterpretation: onInterpretation('submit'),
    approveInterpretation: onInterpretation('approve'),
    rejectInterpretation: onInterpretation('reject'),
    publishInterpretation: onInterpretation('publish'),
    async waive(ctx: any) {
      const { reason } = validated<{ reason: string }>(waiverBody, ctx.request.body);
      ctx.body = { data: await policies().waive(ctx.params.documentId, reason, ctx.state.user) };
    },
    async withdrawWaiver(ctx: any) {
      ctx.body = { data: await policies().withdrawWaiver(ctx.params.documentId, ctx.state.user) };
    },
  };
};

export default review;
