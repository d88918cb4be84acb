import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import type { ProactiveDisclosureService } from '../services/proactive-disclosure';

const WRITES = new Set(['create', 'update', 'publish', 'unpublish', 'discardDraft', 'clone']);

/** After any write of a disclosure item, its Art. 26 due date and timeliness follow the stored item. */
export const disclosureTimeliness =
  (strapi: Core.Strapi) =>
  async (context: { uid: string; action: string; params: Record<string, any> }, next: () => Promise<unknown>) => {
    if (context.uid !== UID.item || !WRITES.has(context.action)) return next();
    const result = (await next()) as { documentId?: string; entries?: Array<{ documentId: string }> } | null;
    const documentId = result?.documentId ?? result?.entries?.[0]?.documentId ?? context.params.documentId;
    if (!documentId) return result;
    const timeliness = await (strapi.plugin(PLUGIN_ID).service('proactive-disclosure') as ProactiveDisclosureService).refresh(documentId);
    if (timeliness && result && typeof result === 'object' && 'documentId' in result) Object.assign(result, timeliness);
    return result;
  };
