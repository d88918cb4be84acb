/**
 * Public list filters rewritten onto the disclosure item's own indexed columns.
 *
 * Strapi turns a filter through a relation (`category.code`) into a join on the link table and then
 * `SELECT DISTINCT t0.*` plus `count(DISTINCT id)`: on 100,000 items of ~2 KB that is a scan of the
 * whole table per request (≈100 ms). The item carries `categoryCode` (its category's code) and
 * `organizationDocumentId` (its organisation), kept by the catalogue on every write, so the same
 * question can be asked of one table, through partial indexes in list order. The rewrite is exact:
 * an item has at most one category and one organisation, so `category.code = X` and
 * `categoryCode = X` hold for the same rows, including under `$not` (NULL stays NULL).
 */

type Filters = Record<string, unknown>;

const CODE_OPERATORS = new Set(['$eq', '$in']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `{ code: 'x' }`, `{ code: { $eq: 'x' } }` or `{ code: { $in: [...] } }` and nothing else, as the
 * condition to put on the item's own column; otherwise undefined (left as Strapi's join).
 */
export const codeCondition = (relationFilter: unknown): Record<string, unknown> | undefined => {
  if (!isPlainObject(relationFilter)) return undefined;
  const keys = Object.keys(relationFilter);
  if (keys.length !== 1 || keys[0] !== 'code') return undefined;
  const code = relationFilter.code;
  if (typeof code === 'string') return { $eq: code };
  if (!isPlainObject(code)) return undefined;
  const operators = Object.keys(code);
  if (operators.length !== 1 || !CODE_OPERATORS.has(operators[0])) return undefined;
  const value = code[operators[0]];
  if (operators[0] === '$eq' && typeof value === 'string') return { $eq: value };
  if (operators[0] === '$in' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return { $in: value };
  return undefined;
};

/** Rewrites every `category: { code: … }` in a Strapi filter tree to `categoryCode: …`; other clauses are kept as they are. */
export const indexedPublicFilters = (filters: unknown): unknown => {
  if (Array.isArray(filters)) return filters.map(indexedPublicFilters);
  if (!isPlainObject(filters)) return filters;
  const rewritten: Filters = {};
  const extra: Filters[] = [];
  for (const [key, value] of Object.entries(filters)) {
    if (key === '$and' || key === '$or' || key === '$not') {
      rewritten[key] = indexedPublicFilters(value);
      continue;
    }
    const condition = key === 'category' ? codeCondition(value) : undefined;
    if (!condition) {
      rewritten[key] = value;
    } else if ('categoryCode' in filters || 'categoryCode' in rewritten) {
      // Both given at one level: keep both conditions rather than let one overwrite the other.
      extra.push({ categoryCode: condition });
    } else {
      rewritten.categoryCode = condition;
    }
  }
  return extra.length ? { $and: [rewritten, ...extra] } : rewritten;
};

/** The category shorthand (a category and its sub-categories) as a condition on the item's own column. */
export const categoryCodesFilter = (codes: string[]): Filters => ({ categoryCode: { $in: codes } });

/** The organisation and region shorthands as a condition on the item's organisation key. */
export const organizationKeysFilter = (documentIds: string[]): Filters => ({ organizationDocumentId: { $in: documentIds } });
