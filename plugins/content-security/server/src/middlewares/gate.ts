import type { Core } from '@strapi/strapi';
import { OWN_RECORDS, PLUGIN_ID } from '../constants';
import type { Actor, GateService, Trigger } from '../services/gate';
import { refuse } from '../utils/refusals';

type Context = { uid: string; action: string; params: Record<string, any> };

const SCANNED = new Set(['create', 'update', 'publish']);

export const currentAdmin = (strapi: Core.Strapi): Actor => {
  const state = (strapi.requestContext.get() as { state?: { auth?: { strategy?: { name?: string } }; user?: Actor } } | undefined)?.state;
  return state?.auth?.strategy?.name === 'admin' ? state.user ?? null : null;
};

/**
 * The pre-publish gate, a document middleware on create, update and publish of every gated type.
 * It scans what was written, inside the write's transaction, and stores the result. When the
 * content is or becomes public — publish, a create or update with status "published", any write
 * of a type without drafts — findings that no supervisor overrode refuse the write (400, nothing
 * written; the refusal itself is stored after the rollback). Draft saves are scanned and
 * reported, never blocked: editors may keep working on a draft that still needs masking.
 */
export const contentSecurityGate = (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
  if (OWN_RECORDS.includes(context.uid) && ['create', 'update', 'delete', 'clone', 'publish'].includes(context.action)) {
    return refuse('SECURITY_RECORDS_IMMUTABLE', '内容安全检查记录、放行记录和脱敏记录由系统写入，不能修改');
  }
  if (!SCANNED.has(context.action)) return next();
  const gate = strapi.plugin(PLUGIN_ID).service('gate') as GateService;
  if (!gate.isGated(context.uid)) return next();

  const draftAndPublish = gate.hasDraftAndPublish(context.uid);
  const becomesPublic = context.action === 'publish' || context.params.status === 'published' || !draftAndPublish;
  const actor = currentAdmin(strapi);

  return strapi.db.transaction(async ({ onRollback }) => {
    const result = (await next()) as { documentId?: string } | null;
    const documentId = result?.documentId ?? context.params.documentId;
    if (!documentId) return result;
    // A create answers with the row it stored (the published one when it published), which is what
    // scanStored would read; only attachments need the database, and a create without any has none.
    const created = context.action === 'create' ? gate.createdRow(context.uid, result, context.params.data) : null;
    const outcome = created
      ? await gate.scanContent(context.uid, documentId, await gate.contentOf(context.uid, created), created)
      : await gate.scanStored(context.uid, documentId, { published: draftAndPublish && becomesPublic });
    if (!outcome) return result;
    if (becomesPublic && outcome.blocking.length) {
      onRollback(() => {
        gate.record(outcome, context.action as Trigger, actor, true).catch((error) => strapi.log.error(`[content-security] storing a refusal failed: ${error.message}`));
      });
      return gate.refuse(outcome);
    }
    await gate.record(outcome, context.action as Trigger, actor, false, {}, { readBack: false });
    return result;
  });
};
