import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { UID } from '../constants';
import { paginationMeta, planLeanItem, planLeanList, type LeanItemPlan, type LeanListPlan, type LeanRelation } from '../core/lean-read';

type Model = { uid: string; attributes: Record<string, { type: string; enum?: string[]; target?: string }> };
type Auth = unknown;
/** What a GraphQL root query reads of the items: its columns and relations (graphql/lean-queries); REST reads the full projection. */
export type ReadShape = { select?: string[]; populate?: Record<string, unknown> };

const NOT_SCALAR = new Set(['relation', 'media', 'component', 'dynamiczone', 'password']);
/** What the public may see of a disclosure item, on top of Strapi's own rules (see middlewares/public-visibility). */
const PUBLIC_ITEM = { publishedAt: { $notNull: true }, disclosureAttribute: { $eq: 'proactive' } };

/**
 * The lean public read path of the disclosure catalogue (see core/lean-read): a page of items or one
 * item read with Strapi's query layer in as few statements as the answer needs (the page, its total
 * and one per populated relation), projected onto the attributes Strapi's content API would show.
 * The route's authentication and permission check still run before the controller; a populated
 * relation is kept only when the caller may `find` its target, as Strapi's sanitiser does.
 */
const publicReads = ({ strapi }: { strapi: Core.Strapi }) => {
  const projections = new Map<string, { columns: string[]; scalars: Set<string> }>();
  /** `id`, `documentId` and every public scalar attribute of a model: what Strapi's output sanitiser keeps of a row. */
  const projectionOf = (uid: string) => {
    let known = projections.get(uid);
    if (!known) {
      const model = strapi.getModel(uid as never) as unknown as Model;
      const columns = ['id', 'documentId'];
      for (const [name, attribute] of Object.entries(model.attributes)) {
        if (!NOT_SCALAR.has(attribute.type) && !contentTypes.isPrivateAttribute(model as never, name)) columns.push(name);
      }
      projections.set(uid, (known = { columns, scalars: new Set(columns) }));
    }
    return known;
  };
  const projection = (uid: string): string[] => projectionOf(uid).columns;

  /**
   * Whether the caller may `find` a model: the check Strapi's removeRestrictedRelations makes before
   * it keeps a populated relation. A route without authentication has no auth to check: Strapi keeps it.
   */
  const mayFind = async (auth: Auth, uid: string): Promise<boolean> => {
    if (!auth) return true;
    try {
      await strapi.auth.verify(auth as never, { scope: `${uid}.find` } as never);
      return true;
    } catch {
      return false;
    }
  };

  const itemModel = () => strapi.getModel(UID.item as never) as unknown as Model;

  let enumerations: Record<string, readonly string[]> | null = null;
  /** The item's public enumerations with their values: what a client may filter on in the lean plan. */
  const publicEnumerations = () => {
    if (!enumerations) {
      const model = itemModel();
      enumerations = {};
      for (const [name, attribute] of Object.entries(model.attributes)) {
        if (attribute.type === 'enumeration' && attribute.enum && !contentTypes.isPrivateAttribute(model as never, name)) enumerations[name] = attribute.enum;
      }
    }
    return enumerations;
  };

  /** The relations to populate that the caller may read, each with its target's public projection (Strapi drops the others). */
  const allowedPopulate = async (relations: LeanRelation[], auth: Auth) => {
    const populate: Record<string, { select: string[] }> = {};
    for (const relation of relations) {
      const target = itemModel().attributes[relation].target as string;
      if (await mayFind(auth, target)) populate[relation] = { select: projection(target) };
    }
    return populate;
  };

  return {
    mayFind,

    /** Whether the lean path is switched on (`leanReads`, env CATALOGUE_LEAN_READS); read per request so tests can flip it. */
    enabled(): boolean {
      return Boolean(strapi.config.get('plugin::catalogue.leanReads', false));
    },

    /** The lean plan for a list query, or null when Strapi must answer it. */
    planList(query: Record<string, unknown>): LeanListPlan | null {
      return planLeanList(query, {
        enumerations: publicEnumerations(),
        defaultLimit: Number(strapi.config.get('api.rest.defaultLimit', 25)),
        maxLimit: Number(strapi.config.get('api.rest.maxLimit')) || Number.MAX_SAFE_INTEGER,
        withCount: Boolean(strapi.config.get('api.rest.withCount', true)),
        defaultSort: ['firstPublishedAt:desc', 'id:desc'],
      });
    },

    planItem(query: Record<string, unknown>): LeanItemPlan | null {
      return planLeanItem(query);
    },

    /**
     * The columns of `uid` to read for answers that use only the named fields (`id`, `documentId` and
     * the public scalar ones among them), or null when a name is not an attribute of the model: a
     * field with a resolver of its own may read any column, so the full projection is read.
     */
    columnsFor(uid: string, names: Iterable<string>): string[] | null {
      const model = strapi.getModel(uid as never) as unknown as Model;
      const { scalars } = projectionOf(uid);
      const columns = new Set(['id', 'documentId']);
      for (const name of names) {
        if (name === '__typename') continue;
        if (scalars.has(name)) columns.add(name);
        else if (!model.attributes[name]) return null;
      }
      return [...columns];
    },

    /** A page of public items: `extra` are further conditions on the item (the catalogue's shorthand parameters). */
    async list(plan: LeanListPlan, extra: Record<string, unknown>[], auth: Auth, shape: ReadShape = {}) {
      const items = strapi.db.query(UID.item);
      const where = { $and: [PUBLIC_ITEM, ...plan.filters, ...extra] };
      const [data, total] = await Promise.all([
        (shape.populate ? Promise.resolve(shape.populate) : allowedPopulate(plan.populate, auth)).then((populate) =>
          items.findMany({
            where,
            select: shape.select ?? projection(UID.item),
            populate,
            orderBy: plan.sort.map(({ field, order }) => ({ [field]: order })),
            offset: plan.start,
            limit: plan.limit,
          })
        ),
        plan.withCount ? items.count({ where }) : undefined,
      ]);
      return { data, meta: { pagination: paginationMeta(plan, total === undefined ? undefined : Number(total)) } };
    },

    /** One public item, or null when the public may not see it (a draft, or not proactively disclosed). */
    async item(documentId: string, plan: LeanItemPlan, auth: Auth, shape: ReadShape = {}) {
      const populate = shape.populate ?? (await allowedPopulate(plan.populate, auth));
      const data = await strapi.db.query(UID.item).findOne({ where: { $and: [PUBLIC_ITEM, { documentId }] }, select: shape.select ?? projection(UID.item), populate });
      return data ? { data, meta: {} } : null;
    },
  };
};

export type PublicReadsService = ReturnType<typeof publicReads>;
export default publicReads;
