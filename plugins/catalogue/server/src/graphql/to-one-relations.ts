import type { Core } from '@strapi/strapi';
import { createBatcher, type Batcher } from '../core/batch';
import { UID } from '../constants';

type Resolver = (parent: { id?: number } | null, args: Record<string, unknown>, context: { state?: { auth?: unknown } }, info: unknown) => unknown;
type Attribute = { type: string; relation?: string; target?: string };
type Model = { uid: string; attributes: Record<string, Attribute>; options?: { draftAndPublish?: boolean } };

/** The to-one relations of a public list that GraphQL would otherwise read one parent at a time. */
const RELATIONS: ReadonlyArray<[string, string]> = [
  [UID.item, 'organization'],
  [UID.item, 'category'],
  [UID.organization, 'region'],
];

/**
 * Strapi resolves a relation field once per parent: a list of 20 items with `organization` and
 * `category` costs 80 statements (an id check and the relation, per item and relation). These
 * resolvers read each relation for all the parents of a request at once (one statement and its
 * populate), with the query Strapi builds for one parent: the same validation, sanitising and
 * permission scope (the field's `auth` config is applied by Strapi around any resolver), the same
 * rows. Only to-one relations to types without drafts qualify: Strapi
 * adds no status or publication filter to those, so there is nothing per-parent to carry over.
 */
export const toOneRelationResolvers = (strapi: Core.Strapi) => () => {
  const graphql = strapi.plugin('graphql');
  const { naming } = graphql.service('utils');
  const { transformArgs } = graphql.service('builders').utils;
  const { buildAssociationResolver } = graphql.service('builders').get('content-api');

  const resolvers: Record<string, Record<string, Resolver>> = {};
  for (const [uid, attributeName] of RELATIONS) {
    const model = strapi.getModel(uid as never) as unknown as Model | undefined;
    const attribute = model?.attributes[attributeName];
    const target = attribute?.target ? (strapi.getModel(attribute.target as never) as unknown as Model | undefined) : undefined;
    if (!model || !target || attribute?.type !== 'relation' || !['manyToOne', 'oneToOne'].includes(attribute.relation ?? '') || target.options?.draftAndPublish) continue;

    // Strapi's own resolver for one parent; the field answers its entity (`value`).
    const association: Resolver = buildAssociationResolver({ contentTypeUID: uid, attributeName, strapi });
    const single: Resolver = async (...args) => ((await association(...args)) as { value: unknown }).value;
    // One batcher per request (GraphQL context) and relation.
    const batchers = new WeakMap<object, Batcher<number, unknown>>();
    const batcherFor = (context: { state?: { auth?: unknown } }) => {
      let batcher = batchers.get(context);
      if (!batcher) {
        batcher = createBatcher(async (ids: number[]) => {
          const auth = context.state?.auth;
          const args = transformArgs({}, { contentType: target, usePagination: true });
          await strapi.contentAPI.validate.query(args, target as never, { auth } as never);
          const sanitized = await strapi.contentAPI.sanitize.query(args, target as never, { auth } as never);
          // Strapi's query for one parent is a page (limit, and so `id asc` for a stable order); across
          // parents a limit would cut the batch. Same order without it: a parent still gets the first row.
          const { limit, offset, ...relationQuery } = strapi.get('query-params').transform(target.uid, sanitized) as Record<string, unknown>;
          const populate = { ...relationQuery, orderBy: relationQuery.orderBy ?? { id: 'asc' } };
          const rows = (await strapi.db.query(uid as never).findMany({ select: ['id'], where: { id: { $in: ids } }, populate: { [attributeName]: populate } } as never)) as Array<Record<string, unknown>>;
          return new Map(rows.map((row) => [row.id as number, row[attributeName] ?? null]));
        });
        batchers.set(context, batcher);
      }
      return batcher;
    };

    const typeName = naming.getTypeName(model);
    resolvers[typeName] = {
      ...resolvers[typeName],
      [attributeName]: (parent, args, context, info) =>
        typeof parent?.id === 'number' && Object.keys(args ?? {}).length === 0 && context ? batcherFor(context).load(parent.id).then((entity) => entity ?? null) : single(parent, args, context, info),
    };
  }
  return { resolvers };
};
