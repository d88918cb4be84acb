import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import { refusal } from '../core/errors';
import { releaseLag, weekdaysBetween, type ReleaseLag } from '../core/release-lag';
import {
  checkInterpretationAction,
  checkPolicyAction,
  interpretationStageAfter,
  requiresInterpretation,
  TRANSITIONS,
  type ReviewAction,
  type ReviewStage,
} from '../core/review-workflow';
import { notFound, refuse, refuseIfAny, refuseOutOfScope } from '../utils/refusals';
import { actorName, isSuperAdmin, type Actor } from '../utils/request';

export interface PolicyFacts {
  id: number;
  documentId: string;
  title: string;
  indexNumber: string | null;
  text: string;
  categoryCode: string | null;
  isPolicy: boolean;
  organizationDocumentId: string | null;
  disclosureAttribute: string | null;
  firstPublishedAt: string | null;
  /** A published version exists and is proactively disclosed: the public can read it. */
  isPublic: boolean;
  isReleased: boolean;
  requiresInterpretation: boolean;
  review: ReviewRecord | null;
}

export interface ReviewRecord {
  id: number;
  policyDocumentId: string;
  stage: ReviewStage;
  comment: string | null;
  waiverReason: string | null;
  waivedBy: string | null;
  waivedAt: string | null;
  releasedAt: string | null;
}

export interface InterpretationRow {
  id: number;
  documentId: string;
  title: string;
  form: string;
  reviewStage: ReviewStage;
  reviewComment: string | null;
  releasedAt: string | null;
  releaseLagWorkingDays: number | null;
  releasedLate: boolean | null;
}

const INTERPRETATION_FIELDS = ['id', 'documentId', 'title', 'form', 'reviewStage', 'reviewComment', 'releasedAt', 'releaseLagWorkingDays', 'releasedLate'];

const shanghaiDay = (instant: Date | string) => new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The 三同步 rules on stored records: what a policy document is and needs, its review workflow with
 * its interpretations, waivers, and the joint release. Every write runs in one transaction.
 */
const policies = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => ({
    requireInterpretationFor: strapi.config.get(`plugin::${PLUGIN_ID}.requireInterpretationFor`) as string[],
    lagAllowanceWorkingDays: strapi.config.get(`plugin::${PLUGIN_ID}.lagAllowanceWorkingDays`) as number,
  });

  // Which organisations a department user works for is the catalogue's answer.
  const organizationsOf = async (actor: Actor): Promise<string[] | null> => {
    if (!actor || isSuperAdmin(actor)) return null;
    return (strapi.plugin('catalogue').service('organization-scope') as { organizationsOf(id: number): Promise<string[]> }).organizationsOf(actor.id);
  };

  // No caller reads the event back: one INSERT, no SELECT of the stored row.
  const record = async (policyDocumentId: string, action: string, actor: Actor, extra: { interpretationDocumentId?: string; comment?: string | null } = {}) =>
    strapi.db.query(UID.event).createMany({
      data: [{ policyDocumentId, action, actorId: actor?.id ?? null, actorName: actorName(actor) ?? '系统', at: new Date(), ...extra }],
    });

  type Draft = { id: number; documentId: string; title: string; indexNumber?: string | null; summary?: string | null; body?: string | null; organizationDocumentId?: string | null; disclosureAttribute?: string | null; firstPublishedAt?: string | Date | null };
  type Category = { code?: string | null; isPolicy?: boolean | null } | null | undefined;

  /** The rules' view of a policy from its draft, its category, its public version and its review. */
  const factsOf = (draft: Draft, category: Category, published: { disclosureAttribute?: string | null } | null, review: ReviewRecord | null): PolicyFacts => {
    const categoryCode = category?.code ?? null;
    return {
      id: draft.id,
      documentId: draft.documentId,
      title: draft.title,
      indexNumber: draft.indexNumber ?? null,
      text: [draft.title, draft.summary, draft.body].filter(Boolean).join('\n'),
      categoryCode,
      isPolicy: !!category?.isPolicy,
      organizationDocumentId: draft.organizationDocumentId ?? null,
      disclosureAttribute: draft.disclosureAttribute ?? null,
      firstPublishedAt: (draft.firstPublishedAt as string | null) ?? null,
      isPublic: !!published && published.disclosureAttribute === 'proactive',
      isReleased: !!published,
      requiresInterpretation: requiresInterpretation(categoryCode, config().requireInterpretationFor, !!review?.waiverReason),
      review,
    };
  };

  const service = {
    config,

    async assertInScope(actor: Actor, organizationDocumentId: string | null) {
      const allowed = await organizationsOf(actor);
      if (allowed && !allowed.includes(organizationDocumentId ?? '')) refuseOutOfScope({ organization: organizationDocumentId });
    },

    async review(policyDocumentId: string): Promise<ReviewRecord | null> {
      return strapi.db.query(UID.review).findOne({ where: { policyDocumentId } });
    },

    /** The policy as the rules see it: its draft's fields, whether a public version exists, its review. */
    async policy(documentId: string): Promise<PolicyFacts | null> {
      // Draft and published version in one read (the category is populated for both, one query).
      const versions = await strapi.db.query(UID.item).findMany({
        where: { documentId },
        select: ['id', 'documentId', 'title', 'indexNumber', 'summary', 'body', 'organizationDocumentId', 'disclosureAttribute', 'firstPublishedAt', 'publishedAt'],
        populate: { category: { select: ['id', 'code', 'isPolicy'] } },
      });
      const draft = versions.find((v: { publishedAt: unknown }) => v.publishedAt === null || v.publishedAt === undefined);
      if (!draft) return null;
      const published = versions.find((v: { publishedAt: unknown }) => v.publishedAt !== null && v.publishedAt !== undefined);
      const review = await service.review(documentId);
      return factsOf(draft, draft.category, published ?? null, review);
    },

    /**
     * The policy as it stands right after a write that published it, from what the write already
     * knows (its draft, its category from the catalogue), reading only its review — or nothing for a
     * document the write has just created, which cannot have a review yet.
     */
    async releasedPolicy(draft: Draft, category: Category, { created }: { created: boolean }): Promise<PolicyFacts> {
      const review = created ? null : await service.review(draft.documentId);
      return factsOf(draft, category, draft, review);
    },

    /** The interpretations linked to a policy, as their drafts (which carry the review stage). */
    async interpretationsOf(policyDocumentId: string, { published = false } = {}): Promise<InterpretationRow[]> {
      return strapi.db.query(UID.interpretation).findMany({
        where: { policy: { documentId: policyDocumentId }, publishedAt: published ? { $notNull: true } : null },
        select: INTERPRETATION_FIELDS,
        orderBy: { id: 'asc' },
      });
    },

    /** Whether a published version of the document exists. */
    async isReleased(documentId: string): Promise<boolean> {
      return !!(await strapi.db.query(UID.item).findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id'] }));
    },

    /** The review after a release: published, released once (the first time kept), no pending comment. */
    async markReleased(policy: PolicyFacts) {
      const released = { stage: 'published' as ReviewStage, comment: null, releasedAt: policy.review?.releasedAt ?? new Date() };
      if (!policy.review) {
        await strapi.db.query(UID.review).createMany({ data: [{ policyDocumentId: policy.documentId, organizationDocumentId: policy.organizationDocumentId, ...released }] });
        return;
      }
      // One UPDATE (no read-back): nothing here uses the row afterwards.
      await strapi.db.query(UID.review).updateMany({ where: { id: policy.review.id }, data: released });
    },

    async ensureReview(policy: PolicyFacts): Promise<ReviewRecord> {
      if (policy.review) return policy.review;
      return strapi.db.query(UID.review).create({
        data: { policyDocumentId: policy.documentId, organizationDocumentId: policy.organizationDocumentId, stage: policy.isReleased ? 'published' : 'draft' },
      });
    },

    async setInterpretationStage(documentId: string, reviewStage: ReviewStage, extra: Record<string, unknown> = {}) {
      await strapi.db.query(UID.interpretation).updateMany({ where: { documentId, publishedAt: null }, data: { reviewStage, ...extra } });
    },

    /** Working days from the policy's release to `on`, against the allowance (deadlines calendar when present). */
    async lagOf(policyReleasedAt: string | Date | null, on: Date): Promise<ReleaseLag> {
      if (!policyReleasedAt) return { lagWorkingDays: 0, late: false };
      const calendar = strapi.plugin('deadlines') ? await (strapi.plugin('deadlines').service('calendar') as { current(): Promise<{ workingDaysBetween(a: string, b: string): number }> }).current() : null;
      const between = calendar ? (a: string, b: string) => calendar.workingDaysBetween(a, b) : weekdaysBetween;
      return releaseLag(shanghaiDay(policyReleasedAt), shanghaiDay(on), config().lagAllowanceWorkingDays, between);
    },

    /** A policy and its interpretations take one review step together (同步审签), or are released (同步部署). */
    async actOnPolicy(action: ReviewAction, documentId: string, actor: Actor, comment?: string | null) {
      return strapi.db.transaction(async () => {
        const policy = (await service.policy(documentId)) ?? notFound({ documentId });
        await service.assertInScope(actor, policy.organizationDocumentId);
        if (!policy.isPolicy) refuse([refusal('POLICY_NOT_A_POLICY', 'policy', { documentId })]);
        const review = await service.ensureReview(policy);
        const interpretations = await service.interpretationsOf(documentId);
        refuseIfAny(checkPolicyAction(action, { stage: review.stage, requiresInterpretation: policy.requiresInterpretation, interpretationStages: interpretations.map((i) => i.reviewStage) }, comment));

        if (action === 'publish') {
          // The publish middleware releases the approved interpretations in this same transaction.
          await strapi.documents(UID.item as never).publish({ documentId } as never);
          return service.status(documentId);
        }
        for (const interpretation of interpretations) {
          const next = interpretationStageAfter(action, interpretation.reviewStage);
          if (next === interpretation.reviewStage) continue;
          await service.setInterpretationStage(interpretation.documentId, next, action === 'reject' ? { reviewComment: comment } : {});
          await record(documentId, action, actor, { interpretationDocumentId: interpretation.documentId });
        }
        await strapi.db.query(UID.review).update({ where: { id: review.id }, data: { stage: TRANSITIONS[action].to, comment: action === 'reject' ? comment : null } });
        await record(documentId, action, actor, { comment: comment ?? null });
        return service.status(documentId);
      });
    },

    /** An interpretation added after its policy was released goes through review on its own. */
    async actOnInterpretation(action: ReviewAction, documentId: string, actor: Actor, comment?: string | null) {
      return strapi.db.transaction(async () => {
        const row = await strapi.db.query(UID.interpretation).findOne({
          where: { documentId, publishedAt: null },
          select: INTERPRETATION_FIELDS,
          populate: { policy: { select: ['id', 'documentId'] } },
        });
        if (!row) notFound({ documentId });
        const policy = row.policy ? await service.policy(row.policy.documentId) : null;
        if (!policy) refuse([refusal('POLICY_REQUIRED', 'policy')]);
        await service.assertInScope(actor, policy!.organizationDocumentId);
        refuseIfAny(checkInterpretationAction(action, row.reviewStage, policy!.isReleased, comment));
        if (action === 'publish') {
          await strapi.documents(UID.interpretation as never).publish({ documentId } as never);
        } else {
          await service.setInterpretationStage(documentId, TRANSITIONS[action].to, { reviewComment: action === 'reject' ? comment : null });
        }
        await record(policy!.documentId, action, actor, { interpretationDocumentId: documentId, comment: comment ?? null });
        return service.status(policy!.documentId);
      });
    },

    /** 不解读: one document only, with a written reason that supervisors see. */
    async waive(documentId: string, reason: string | null | undefined, actor: Actor) {
      return strapi.db.transaction(async () => {
        const policy = (await service.policy(documentId)) ?? notFound({ documentId });
        await service.assertInScope(actor, policy.organizationDocumentId);
        if (!policy.categoryCode || !config().requireInterpretationFor.includes(policy.categoryCode)) refuse([refusal('WAIVER_NOT_APPLICABLE', 'policy', { category: policy.categoryCode })]);
        if (!reason || !reason.trim()) refuse([refusal('WAIVER_REASON_REQUIRED', 'reason')]);
        const review = await service.ensureReview(policy);
        await strapi.db.query(UID.review).update({ where: { id: review.id }, data: { waiverReason: reason!.trim(), waivedBy: actorName(actor) ?? '系统', waivedAt: new Date() } });
        await record(documentId, 'waive', actor, { comment: reason!.trim() });
        return service.status(documentId);
      });
    },

    async withdrawWaiver(documentId: string, actor: Actor) {
      return strapi.db.transaction(async () => {
        const policy = (await service.policy(documentId)) ?? notFound({ documentId });
        await service.assertInScope(actor, policy.organizationDocumentId);
        if (policy.review?.waiverReason) {
          await strapi.db.query(UID.review).update({ where: { id: policy.review.id }, data: { waiverReason: null, waivedBy: null, waivedAt: null } });
          await record(documentId, 'withdraw_waiver', actor);
        }
        return service.status(documentId);
      });
    },

    /** Everything the review panel shows for one policy. */
    async status(documentId: string) {
      const policy = (await service.policy(documentId)) ?? notFound({ documentId });
      const [interpretations, published, events] = await Promise.all([
        service.interpretationsOf(documentId),
        service.interpretationsOf(documentId, { published: true }),
        strapi.db.query(UID.event).findMany({ where: { policyDocumentId: documentId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
      ]);
      const publishedIds = new Set(published.map((p) => p.documentId));
      return {
        policy: {
          documentId,
          title: policy.title,
          indexNumber: policy.indexNumber,
          category: policy.categoryCode,
          isPolicy: policy.isPolicy,
          released: policy.isReleased,
          firstPublishedAt: policy.firstPublishedAt,
        },
        requiresInterpretation: policy.requiresInterpretation,
        stage: policy.review?.stage ?? (policy.isReleased ? 'published' : 'draft'),
        comment: policy.review?.comment ?? null,
        waiver: policy.review?.waiverReason ? { reason: policy.review.waiverReason, by: policy.review.waivedBy, at: policy.review.waivedAt } : null,
        interpretations: interpretations.map((i) => ({ ...i, id: undefined, published: publishedIds.has(i.documentId) })),
        events: events.map((e: Record<string, unknown>) => ({ action: e.action, interpretationDocumentId: e.interpretationDocumentId ?? null, comment: e.comment ?? null, actor: e.actorName, at: e.at })),
      };
    },

    record,
  };
  return service;
};

export type PoliciesService = ReturnType<typeof policies>;
export default policies;
