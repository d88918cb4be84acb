import type { Core } from '@strapi/strapi';
import { UID } from '../constants';

/**
 * Items keep their category's code (`categoryCode`, for the public list); a category re-coded or
 * deleted carries its items' copies along in the same transaction. Categories are seeded
 * reference data, so this is rare and a bulk UPDATE is fine.
 */
export const categoryCodes =
  (strapi: Core.Strapi) =>
  async (context: { uid: string; action: string; params: Record<string, any> }, next: () => Promise<unknown>) => {
    if (context.uid !== UID.category || (context.action !== 'update' && context.action !== 'delete') || !context.params.documentId) return next();
    const categories = strapi.db.query(UID.category);
    const items = strapi.db.query(UID.item);

    return strapi.db.transaction(async () => {
      const before: { code: string } | null = await categories.findOne({ where: { documentId: context.params.documentId }, select: ['code'] });
      const result = await next();
      if (!before) return result;
      const after: { code: string } | null = await categories.findOne({ where: { documentId: context.params.documentId }, select: ['code'] });
      if (after?.code !== before.code) await items.updateMany({ where: { categoryCode: before.code }, data: { categoryCode: after?.code ?? null } });
      return result;
    });
  };
