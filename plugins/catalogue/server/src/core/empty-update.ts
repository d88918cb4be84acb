/** Fields Strapi itself stamps on every save: a write carrying only these changes no content. */
const BOOKKEEPING = new Set(['updatedBy', 'updatedAt']);

/**
 * True for an update that carries no content at all. The admin's "publish" button sends an empty
 * body, and Strapi's content manager saves the draft with it (only `updatedBy` set) right before
 * publishing it: every rule of an update would run again on an unchanged draft.
 */
export const isEmptyUpdate = (params: { data?: Record<string, unknown> | null; status?: string } | null | undefined): boolean => {
  if (!params || params.status === 'published') return false;
  return Object.keys(params.data ?? {}).every((key) => BOOKKEEPING.has(key));
};
