import type { Core } from '@strapi/strapi';

/** A category as the write path's rules need it (code for the public list, Art. 26 limit, 三同步). */
export interface CategoryFacts {
  id: number;
  documentId: string;
  code: string;
  isPolicy: boolean | null;
  disclosureLimitDays: number | null;
}

/**
 * What the catalogue's rules learnt about one disclosure-item write, handed to the middlewares that
 * run inside it (deadlines, policy linkage, content security) so they need not read it again:
 *   - `category`: the category the item has after the write (looked up once, in the write's transaction);
 *   - `draft`: on publish, the stored draft as it is about to be copied (first publish time stamped).
 * Keyed by the document-service call's `params` object, so it lives exactly as long as that call.
 * An optimisation only: a middleware that finds nothing here reads the database as before.
 */
export interface ItemWriteFacts {
  category: CategoryFacts | null;
  draft: (Record<string, any> & { id: number; documentId: string }) | null;
}

/** The counter an index number is drawn from (services/index-numbers). */
export type IndexCounter = { organizationCode: string; year: number };

const writeFacts = ({ strapi }: { strapi: Core.Strapi }) => {
  const facts = new WeakMap<object, ItemWriteFacts>();
  const request = () => strapi.requestContext.get() as object | undefined;
  /** A value per request and document, for a later step of the same request (taken once). */
  const perRequest = <T>() => {
    const values = new WeakMap<object, Map<string, T>>();
    return {
      keep(documentId: string, value: T): boolean {
        const ctx = request();
        if (!ctx) return false;
        const byDocument = values.get(ctx) ?? new Map<string, T>();
        byDocument.set(documentId, value);
        values.set(ctx, byDocument);
        return true;
      },
      take(documentId: string): T | null {
        const byDocument = values.get(request() ?? {});
        const value = byDocument?.get(documentId) ?? null;
        byDocument?.delete(documentId);
        return value;
      },
    };
  };
  // The content manager's publish request saves the draft unchanged, then publishes it in the same
  // transaction: the draft the empty save read (middlewares/empty-updates) is the one published.
  const requestDrafts = perRequest<Record<string, any>>();
  // The content manager's one-request 发布 of a new entry creates it, then publishes it in the same
  // transaction: its index number is drawn at the end of that publish (middlewares/disclosure-item-rules).
  const deferredNumbers = perRequest<IndexCounter>();
  return {
    /** Leaves a new document's index number to the publish that follows in this request; false outside a request. */
    deferIndexNumber: (documentId: string, counter: IndexCounter): boolean => deferredNumbers.keep(documentId, counter),
    takeDeferredIndexNumber: (documentId: string): IndexCounter | null => deferredNumbers.take(documentId),

    /** Keeps a draft read in this request for the publish that follows (taken once). */
    keepRequestDraft(row: Record<string, any> & { documentId: string }) {
      requestDrafts.keep(row.documentId, row);
    },
    takeRequestDraft: (documentId: string): Record<string, any> | null => requestDrafts.take(documentId),

    remember(params: object, value: ItemWriteFacts) {
      facts.set(params, value);
    },
    of(params: object): ItemWriteFacts | null {
      return facts.get(params) ?? null;
    },
  };
};

export type WriteFactsService = ReturnType<typeof writeFacts>;
export default writeFacts;
