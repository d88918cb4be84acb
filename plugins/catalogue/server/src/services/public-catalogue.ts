import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { PLANS_CATEGORY_CODE, UID } from '../constants';
import { catalogueFilters, CATALOGUE_QUERY_KEYS, parseCatalogueQuery } from '../core/catalogue-query';
import { fieldError } from '../core/errors';
import { regionSubtreeMatch } from '../core/region-path';
import { refuseFields } from '../utils/refusals';

const paginationSchema = Joi.object({
  page: Joi.number().integer().min(1).default(1),
  pageSize: Joi.number().integer().min(1).max(100).default(20),
});

/** Region-aware reads of the public catalogue, shared by the REST list and the plans aggregation. */
const publicCatalogue = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Strapi filter clauses for the shorthand parameters in `query` (see core/catalogue-query),
   * or a 400 naming each bad parameter. The organisations and categories they name are looked up
   * here, so the item list itself filters on the item's own indexed columns.
   */
  async shorthandFilters(query: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const parsed = parseCatalogueQuery(query);
    if (parsed.ok === false) return refuseFields(parsed.errors);
    const { organization, region, category } = parsed.value;
    const documentIds = (rows: Array<{ documentId: string }>) => [...new Set(rows.map((row) => row.documentId))];
    const organizations = strapi.db.query(UID.organization);
    const [organizationDocumentIds, regionOrganizationDocumentIds, categoryCodes] = await Promise.all([
      organization ? organizations.findMany({ where: { code: organization }, select: ['documentId'] }).then(documentIds) : undefined,
      region
        ? organizations.findMany({ where: { region: { path: { $contains: regionSubtreeMatch(region) } } }, select: ['documentId'] }).then(documentIds)
        : undefined,
      category
        ? strapi.db
            .query(UID.category)
            .findMany({ where: { $or: [{ code: category }, { parent: { code: category } }] }, select: ['code'] })
            .then((rows: Array<{ code: string }>) => [...new Set([category, ...rows.map((row) => row.code)])])
        : undefined,
    ]);
    return catalogueFilters(parsed.value, { organizationDocumentIds, regionOrganizationDocumentIds, categoryCodes });
  },

  /** Removes the shorthand parameters from a query so Strapi's own validation sees only its own. */
  withoutShorthand<T extends Record<string, unknown>>(query: T): T {
    const rest = { ...query };
    for (const key of CATALOGUE_QUERY_KEYS) delete rest[key];
    return rest;
  },

  /**
   * Key-point task 1.1: every published plan under a region, its descendant regions and their
   * organisations, each with its organisation and region.
   */
  async plans(query: Record<string, unknown>) {
    const clauses = await this.shorthandFilters({ ...query, category: PLANS_CATEGORY_CODE });
    const paginationInput = (query.pagination as Record<string, unknown>) ?? { page: query.page, pageSize: query.pageSize };
    const { error, value: pagination } = paginationSchema.validate(
      Object.fromEntries(Object.entries(paginationInput).filter(([, v]) => v !== undefined)),
      { abortEarly: false, stripUnknown: true }
    );
    if (error) {
      return refuseFields(error.details.map((d) => fieldError(`pagination.${String(d.path[0])}`, 'QUERY_PARAMETER_INVALID', d.context?.value, d.message)));
    }

    const filters = { $and: [...clauses, { disclosureAttribute: { $eq: 'proactive' } }] };
    const documents = strapi.documents(UID.item);
    const [rows, total] = await Promise.all([
      documents.findMany({
        status: 'published',
        filters,
        fields: ['title', 'indexNumber', 'documentNumber', 'issuingOrgan', 'summary', 'firstPublishedAt', 'effectiveDate', 'validity'],
        populate: {
          organization: { fields: ['name', 'shortName', 'code'], populate: { region: { fields: ['code', 'name', 'level'] } } },
          category: { fields: ['code', 'name'] },
          details: true,
        },
        sort: [{ firstPublishedAt: 'desc' }, { id: 'desc' }],
        start: (pagination.page - 1) * pagination.pageSize,
        limit: pagination.pageSize,
      } as never),
      documents.count({ status: 'published', filters } as never),
    ]);

    const data = (rows as Array<Record<string, any>>).map(({ organization, ...plan }) => ({
      ...plan,
      details: (plan.details ?? []).map(({ id, ...detail }: Record<string, unknown>) => detail),
      organization: organization && { documentId: organization.documentId, name: organization.name, shortName: organization.shortName, code: organization.code },
      region: organization?.region ? { documentId: organization.region.documentId, code: organization.region.code, name: organization.region.name, level: organization.region.level } : null,
    }));

    return {
      data,
      meta: { pagination: { page: pagination.page, pageSize: pagination.pageSize, pageCount: Math.ceil(total / pagination.pageSize), total } },
    };
  },
});

export type PublicCatalogueService = ReturnType<typeof publicCatalogue>;
export default publicCatalogue;
