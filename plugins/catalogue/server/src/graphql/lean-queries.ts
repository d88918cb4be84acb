import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { selectedFields, type Fragments, type SelectionSetNode } from '../core/graphql-selection';
import type { PublicReadsService, ReadShape } from '../services/public-reads';
import type { ToOneRelations } from './to-one-relations';

type Context = { state?: { auth?: unknown } };
type Info = { fieldNodes: ReadonlyArray<{ selectionSet?: SelectionSetNode }>; fragments: Fragments; path: { key: string | number } };
type Resolver = (parent: unknown, args: Record<string, unknown>, context: Context, info: Info) => Promise<unknown>;
type Row = Record<string, unknown>;
type Shape = ReadShape & { populate: Record<string, unknown> };

/** Arguments the lean path ignores: the public sees published versions whatever `status` asks (middlewares/public-visibility). */
const IGNORED = new Set(['status']);
const ITEM_ARGS = new Set(['documentId', ...IGNORED]);
const LIST_ARGS = new Set(['filters', 'sort', 'start', 'limit', ...IGNORED]);

/**
 * `disclosureItem` and `disclosureItems` through the catalogue's lean read path (services/public-reads),
 * as the REST item and list are: the root entity or page is read with Strapi's query layer and the
 * item's public projection; the fields' own resolvers (relations, components, media) then run as
 * they would on Strapi's answer, from the row's id. Only the columns the query selects are read, and
 * the to-one relations it selects come with the page (see to-one-relations). Anything the lean plan
 * does not cover — other arguments, filters or sorts, a list without a sort (Strapi's GraphQL has no default order), a
 * page above the REST limit, an item the public may not see — goes to Strapi's own resolver with
 * Strapi's arguments, so its answers and errors are unchanged.
 */
export const leanQueryResolvers = (strapi: Core.Strapi, relations: ToOneRelations) => () => {
  const graphql = strapi.plugin('graphql');
  const { transformArgs } = graphql.service('builders').utils;
  const contentType = strapi.getModel(UID.item as never);
  const strapiQueries = () => graphql.service('builders').get('content-api').buildQueriesResolvers({ contentType });
  const reads = (): PublicReadsService | null => {
    const service = strapi.plugin('catalogue').service('public-reads') as PublicReadsService;
    return service.enabled() ? service : null;
  };
  const only = (args: Record<string, unknown>, allowed: Set<string>) => Object.keys(args).every((key) => allowed.has(key) || args[key] === undefined);

  /** The columns and relations the query selects of the items. */
  const shapeOf = async (lean: PublicReadsService, context: Context, info: Info): Promise<Shape> => {
    const fields = selectedFields(info.fieldNodes.map((node) => node.selectionSet), info.fragments);
    const populate = await relations.populateFor(UID.item, relations.prefetchFor(UID.item, fields, info.fragments), context?.state?.auth, lean);
    return { select: lean.columnsFor(UID.item, fields.keys()) ?? undefined, populate };
  };
  /** The rows, their relations left for the relation fields under this root field. */
  const primed = (context: Context, info: Info, shape: Shape, rows: Row[]) => {
    relations.prime(context, info.path.key, UID.item, rows, shape.populate);
    return rows;
  };

  const disclosureItem: Resolver = async (parent, args, context, info) => {
    const lean = reads();
    if (lean && typeof args.documentId === 'string' && only(args, ITEM_ARGS)) {
      const shape = await shapeOf(lean, context, info);
      const answer = await lean.item(args.documentId, { populate: [] }, context?.state?.auth, shape);
      if (answer) return primed(context, info, shape, [answer.data as Row])[0];
    }
    return strapiQueries().findOne(parent, transformArgs(args, { contentType }), context);
  };

  const disclosureItems: Resolver = async (parent, args, context, info) => {
    const transformed = transformArgs(args, { contentType, usePagination: true }) as Record<string, unknown>;
    const lean = reads();
    if (lean && transformed.sort !== undefined && only(transformed, LIST_ARGS)) {
      const { filters, sort, start, limit } = transformed;
      const plan = lean.planList({ ...(filters === undefined ? {} : { filters }), sort, pagination: { start, limit, withCount: false } });
      if (plan) {
        const shape = await shapeOf(lean, context, info);
        return primed(context, info, shape, (await lean.list(plan, [], context?.state?.auth, shape)).data as Row[]);
      }
    }
    return strapiQueries().findMany(parent, transformed, context);
  };

  return { resolvers: { Query: { disclosureItem, disclosureItems } } };
};
