import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import { refusal } from '../core/errors';
import { checkInterpretationContent } from '../core/interpretation-content';
import type { PoliciesService } from '../services/policies';
import { refuse, refuseIfAny } from '../utils/refusals';
import { currentAdmin, isContentApiRequest } from '../utils/request';

type Context = { uid: string; action: string; params: Record<string, any> };

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const DATA_WRITES = new Set(['create', 'update', 'clone']);
/** Fields the plugin derives or the review workflow sets; whatever a form sends for them is dropped. */
const DERIVED = ['organization', 'organizationDocumentId', 'reviewStage', 'reviewComment', 'releasedAt', 'releaseLagWorkingDays', 'releasedLate'];
const CONTENT_FIELDS = ['title', 'form', 'interpreter', 'background', 'purpose', 'keyMeasures', 'reviewStage'];

/**
 * The interpretation's own rules: linked to a policy document of the user's organisation, its
 * sections substantive, its review stage moved only by the workflow, published only once approved
 * and only while its policy is public; the release lag is recorded at the first release.
 */
export const interpretationRules = (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
  if (context.uid !== UID.interpretation) return next();
  const policies = () => strapi.plugin(PLUGIN_ID).service('policies') as PoliciesService;

  if (READS.has(context.action)) {
    // The public reads released interpretations only, whatever status it asks for.
    if (isContentApiRequest(strapi)) context.params.status = 'published';
    return next();
  }

  if (DATA_WRITES.has(context.action)) {
    const data: Record<string, any> = (context.params.data = { ...(context.params.data ?? {}) });
    for (const field of DERIVED) delete data[field];
    const publishing = context.params.status === 'published';
    if (publishing) delete context.params.status;
    return strapi.db.transaction(async () => {
      const actor = currentAdmin(strapi);
      if (context.params.documentId) {
        const stored = await strapi.db.query(UID.interpretation).findOne({ where: { documentId: context.params.documentId, publishedAt: null }, select: ['id', 'organizationDocumentId'] });
        if (stored) await policies().assertInScope(actor, stored.organizationDocumentId);
      }
      const result = (await next()) as { documentId?: string } | null;
      if (!result?.documentId) return result;
      const row = await strapi.db.query(UID.interpretation).findOne({
        where: { documentId: result.documentId, publishedAt: null },
        select: ['id', ...CONTENT_FIELDS],
        populate: { policy: { select: ['id', 'documentId'] } },
      });
      const policy = row?.policy ? await policies().policy(row.policy.documentId) : null;
      if (!policy) refuse([refusal('POLICY_REQUIRED', 'policy')]);
      if (!policy!.isPolicy) refuse([refusal('POLICY_NOT_A_POLICY', 'policy', { category: policy!.categoryCode })]);
      refuseIfAny(checkInterpretationContent(row, policy!.text));
      await policies().assertInScope(actor, policy!.organizationDocumentId);

      // Whoever drafts the policy interprets it; any edit sends a submitted, approved or released text back to draft.
      const reset = context.action !== 'update' || row.reviewStage !== 'draft';
      const organization = policy!.organizationDocumentId
        ? await strapi.db.query(UID.organization).findOne({ where: { documentId: policy!.organizationDocumentId }, select: ['id'] })
        : null;
      await strapi.db.query(UID.interpretation).update({
        where: { id: row.id },
        data: {
          organization: organization?.id ?? null,
          organizationDocumentId: policy!.organizationDocumentId,
          ...(reset ? { reviewStage: 'draft' } : {}),
          ...(context.action === 'update' ? {} : { releasedAt: null, releaseLagWorkingDays: null, releasedLate: false }),
        },
      });
      if (publishing) refuse([refusal('INTERPRETATION_NOT_APPROVED')]);
      return result;
    });
  }

  if (context.action === 'publish' && context.params.documentId) {
    return strapi.db.transaction(async () => {
      const documentId = context.params.documentId as string;
      const row = await strapi.db.query(UID.interpretation).findOne({
        where: { documentId, publishedAt: null },
        select: ['id', 'reviewStage', 'releasedAt', 'organizationDocumentId'],
        populate: { policy: { select: ['id', 'documentId'] } },
      });
      if (!row) return next();
      await policies().assertInScope(currentAdmin(strapi), row.organizationDocumentId);
      if (row.reviewStage !== 'approved') refuse([refusal('INTERPRETATION_NOT_APPROVED', undefined, { documentId, stage: row.reviewStage })]);
      const policy = row.policy ? await policies().policy(row.policy.documentId) : null;
      if (!policy?.isPublic) refuse([refusal('POLICY_NOT_PUBLIC', 'policy', { documentId, policy: row.policy?.documentId ?? null })]);

      const now = new Date();
      const firstRelease = !row.releasedAt;
      const lag = firstRelease ? await policies().lagOf(policy!.firstPublishedAt, now) : null;
      await strapi.db.query(UID.interpretation).update({
        where: { id: row.id },
        data: { reviewStage: 'published', ...(lag ? { releasedAt: now, releaseLagWorkingDays: lag.lagWorkingDays, releasedLate: lag.late } : {}) },
      });
      const result = await next();
      if (lag?.late) {
        await policies().record(policy!.documentId, 'released_late', currentAdmin(strapi), {
          interpretationDocumentId: documentId,
          comment: `晚于政策文件 ${lag.lagWorkingDays} 个工作日发布（允许 ${policies().config().lagAllowanceWorkingDays} 个）`,
        });
      }
      return result;
    });
  }

  return next();
};
