import type { Core } from '@strapi/strapi';
import { createBatcher, type Batcher } from '../core/batch';
import { relationPrefetch, type Fragments, type RelationPrefetch, type SelectedField } from '../core/graphql-selection';
import { UID } from '../constants';

type Path = { key: string | number; prev?: Path };
type Resolver = (parent: { id?: number } | null, args: Record<string, unknown>, context: { state?: { auth?: unknown } }, info: { path?: Path } | undefined) => unknown;
type Attribute = { type: string; relation?: string; target?: string };
type Model = { uid: string; attributes: Record<string, Attribute>; options?: { draftAndPublish?: boolean } };
type Context = { state?: { auth?: unknown } };
type Row = Record<string, unknown>;
/** What the lean read path knows of a model (services/public-reads): the columns the named fields need (null: all), and the `find` permission. */
type LeanReads = { columnsFor(uid: string, fields: Iterable<string>): string[] | null; mayFind(auth: unknown, uid: string): Promise<boolean> };

/** The value under `key`, made and kept on first use. */
const kept = <K, V>(map: Map<K, V> | WeakMap<K & object, V>, key: K, make: () => V): V => {
  let value = (map as Map<K, V>).get(key);
  if (value === undefined) (map as Map<K, V>).set(key, (value = make()));
  return value;
};

/** The to-one relations of a public list that GraphQL would otherwise read one parent at a time. */
const RELATIONS: ReadonlyArray<[string, string]> = [
  [UID.item, 'organization'],
  [UID.item, 'category'],
  [UID.organization, 'region'],
];

type Relation = { uid: string; attributeName: string; model: Model; target: Model };

/**
 * Strapi resolves a relation field once per parent: a list of 20 items with `organization` and
 * `category` costs 80 statements (an id check and the relation, per item and relation). These
 * resolvers read each relation for all the parents of a request at once (one statement and its
 * populate), with the query Strapi builds for one parent: the same validation, sanitising and
 * permission scope (the field's `auth` config is applied by Strapi around any resolver), the same
 * rows. Only to-one relations to types without drafts qualify: Strapi adds no status or publication
 * filter to those, so there is nothing per-parent to carry over.
 *
 * The lean root queries go one step further (`populateFor` and `prime`): they read the relations a
 * query asks for together with the page, with the same relation query but only the columns the
 * selection needs, and leave the rows for the fields under that root field (its response key), which
 * then answer without a statement of their own. Another root field of the same request, which may
 * select other columns, never sees them.
 */
export const createToOneRelations = (strapi: Core.Strapi) => {
  let relations: Relation[] | null = null;
  const all = (): Relation[] => {
    if (!relations) {
      relations = [];
      for (const [uid, attributeName] of RELATIONS) {
        const model = strapi.getModel(uid as never) as unknown as Model | undefined;
        const attribute = model?.attributes[attributeName];
        const target = attribute?.target ? (strapi.getModel(attribute.target as never) as unknown as Model | undefined) : undefined;
        if (!model || !target || attribute?.type !== 'relation' || !['manyToOne', 'oneToOne'].includes(attribute.relation ?? '') || target.options?.draftAndPublish) continue;
        relations.push({ uid, attributeName, model, target });
      }
    }
    return relations;
  };
  const find = (uid: string, attributeName: string) => all().find((relation) => relation.uid === uid && relation.attributeName === attributeName);

  const graphql = () => strapi.plugin('graphql');

  /** Strapi's query for one parent's relation (association resolver, no arguments), without its page: across parents a limit would cut the batch. */
  const relationQuery = async (target: Model, auth: unknown): Promise<Record<string, unknown>> => {
    const { transformArgs } = graphql().service('builders').utils;
    const args = transformArgs({}, { contentType: target, usePagination: true });
    await strapi.contentAPI.validate.query(args, target as never, { auth } as never);
    const sanitized = await strapi.contentAPI.sanitize.query(args, target as never, { auth } as never);
    const { limit, offset, ...query } = strapi.get('query-params').transform(target.uid, sanitized) as Record<string, unknown>;
    // Strapi's page is ordered `id asc` (a stable order); the same order keeps the first row per parent.
    return { ...query, orderBy: query.orderBy ?? { id: 'asc' } };
  };

  // One batcher per request (GraphQL context) and relation.
  const batchers = new WeakMap<object, Map<Relation, Batcher<number, unknown>>>();
  const batcherFor = (context: Context, relation: Relation) =>
    kept(kept(batchers, context, () => new Map()), relation, () =>
      createBatcher(async (ids: number[]) => {
        const populate = await relationQuery(relation.target, context.state?.auth);
        const rows = (await strapi.db.query(relation.uid as never).findMany({ select: ['id'], where: { id: { $in: ids } }, populate: { [relation.attributeName]: populate } } as never)) as Row[];
        return new Map(rows.map((row) => [row.id as number, row[relation.attributeName] ?? null]));
      })
    );

  // Relations read with a lean root field's rows: per request, root field (response key), relation and parent id.
  const primed = new WeakMap<object, Map<string | number, Map<Relation, Map<number, unknown>>>>();
  const rootKey = (path: Path | undefined) => {
    while (path?.prev) path = path.prev;
    return path?.key;
  };
  const primedFor = (context: Context, key: string | number | undefined, relation: Relation) =>
    key === undefined ? undefined : primed.get(context)?.get(key)?.get(relation);

  return {
    /** The GraphQL extension: the batched resolvers of the relations above. */
    extension: () => {
      const { naming } = graphql().service('utils');
      const { buildAssociationResolver } = graphql().service('builders').get('content-api');
      const resolvers: Record<string, Record<string, Resolver>> = {};
      for (const relation of all()) {
        const { uid, attributeName, model } = relation;
        // Strapi's own resolver for one parent; the field answers its entity (`value`).
        const association: Resolver = buildAssociationResolver({ contentTypeUID: uid, attributeName, strapi });
        const single: Resolver = async (...args) => ((await association(...args)) as { value: unknown }).value;
        const typeName = naming.getTypeName(model);
        resolvers[typeName] = {
          ...resolvers[typeName],
          [attributeName]: (parent, args, context, info) => {
            if (typeof parent?.id !== 'number' || Object.keys(args ?? {}).length > 0 || !context) return single(parent, args, context, info);
            const read = primedFor(context, rootKey(info?.path), relation);
            if (read?.has(parent.id)) return read.get(parent.id) ?? null;
            return batcherFor(context, relation).load(parent.id).then((entity) => entity ?? null);
          },
        };
      }
      return { resolvers };
    },

    /** The relations of `uid`'s GraphQL type that a query's selection asks for without arguments, nested. */
    prefetchFor(uid: string, fields: Map<string, SelectedField>, fragments: Fragments): RelationPrefetch {
      const uidAt = (path: string[]) => path.reduce<string | undefined>((at, name) => (at ? find(at, name)?.target.uid : undefined), uid);
      return relationPrefetch(fields, (path) => all().filter((relation) => relation.uid === uidAt(path)).map((relation) => relation.attributeName), fragments);
    },

    /**
     * The populate that reads `prefetch` with the parents, each relation with its resolver's query and
     * only the columns its selected fields need. A relation the caller may not `find` is left out:
     * its field refuses before any read.
     */
    async populateFor(uid: string, prefetch: RelationPrefetch, auth: unknown, reads: LeanReads): Promise<Record<string, unknown>> {
      const populate: Record<string, unknown> = {};
      for (const [attributeName, { fields, relations: nested }] of Object.entries(prefetch)) {
        const relation = find(uid, attributeName);
        if (!relation || !(await reads.mayFind(auth, relation.target.uid))) continue;
        try {
          const query = await relationQuery(relation.target, auth);
          const select = reads.columnsFor(relation.target.uid, fields);
          const below = await this.populateFor(relation.target.uid, nested, auth, reads);
          populate[attributeName] = { ...query, ...(select ? { select } : {}), ...(Object.keys(below).length ? { populate: below } : {}) };
        } catch {
          // A query Strapi would refuse: the field's own resolver answers as Strapi does.
        }
      }
      return populate;
    },

    /** Leaves the relations read with `rows` (populateFor) for the fields under the root field `key`, nested. */
    prime(context: Context, key: string | number, uid: string, rows: Row[], populate: Record<string, unknown>) {
      const byRelation = kept(kept(primed, context, () => new Map()), key, () => new Map());
      for (const [attributeName, query] of Object.entries(populate)) {
        const relation = find(uid, attributeName);
        if (!relation) continue;
        const values = kept(byRelation, relation, () => new Map<number, unknown>());
        const targets: Row[] = [];
        for (const row of rows) {
          if (typeof row.id !== 'number' || row[attributeName] === undefined) continue;
          const target = (row[attributeName] ?? null) as Row | null;
          values.set(row.id, target);
          if (target) targets.push(target);
        }
        const below = (query as { populate?: Record<string, unknown> }).populate;
        if (below && targets.length) this.prime(context, key, relation.target.uid, targets, below);
      }
    },
  };
};

export type ToOneRelations = ReturnType<typeof createToOneRelations>;
