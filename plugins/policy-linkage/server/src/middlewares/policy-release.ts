import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import { refusal } from '../core/errors';
import type { PoliciesService } from '../services/policies';
import { refuse } from '../utils/refusals';
import { currentAdmin } from '../utils/request';

type Context = { uid: string; action: string; params: Record<string, any> };

/** The catalogue's write facts (plugins/catalogue services/write-facts), when the catalogue runs. */
type WriteFacts = { category: { code: string; isPolicy: boolean | null } | null; draft: (Record<string, any> & { id: number; documentId: string }) | null };

/**
 * The policy right after a create or publish, from what the write already knows: the row a create
 * returned (its draft's copy) or the draft the catalogue read before publishing, and the category
 * the catalogue looked up. Null when those are not at hand: the caller reads the stored policy.
 */
const releasedPolicy = async (strapi: Core.Strapi, context: Context, result: (Record<string, any> & { entries?: Array<Record<string, any>> }) | null) => {
  const facts = (strapi.plugin('catalogue')?.service('write-facts') as { of(params: object): WriteFacts | null } | undefined)?.of(context.params);
  if (!facts?.category || !result) return null;
  const policies = strapi.plugin(PLUGIN_ID).service('policies') as PoliciesService;
  if (context.action === 'create' && context.params.status === 'published' && typeof result.id === 'number' && result.publishedAt) {
    return policies.releasedPolicy(result as never, facts.category, { created: true });
  }
  if (context.action === 'publish' && facts.draft && result.entries?.length) {
    return policies.releasedPolicy(facts.draft as never, facts.category, { created: false });
  }
  return null;
};

const releases = (context: Context) =>
  context.action === 'publish' || ((context.action === 'create' || context.action === 'update') && context.params.status === 'published');

/**
 * 同步部署 on the policy side, whoever acts (review desk, content manager, a script):
 *   - publishing a policy that needs an interpretation requires its review to be approved with at
 *     least one approved interpretation, and releases every approved interpretation in the same
 *     transaction: a failure anywhere publishes nothing;
 *   - unpublishing a policy unpublishes its interpretations; an interpretation is never public alone;
 *   - a policy that still has interpretations cannot be deleted.
 */
export const policyRelease = (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
  if (context.uid !== UID.item) return next();
  const policies = () => strapi.plugin(PLUGIN_ID).service('policies') as PoliciesService;
  // The link is owned by the interpretation, where its rules are checked; the policy's form cannot rewire it.
  if (context.params.data && 'interpretations' in context.params.data) {
    context.params.data = { ...context.params.data };
    delete context.params.data.interpretations;
  }

  if (context.action === 'delete' && context.params.documentId) {
    const linked = await strapi.db.query(UID.interpretation).findMany({
      where: { policy: { documentId: context.params.documentId } },
      select: ['id', 'documentId', 'title'],
    });
    const named = [...new Map(linked.map((i: { documentId: string; title: string }) => [i.documentId, { documentId: i.documentId, title: i.title }])).values()];
    if (named.length) {
      refuse([refusal('POLICY_HAS_INTERPRETATIONS', undefined, { interpretations: named })]);
    }
    return next();
  }

  if (context.action === 'unpublish' && context.params.documentId) {
    return strapi.db.transaction(async () => {
      const documentId = context.params.documentId as string;
      const released = await policies().interpretationsOf(documentId, { published: true });
      const result = await next();
      for (const interpretation of released) {
        await strapi.documents(UID.interpretation as never).unpublish({ documentId: interpretation.documentId } as never);
        await policies().setInterpretationStage(interpretation.documentId, 'draft');
      }
      const review = await policies().review(documentId);
      if (review) await strapi.db.query(UID.review).update({ where: { id: review.id }, data: { stage: 'draft' } });
      await policies().record(documentId, 'unpublish', currentAdmin(strapi), { comment: released.length ? `同时撤回解读 ${released.length} 篇` : null });
      return result;
    });
  }

  if (!releases(context)) return next();

  return strapi.db.transaction(async () => {
    // Only whether a public version existed before this write matters here (one cheap lookup).
    const wasReleased = context.params.documentId ? await policies().isReleased(context.params.documentId) : false;
    const result = (await next()) as (Record<string, any> & { documentId?: string; entries?: Array<Record<string, any>> }) | null;
    const documentId = result?.documentId ?? context.params.documentId;
    const policy = documentId ? await releasedPolicy(strapi, context, result) ?? (await policies().policy(documentId)) : null;
    if (!policy?.isPolicy) return result;

    // A document created by this very write has no interpretation linked to it yet, unless the create itself links some.
    const interpretations =
      context.action === 'create' && !context.params.data?.interpretations ? [] : await policies().interpretationsOf(policy.documentId);
    const approved = interpretations.filter((i) => i.reviewStage === 'approved');
    // A correction of a policy that is public is republished without a new review; a policy going
    // public (first time or after a withdrawal) needs its approved review. (The catalogue has already
    // stamped the first publish time by now, so that cannot tell.)
    if (policy.requiresInterpretation && !wasReleased) {
      if (policy.review?.stage !== 'approved') refuse([refusal('POLICY_NOT_APPROVED', undefined, { documentId: policy.documentId, stage: policy.review?.stage ?? 'draft' })]);
      if (!approved.length) refuse([refusal('INTERPRETATION_APPROVAL_REQUIRED', undefined, { documentId: policy.documentId })]);
    }

    // Released together: each approved interpretation goes public with its policy, or nothing does.
    if (policy.isPublic) {
      for (const interpretation of approved) {
        await strapi.documents(UID.interpretation as never).publish({ documentId: interpretation.documentId } as never);
      }
    } else {
      // A policy that is no longer proactively disclosed takes its interpretations off the public pages.
      for (const interpretation of await policies().interpretationsOf(policy.documentId, { published: true })) {
        await strapi.documents(UID.interpretation as never).unpublish({ documentId: interpretation.documentId } as never);
        await policies().setInterpretationStage(interpretation.documentId, 'draft');
      }
    }
    await policies().markReleased(policy);
    await policies().record(policy.documentId, 'publish', currentAdmin(strapi), { comment: approved.length ? `同步发布解读 ${approved.length} 篇` : null });
    return result;
  });
};
