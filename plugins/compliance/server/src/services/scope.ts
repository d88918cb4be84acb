import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { UID } from '../constants';
import { notFound, refuseInput } from '../utils/refusals';
import { shanghaiToday } from '../utils/dates';

export interface DashboardQuery {
  organization?: string;
  region?: string;
  from?: string;
  to?: string;
  today?: string;
}

export interface ResolvedScope {
  organization: { documentId: string; code: string; name: string } | null;
  region: { documentId: string; code: string; name: string; path: string } | null;
  /** Organisation documentIds in scope; null for every organisation. */
  organizations: string[] | null;
  from?: string;
  to?: string;
  today: string;
}

const isoDay = Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/).messages({ 'string.pattern.base': '{{#label}} 应为 YYYY-MM-DD 格式的日期' });
export const scopeSchema = Joi.object({
  organization: Joi.string().pattern(/^[0-9A-Za-z]{6,32}$/),
  region: Joi.string().pattern(/^\d{6}(\d{3}){0,2}$/),
  from: isoDay,
  to: isoDay,
  today: isoDay,
}).oxor('organization', 'region');

/** Validates the dashboard filters and resolves them to the organisations in scope (a region includes its descendants). */
const scope = ({ strapi }: { strapi: Core.Strapi }) => ({
  async resolve(query: Record<string, unknown>, extra: Joi.PartialSchemaMap = {}): Promise<ResolvedScope & Record<string, unknown>> {
    const { error, value } = (Object.keys(extra).length ? scopeSchema.keys(extra) : scopeSchema).validate(query ?? {}, { abortEarly: false, convert: true, stripUnknown: true });
    if (error) return refuseInput(error.details.map((d) => ({ path: d.path.map(String), code: 'DASHBOARD_QUERY_INVALID', message: d.message, value: d.context?.value })));
    if (value.from && value.to && value.from > value.to) refuseInput([{ path: ['to'], code: 'DASHBOARD_QUERY_INVALID', message: '"to" 不能早于 "from"', value: value.to }]);
    let organization: ResolvedScope['organization'] = null;
    let region: ResolvedScope['region'] = null;
    let organizations: string[] | null = null;
    if (value.organization) {
      organization = await strapi.db.query(UID.organization).findOne({ where: { $or: [{ documentId: value.organization }, { code: value.organization }] }, select: ['id', 'documentId', 'code', 'name'] });
      if (!organization) return notFound(`机关部门 ${value.organization} 不存在`, 'ORGANIZATION_NOT_FOUND');
      organizations = [organization.documentId];
    } else if (value.region) {
      region = await strapi.db.query(UID.region).findOne({ where: { code: value.region }, select: ['id', 'documentId', 'code', 'name', 'path'] });
      if (!region) return notFound(`行政区划 ${value.region} 不存在`, 'REGION_NOT_FOUND');
      const rows = await strapi.db.query(UID.organization).findMany({ where: { region: { path: { $startsWith: region.path } } }, select: ['id', 'documentId'] });
      organizations = rows.map((o: { documentId: string }) => o.documentId);
    }
    return { ...value, organization, region, organizations, today: value.today ?? shanghaiToday() };
  },
});

export type ScopeService = ReturnType<typeof scope>;
export default scope;
