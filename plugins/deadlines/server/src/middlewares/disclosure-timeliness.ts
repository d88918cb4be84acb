import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import type { ProactiveDisclosureService } from '../services/proactive-disclosure';
import { toIsoDay } from '../utils/dates';

const WRITES = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft', 'clone']);

/** The catalogue's write facts (plugins/catalogue services/write-facts), when the catalogue runs. */
type WriteFacts = { category: { disclosureLimitDays: number | null } | null; draft: (Record<string, any> & { documentId: string }) | null };
const writeFactsOf = (strapi: Core.Strapi, params: object): WriteFacts | null =>
  (strapi.plugin('catalogue')?.service('write-facts') as { of(params: object): WriteFacts | null } | undefined)?.of(params) ?? null;

/**
 * After any write of a disclosure item, its Art. 26 due date and timeliness follow the stored item.
 * A create (its fields are all in the submitted data) and a publish (the catalogue has just read
 * the draft) get them written with the item itself; every other write recomputes from the stored item.
 */
export const disclosureTimeliness =
  (strapi: Core.Strapi) =>
  async (context: { uid: string; action: string; params: Record<string, any> }, next: () => Promise<unknown>) => {
    if (context.uid !== UID.item || !WRITES.has(context.action)) return next();
    const service = strapi.plugin(PLUGIN_ID).service('proactive-disclosure') as ProactiveDisclosureService;
    const facts = writeFactsOf(strapi, context.params);

    const data = context.params.data;
    // Only a plain date is taken as submitted; any other shape goes through Strapi's parsing and is read back.
    if (context.action === 'create' && facts?.category && data && /^\d{4}-\d{2}-\d{2}$/.test(String(data.formedDate ?? ''))) {
      const attributes = (strapi.contentType(UID.item as never) as { attributes: Record<string, { default?: unknown }> }).attributes;
      const timeliness = await service.evaluate({
        documentId: '',
        formedDate: data.formedDate,
        firstPublishedAt: data.firstPublishedAt ?? null,
        disclosureAttribute: data.disclosureAttribute ?? (attributes.disclosureAttribute?.default as string),
        category: facts.category,
      });
      Object.assign(data, timeliness);
      return next();
    }

    if (context.action === 'publish' && facts?.draft && facts.category) {
      const draft = facts.draft;
      const timeliness = await service.evaluate({ ...draft, formedDate: draft.formedDate, firstPublishedAt: draft.firstPublishedAt, disclosureAttribute: draft.disclosureAttribute, category: facts.category });
      // Written to the draft before Strapi copies it into the published version (and returns that).
      const changed = toIsoDay(draft.disclosureDueDate) !== timeliness.disclosureDueDate || draft.timeliness !== timeliness.timeliness || draft.daysLate !== timeliness.daysLate;
      if (changed) await strapi.db.query(UID.item).updateMany({ where: { documentId: draft.documentId, publishedAt: null }, data: timeliness });
      return next();
    }

    const result = (await next()) as { documentId?: string; entries?: Array<{ documentId: string }> } | null;
    const documentId = result?.documentId ?? result?.entries?.[0]?.documentId ?? context.params.documentId;
    if (!documentId) return result;
    const timeliness = await service.refresh(documentId);
    if (timeliness && result && typeof result === 'object' && 'documentId' in result) Object.assign(result, timeliness);
    return result;
  };
