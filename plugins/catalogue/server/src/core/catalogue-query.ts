import Joi from 'joi';
import { startOfNextShanghaiDay, startOfShanghaiDay } from './china-time';
import { fieldError, type FieldError } from './errors';
import { categoryCodesFilter, organizationKeysFilter } from './public-filters';
import { REGION_CODE_PATTERN } from './region-path';
import { VALIDITY } from './validity';

/**
 * The public catalogue's shorthand query parameters, next to Strapi's own `filters`:
 * `organization` (organisation code), `region` (division code, descendants included),
 * `category` (category code, sub-categories included), `from`/`to` (publish dates, inclusive,
 * Asia/Shanghai), `q` (keyword) and `validity`.
 */
export const CATALOGUE_QUERY_KEYS = ['organization', 'region', 'category', 'from', 'to', 'q', 'validity'] as const;

export interface CatalogueQuery {
  organization?: string;
  region?: string;
  category?: string;
  from?: string;
  to?: string;
  q?: string;
  validity?: (typeof VALIDITY)[number];
}

/** A real calendar day: the pattern alone would let 2026-02-30 through. */
const isoDate = Joi.string()
  .pattern(/^\d{4}-\d{2}-\d{2}$/)
  .custom((value: string, helpers) => {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? helpers.error('any.invalid') : value;
  });

export const catalogueQuerySchema = Joi.object<CatalogueQuery>({
  organization: Joi.string().pattern(/^[0-9A-Z]{6,18}$/),
  region: Joi.string().pattern(REGION_CODE_PATTERN),
  category: Joi.string().pattern(/^[a-z0-9-]{2,64}$/),
  from: isoDate,
  to: isoDate,
  q: Joi.string().trim().min(1).max(100),
  validity: Joi.string().valid(...VALIDITY),
}).unknown(true);

export type ParsedCatalogueQuery = { ok: true; value: CatalogueQuery } | { ok: false; errors: FieldError[] };

export const parseCatalogueQuery = (query: Record<string, unknown>): ParsedCatalogueQuery => {
  const picked = Object.fromEntries(CATALOGUE_QUERY_KEYS.filter((k) => query[k] !== undefined).map((k) => [k, query[k]]));
  const { error, value } = catalogueQuerySchema.validate(picked, { abortEarly: false, convert: true });
  // One error per parameter: the first rule it breaks.
  const errors: FieldError[] = [];
  for (const detail of error?.details ?? []) {
    const field = String(detail.path[0]);
    if (!errors.some((e) => e.path[0] === field)) errors.push(fieldError(field, 'QUERY_PARAMETER_INVALID', detail.context?.value, detail.message));
  }
  if (!error && value.from && value.to && value.from > value.to) {
    errors.push(fieldError('to', 'QUERY_PARAMETER_INVALID', value.to, '结束日期不能早于开始日期'));
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
};

/**
 * What the shorthand parameters name, looked up in the reference tables (small: hundreds of rows):
 * the organisations of `organization` and of the `region` subtree, and the category codes of
 * `category` with its sub-categories.
 */
export interface ResolvedShorthand {
  organizationDocumentIds?: string[];
  regionOrganizationDocumentIds?: string[];
  categoryCodes?: string[];
}

/**
 * Strapi filter clauses (to be combined with $and) for the shorthand parameters. Organisation,
 * region and category become conditions on the item's own indexed columns (see public-filters),
 * not joins through the link tables.
 */
export const catalogueFilters = (query: CatalogueQuery, resolved: ResolvedShorthand = {}): Record<string, unknown>[] => {
  const clauses: Record<string, unknown>[] = [];
  if (query.organization) clauses.push(organizationKeysFilter(resolved.organizationDocumentIds ?? []));
  if (query.region) clauses.push(organizationKeysFilter(resolved.regionOrganizationDocumentIds ?? []));
  if (query.category) clauses.push(categoryCodesFilter(resolved.categoryCodes ?? [query.category]));
  if (query.from) clauses.push({ firstPublishedAt: { $gte: startOfShanghaiDay(query.from) } });
  if (query.to) clauses.push({ firstPublishedAt: { $lt: startOfNextShanghaiDay(query.to) } });
  if (query.q) {
    clauses.push({
      $or: ['title', 'summary', 'keywords', 'documentNumber', 'indexNumber'].map((field) => ({ [field]: { $containsi: query.q } })),
    });
  }
  if (query.validity) clauses.push({ validity: { $eq: query.validity } });
  return clauses;
};
