import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { indexedPublicFilters } from '../core/public-filters';
import { isContentApiRequest } from '../utils/request';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

/**
 * The public (REST and GraphQL) sees published versions only, whatever `status` it asks for, and
 * disclosure items only when they are proactively disclosed (主动公开). Drafts live in the admin.
 * The public filters are rewritten onto indexed columns of the item where that is exact.
 */
export const publicVisibility =
  (strapi: Core.Strapi) =>
  async (context: { uid: string; action: string; params: Record<string, any>; contentType: { options?: { draftAndPublish?: boolean } } }, next: () => Promise<unknown>) => {
    if (!READ_ACTIONS.has(context.action) || !context.uid.startsWith('api::') || !isContentApiRequest(strapi)) return next();

    if (context.contentType.options?.draftAndPublish) context.params.status = 'published';
    if (context.uid === UID.item) {
      const proactive = { disclosureAttribute: { $eq: 'proactive' } };
      // Category filters go to the item's own column, so the list is read from one table in index order.
      context.params.filters = context.params.filters ? { $and: [indexedPublicFilters(context.params.filters), proactive] } : proactive;
    }
    return next();
  };
