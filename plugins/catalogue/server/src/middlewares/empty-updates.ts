import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import type { WriteFactsService } from '../services/write-facts';
import { isEmptyUpdate } from '../core/empty-update';
import { isContentManagerPublish } from '../utils/request';

/**
 * An update of a disclosure item that changes nothing (the content manager saves the draft with an
 * empty body before each publish) answers with the stored draft instead of rewriting it: no rule
 * has anything to check, and the publish that follows runs every guard. Registered first, so no
 * other middleware (scan, timeliness, cache invalidation) runs for a write that did not happen.
 */
export const emptyUpdates =
  (strapi: Core.Strapi) =>
  async (context: { uid: string; action: string; params: Record<string, any> }, next: () => Promise<unknown>) => {
    if (context.uid !== UID.item || context.action !== 'update' || !context.params.documentId || !isEmptyUpdate(context.params)) return next();
    const { documentId, locale, populate, fields } = context.params;
    // The content manager's publish discards what its draft save returns: the bare row will do there.
    const publishing = isContentManagerPublish(strapi);
    const draft = publishing
      ? await strapi.db.query(UID.item).findOne({ where: { documentId, publishedAt: null } })
      : await strapi.documents(UID.item as never).findOne({ documentId, locale, status: 'draft', populate, fields } as never);
    // The publish that follows in this request checks this same draft (write-facts): no second read.
    if (publishing && draft) (strapi.plugin(PLUGIN_ID).service('write-facts') as WriteFactsService).keepRequestDraft(draft);
    // No draft to answer with (a new locale, a missing document): Strapi's own update handles it.
    return draft ?? next();
  };
