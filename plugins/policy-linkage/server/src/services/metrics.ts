import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import { refusal } from '../core/errors';
import { INTERPRETATION_FORMS } from '../core/interpretation-content';
import { interpretationRatio } from '../core/release-lag';
import { notFound, refuse } from '../utils/refusals';

export interface MetricsQuery {
  organization?: string;
  region?: string;
  from?: string;
  to?: string;
}

type JoinTable = { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
const LIST_LIMIT = 100;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const dayAfter = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

/**
 * Figures for the supervisors' dashboard, per organisation or region (with its descendants) and
 * period, aggregated in SQL: 解读比例, policies without an interpretation, interpretations without a
 * public policy, release lag and the breakdown by form.
 */
const metrics = ({ strapi }: { strapi: Core.Strapi }) => {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as { tableName: string; attributes: Record<string, { columnName?: string; joinTable?: JoinTable }> };
  const column = (uid: string, attribute: string) => meta(uid).attributes[attribute]?.columnName ?? attribute;

  const organizationsInScope = async (query: MetricsQuery): Promise<string[] | null> => {
    if (query.organization) {
      const org = await strapi.db.query(UID.organization).findOne({ where: { $or: [{ documentId: query.organization }, { code: query.organization }] }, select: ['id', 'documentId'] });
      return org ? [org.documentId] : notFound({ organization: query.organization });
    }
    if (query.region) {
      const region = await strapi.db.query(UID.region).findOne({ where: { $or: [{ documentId: query.region }, { code: query.region }] }, select: ['id', 'path'] });
      if (!region) return notFound({ region: query.region });
      const orgs = await strapi.db.query(UID.organization).findMany({ where: { region: { path: { $startsWith: region.path } } }, select: ['id', 'documentId'] });
      return orgs.map((o: { documentId: string }) => o.documentId);
    }
    return null;
  };

  return {
    async summary(query: MetricsQuery) {
      for (const field of ['from', 'to'] as const) {
        if (query[field] !== undefined && (!ISO_DAY.test(query[field]!) || Number.isNaN(dayStart(query[field]!).getTime()))) refuse([refusal('PERIOD_INVALID', field, { value: query[field] })]);
      }
      if (query.from && query.to && query.from > query.to) refuse([refusal('PERIOD_INVALID', 'to', { value: query.to })]);
      const orgs = await organizationsInScope(query);
      const knex = strapi.db.connection;
      const required = strapi.config.get(`plugin::${PLUGIN_ID}.requireInterpretationFor`) as string[];
      const allowance = strapi.config.get(`plugin::${PLUGIN_ID}.lagAllowanceWorkingDays`) as number;

      const item = meta(UID.item);
      const categoryJoin = item.attributes.category.joinTable!;
      const interpretation = meta(UID.interpretation);
      const policyJoin = interpretation.attributes.policy.joinTable!;
      const reviews = meta(UID.review).tableName;
      const c = {
        firstPublished: column(UID.item, 'firstPublishedAt'),
        itemOrg: column(UID.item, 'organizationDocumentId'),
        indexNumber: column(UID.item, 'indexNumber'),
        interpOrg: column(UID.interpretation, 'organizationDocumentId'),
        releasedAt: column(UID.interpretation, 'releasedAt'),
        lag: column(UID.interpretation, 'releaseLagWorkingDays'),
        late: column(UID.interpretation, 'releasedLate'),
        reviewPolicy: column(UID.review, 'policyDocumentId'),
        waiver: column(UID.review, 'waiverReason'),
      };

      // Released policy documents of the categories that need an interpretation, in scope and period.
      const policies = () => {
        const q = knex(`${item.tableName} as p`)
          .join(`${categoryJoin.name} as cl`, `cl.${categoryJoin.joinColumn.name}`, 'p.id')
          .join(`${meta(UID.category).tableName} as c`, 'c.id', `cl.${categoryJoin.inverseJoinColumn.name}`)
          .whereNotNull('p.published_at')
          .whereIn('c.code', required);
        if (orgs) q.whereIn(`p.${c.itemOrg}`, orgs);
        if (query.from) q.where(`p.${c.firstPublished}`, '>=', dayStart(query.from));
        if (query.to) q.where(`p.${c.firstPublished}`, '<', dayAfter(query.to));
        return q;
      };
      const waived = (q: any) => q.select(knex.raw('1')).from(`${reviews} as r`).whereRaw('?? = ??', [`r.${c.reviewPolicy}`, 'p.document_id']).whereNotNull(`r.${c.waiver}`);
      const interpreted = (q: any) =>
        q.select(knex.raw('1')).from(`${policyJoin.name} as l`)
          .join(`${interpretation.tableName} as i`, 'i.id', `l.${policyJoin.joinColumn.name}`)
          .whereRaw('?? = ??', [`l.${policyJoin.inverseJoinColumn.name}`, 'p.id'])
          .whereNotNull('i.published_at');
      const count = async (q: any) => Number((await q.count({ n: '*' }).first())?.n ?? 0);

      const [released, waivedCount, interpretedCount, orphanRows] = await Promise.all([
        count(policies()),
        count(policies().whereExists(waived)),
        count(policies().whereNotExists(waived).whereExists(interpreted)),
        policies().whereNotExists(waived).whereNotExists(interpreted)
          .select('p.document_id as documentId', 'p.title as title', `p.${c.indexNumber} as indexNumber`, `p.${c.itemOrg} as organizationDocumentId`, `p.${c.firstPublished} as firstPublishedAt`)
          .orderBy(`p.${c.firstPublished}`, 'asc').limit(LIST_LIMIT),
      ]);
      const requiring = released - waivedCount;

      // Released interpretations, in scope and released in the period.
      const interpretations = () => {
        const q = knex(`${interpretation.tableName} as i`).whereNotNull('i.published_at');
        if (orgs) q.whereIn(`i.${c.interpOrg}`, orgs);
        if (query.from) q.where(`i.${c.releasedAt}`, '>=', dayStart(query.from));
        if (query.to) q.where(`i.${c.releasedAt}`, '<', dayAfter(query.to));
        return q;
      };
      const withPublicPolicy = (q: any) =>
        q.select(knex.raw('1')).from(`${policyJoin.name} as l`)
          .join(`${item.tableName} as p`, 'p.id', `l.${policyJoin.inverseJoinColumn.name}`)
          .whereRaw('?? = ??', [`l.${policyJoin.joinColumn.name}`, 'i.id'])
          .whereNotNull('p.published_at');
      const orphanInterpretations = () => {
        const q = knex(`${interpretation.tableName} as i`).whereNotNull('i.published_at').whereNotExists(withPublicPolicy);
        if (orgs) q.whereIn(`i.${c.interpOrg}`, orgs);
        return q;
      };
      const interpretationList = ['i.document_id as documentId', 'i.title as title', 'i.form as form', `i.${c.interpOrg} as organizationDocumentId`, `i.${c.releasedAt} as releasedAt`, `i.${c.lag} as lagWorkingDays`];

      const [byFormRows, lagRow, lateRows, orphanInterpretationCount, orphanInterpretationRows, waiverRows] = await Promise.all([
        interpretations().select('i.form as form').count({ n: '*' }).groupBy('i.form'),
        interpretations()
          .select(knex.raw('count(*) as n'), knex.raw('avg(??) as average', [`i.${c.lag}`]), knex.raw('max(??) as maximum', [`i.${c.lag}`]), knex.raw('sum(case when ?? then 1 else 0 end) as late', [`i.${c.late}`]))
          .first(),
        interpretations().where(`i.${c.late}`, true).select(interpretationList).orderBy(`i.${c.lag}`, 'desc').limit(LIST_LIMIT),
        count(orphanInterpretations()),
        orphanInterpretations().select(interpretationList).orderBy('i.id', 'asc').limit(LIST_LIMIT),
        (() => {
          const q = knex(`${reviews} as r`)
            .join(`${item.tableName} as p`, 'p.document_id', `r.${c.reviewPolicy}`)
            .whereNull('p.published_at')
            .whereNotNull(`r.${c.waiver}`)
            .select(`r.${c.reviewPolicy} as documentId`, 'p.title as title', `p.${c.itemOrg} as organizationDocumentId`, `r.${c.waiver} as reason`, `r.${column(UID.review, 'waivedBy')} as waivedBy`, `r.${column(UID.review, 'waivedAt')} as waivedAt`)
            .orderBy(`r.${column(UID.review, 'waivedAt')}`, 'desc')
            .limit(LIST_LIMIT);
          if (orgs) q.whereIn(`p.${c.itemOrg}`, orgs);
          return q;
        })(),
      ]);

      const byForm = Object.fromEntries(INTERPRETATION_FORMS.map((form) => [form, 0])) as Record<string, number>;
      for (const row of byFormRows as Array<{ form: string; n: number | string }>) byForm[row.form] = Number(row.n);
      const lag = (lagRow ?? {}) as { n?: number | string; average?: number | string | null; maximum?: number | string | null; late?: number | string | null };
      const releasedInterpretations = Number(lag.n ?? 0);

      return {
        scope: { organization: query.organization ?? null, region: query.region ?? null, from: query.from ?? null, to: query.to ?? null, organizations: orgs?.length ?? null },
        policies: {
          released,
          waived: waivedCount,
          requiringInterpretation: requiring,
          interpreted: interpretedCount,
          ratio: interpretationRatio(interpretedCount, requiring),
          withoutInterpretation: { count: requiring - interpretedCount, items: orphanRows },
        },
        waivers: waiverRows,
        interpretations: {
          released: releasedInterpretations,
          byForm,
          lag: {
            allowanceWorkingDays: allowance,
            averageWorkingDays: releasedInterpretations ? Math.round(Number(lag.average ?? 0) * 100) / 100 : null,
            maximumWorkingDays: releasedInterpretations ? Number(lag.maximum ?? 0) : null,
            late: Number(lag.late ?? 0),
            lateItems: lateRows,
          },
          withoutPublicPolicy: { count: orphanInterpretationCount, items: orphanInterpretationRows },
        },
      };
    },
  };
};

export type MetricsService = ReturnType<typeof metrics>;
export default metrics;
