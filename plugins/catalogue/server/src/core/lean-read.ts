import { codeCondition } from './public-filters';

/**
 * Which public list and item requests the lean read path answers, and how.
 *
 * Strapi's content API spends most of a public read outside the database: query validation and
 * sanitising, the Document Service (a transaction per call, its middlewares, parameter transforms)
 * and output sanitising. For the questions a public site asks all day (a page of a category or a
 * topic, newest first, with the organisation and category; one item with the same), the answer can
 * be read straight from the tables with Strapi's query layer and the public projection of the
 * schema. Anything else (other filters, operators, sorts, `fields`, deeper or wildcard populate,
 * `status`, `locale`) is left to Strapi: `planLeanList` and `planLeanItem` return null for it, and
 * Strapi answers as before, including its validation errors. The plans are pure data.
 */

/** Relations of a disclosure item the lean path can populate (to-one, public targets). */
export const LEAN_RELATIONS = ['organization', 'category'] as const;
export type LeanRelation = (typeof LEAN_RELATIONS)[number];

export type LeanSortField = { field: string; order: 'asc' | 'desc' };

export interface LeanListPlan {
  filters: Record<string, unknown>[];
  sort: LeanSortField[];
  populate: LeanRelation[];
  start: number;
  limit: number;
  /** Whether the answer is in pages (`page`, `pageSize`) or offsets (`start`, `limit`). */
  paged: boolean;
  withCount: boolean;
}

export interface LeanItemPlan {
  populate: LeanRelation[];
}

export interface LeanListOptions {
  /** Enumeration attributes a client may filter on, with their allowed values. */
  enumerations: Record<string, readonly string[]>;
  defaultLimit: number;
  maxLimit: number;
  withCount: boolean;
  /** Sort used when the client gives none. */
  defaultSort: readonly string[];
}

type Query = Record<string, unknown>;

const LIST_KEYS = new Set(['filters', 'sort', 'pagination', 'populate']);
const ITEM_KEYS = new Set(['populate']);
/** Sorts the public list is indexed for (see the catalogue's partial indexes). */
const LEAN_SORTS = new Set(['firstPublishedAt:desc', 'firstPublishedAt:desc,id:desc']);
const TRUE_VALUES = new Set([true, 'true']);
/** What Strapi's `pagination[withCount]` accepts. */
const COUNT_VALUES = new Map<unknown, boolean>([[true, true], ['true', true], ['t', true], ['1', true], [1, true], [false, false], ['false', false], ['f', false], ['0', false], [0, false]]);
const POSITIVE_INTEGER = /^[1-9][0-9]{0,8}$/;
const NON_NEGATIVE_INTEGER = /^(0|[1-9][0-9]{0,8})$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const onlyKeys = (query: Query, allowed: Set<string>) => Object.keys(query).every((key) => allowed.has(key));

/** `organization`, `organization,category`, `[organization, category]`, `{ organization: true }`; null for anything else. */
export const leanPopulate = (populate: unknown): LeanRelation[] | null => {
  if (populate === undefined) return [];
  let names: unknown[];
  if (typeof populate === 'string') names = populate.split(',');
  else if (Array.isArray(populate)) names = populate;
  else if (isPlainObject(populate) && Object.values(populate).every((value) => TRUE_VALUES.has(value as never))) names = Object.keys(populate);
  else return null;
  const relations: LeanRelation[] = [];
  for (const name of names) {
    if (typeof name !== 'string' || !(LEAN_RELATIONS as readonly string[]).includes(name)) return null;
    if (!relations.includes(name as LeanRelation)) relations.push(name as LeanRelation);
  }
  return relations;
};

const enumCondition = (value: unknown, allowed: readonly string[]): Record<string, unknown> | null => {
  const known = (v: unknown): v is string => typeof v === 'string' && allowed.includes(v);
  if (known(value)) return { $eq: value };
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return null;
  const [operator, operand] = Object.entries(value)[0];
  if (operator === '$eq' && known(operand)) return { $eq: operand };
  if (operator === '$in' && Array.isArray(operand) && operand.length > 0 && operand.every(known)) return { $in: operand };
  return null;
};

/**
 * The client's `filters` as conditions on the item's own columns: equality or membership on an
 * enumeration with known values, or on the category's code (the item's `categoryCode`), joined by
 * `$and`. Null for anything else.
 */
export const leanFilters = (filters: unknown, enumerations: Record<string, readonly string[]>): Record<string, unknown>[] | null => {
  if (filters === undefined) return [];
  if (!isPlainObject(filters)) return null;
  const conditions: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(filters)) {
    if (key === '$and') {
      if (!Array.isArray(value)) return null;
      for (const part of value) {
        const nested = leanFilters(part, enumerations);
        if (!nested) return null;
        conditions.push(...nested);
      }
      continue;
    }
    const condition = key === 'category' ? (codeCondition(value) ?? null) : enumerations[key] ? enumCondition(value, enumerations[key]) : null;
    if (!condition) return null;
    conditions.push({ [key === 'category' ? 'categoryCode' : key]: condition });
  }
  return conditions;
};

const leanSort = (sort: unknown, defaultSort: readonly string[]): LeanSortField[] | null => {
  const fields = sort === undefined ? [...defaultSort] : typeof sort === 'string' ? sort.split(',') : Array.isArray(sort) ? sort : null;
  if (!fields || !fields.every((field) => typeof field === 'string') || !LEAN_SORTS.has(fields.join(','))) return null;
  return (fields as string[]).map((field) => {
    const [name, order] = field.split(':');
    return { field: name, order: order as 'asc' | 'desc' };
  });
};

const leanPagination = (pagination: unknown, options: LeanListOptions): Pick<LeanListPlan, 'start' | 'limit' | 'paged' | 'withCount'> | null => {
  if (pagination === undefined) return { start: 0, limit: options.defaultLimit, paged: true, withCount: options.withCount };
  if (!isPlainObject(pagination)) return null;
  const { page, pageSize, start, limit, withCount, ...rest } = pagination;
  if (Object.keys(rest).length) return null;
  if (withCount !== undefined && !COUNT_VALUES.has(withCount)) return null;
  const count = withCount === undefined ? options.withCount : (COUNT_VALUES.get(withCount) as boolean);
  const text = (value: unknown) => (typeof value === 'number' ? String(value) : value);
  const pagedKeys = page !== undefined || pageSize !== undefined;
  const offsetKeys = start !== undefined || limit !== undefined;
  if (pagedKeys && offsetKeys) return null;
  if (offsetKeys) {
    const s = text(start ?? '0');
    const l = text(limit ?? String(options.defaultLimit));
    if (typeof s !== 'string' || !NON_NEGATIVE_INTEGER.test(s) || typeof l !== 'string' || !POSITIVE_INTEGER.test(l)) return null;
    if (Number(l) > options.maxLimit) return null;
    return { start: Number(s), limit: Number(l), paged: false, withCount: count };
  }
  const p = text(page ?? '1');
  const size = text(pageSize ?? String(options.defaultLimit));
  if (typeof p !== 'string' || !POSITIVE_INTEGER.test(p) || typeof size !== 'string' || !POSITIVE_INTEGER.test(size)) return null;
  if (Number(size) > options.maxLimit) return null;
  return { start: (Number(p) - 1) * Number(size), limit: Number(size), paged: true, withCount: count };
};

/** The lean plan for a public list query (shorthand parameters already removed), or null to leave it to Strapi. */
export const planLeanList = (query: Query, options: LeanListOptions): LeanListPlan | null => {
  if (!onlyKeys(query, LIST_KEYS)) return null;
  const filters = leanFilters(query.filters, options.enumerations);
  const sort = leanSort(query.sort, options.defaultSort);
  const populate = leanPopulate(query.populate);
  const pagination = leanPagination(query.pagination, options);
  if (!filters || !sort || !populate || !pagination) return null;
  return { filters, sort, populate, ...pagination };
};

/** The lean plan for one public item, or null to leave it to Strapi. */
export const planLeanItem = (query: Query): LeanItemPlan | null => {
  if (!onlyKeys(query, ITEM_KEYS)) return null;
  const populate = leanPopulate(query.populate);
  return populate ? { populate } : null;
};

/** Strapi's pagination meta for a page of a list. */
export const paginationMeta = (plan: Pick<LeanListPlan, 'start' | 'limit' | 'paged'>, total: number | undefined) => {
  if (plan.paged) {
    const meta: Record<string, number> = { page: Math.floor(plan.start / plan.limit) + 1, pageSize: plan.limit };
    if (total !== undefined) Object.assign(meta, { pageCount: Math.ceil(total / plan.limit), total });
    return meta;
  }
  const meta: Record<string, number> = { start: plan.start, limit: plan.limit };
  if (total !== undefined) meta.total = total;
  return meta;
};
