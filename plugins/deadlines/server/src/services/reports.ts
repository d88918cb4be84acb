import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { UID } from '../constants';
import { buildApplicationTable, checkApplicationTable, APPLICATION_TABLE_COLUMNS, APPLICATION_TABLE_COLUMN_LABELS, APPLICATION_TABLE_ROWS } from '../core/application-report';
import { toIsoDay } from '../utils/dates';
import { refuseInput } from '../utils/refusals';

const querySchema = Joi.object({
  year: Joi.number().integer().min(2008).max(2100).required(),
  organization: Joi.string().pattern(/^[0-9A-Z]{6,18}$/),
  region: Joi.string().pattern(/^\d{6}(\d{3}){0,2}$/),
}).oxor('organization', 'region');

/** Annual-report figures of applications (table 3), from the stored applications themselves. */
const reports = ({ strapi }: { strapi: Core.Strapi }) => ({
  async applicationTable(query: Record<string, unknown>) {
    const { error, value } = querySchema.validate(query ?? {}, { abortEarly: false, convert: true, allowUnknown: true });
    if (error) return refuseInput(error.details.map((d) => ({ path: d.path.map(String), code: 'REPORT_QUERY_INVALID', message: d.message })));
    const scope = value.organization
      ? { organization: { code: value.organization } }
      : value.region
        ? { organization: { region: { path: { $contains: `/${value.region}/` } } } }
        : {};
    const rows = (await strapi.db.query(UID.application).findMany({
      where: { ...scope, receivedOn: { $lte: `${value.year}-12-31` } },
      // With a relation filter the query is DISTINCT over the selected columns: keep the id so equal rows all count.
      select: ['id', 'applicantType', 'receivedOn', 'resultCode', 'resultOn'],
    })) as Array<{ applicantType: string; receivedOn: unknown; resultCode: string | null; resultOn: unknown }>;
    const { table, excluded } = buildApplicationTable(
      rows.map((r) => ({ applicantType: r.applicantType as never, receivedOn: toIsoDay(r.receivedOn), resultCode: (r.resultCode as never) ?? null, resultOn: toIsoDay(r.resultOn) })),
      value.year
    );
    return {
      year: value.year,
      scope: value.organization ? { organization: value.organization } : value.region ? { region: value.region } : { all: true },
      rows: APPLICATION_TABLE_ROWS,
      columns: APPLICATION_TABLE_COLUMNS.map((key) => ({ key, label: APPLICATION_TABLE_COLUMN_LABELS[key] })),
      cells: table.cells,
      violations: checkApplicationTable(table),
      excluded,
    };
  },

  /**
   * Dashboard figures of applications for the compliance plugin, aggregated in SQL: what is running
   * now (open, due soon, overdue) and what was answered in the period (on time or late, by result
   * code). Scope is a list of organisation documentIds (null: all); the period is `YYYY-MM-DD`.
   */
  async dashboard(scope: DashboardScope) {
    const base = scoped(strapi, scope);
    const c = applicationColumns(strapi);
    const count = async (q: any) => Number((await q.count({ n: '*' }).first())?.n ?? 0);
    const answered = () => inPeriod(base().whereNotNull(c.resultOn), c.resultOn, scope);
    const [received, open, dueSoon, overdue, answeredCount, late, byCodeRows] = await Promise.all([
      count(inPeriod(base(), c.receivedOn, scope)),
      count(base().whereIn(c.state, RUNNING_STATES)),
      count(base().whereIn(c.state, RUNNING_STATES).where(c.dueSoon, true)),
      count(base().whereIn(c.state, RUNNING_STATES).where(c.overdue, true)),
      count(answered()),
      count(answered().whereRaw('?? > ??', [c.resultOn, c.dueDate])),
      answered().select(`${c.resultCode} as code`).count({ n: '*' }).groupBy(c.resultCode),
    ]);
    return {
      received,
      open,
      dueSoon,
      overdue,
      answered: answeredCount,
      answeredLate: late,
      onTimeRate: answeredCount ? Math.round(((answeredCount - late) / answeredCount) * 10000) / 10000 : null,
      byResultCode: Object.fromEntries((byCodeRows as Array<{ code: string; n: number | string }>).map((r) => [r.code, Number(r.n)])),
    };
  },

  /** Applications answered in the period per organisation documentId, and how many of them late (the compliance ranking). */
  async dashboardByOrganization(scope: DashboardScope) {
    const c = applicationColumns(strapi);
    const rows = (await inPeriod(scoped(strapi, scope)().whereNotNull(c.resultOn), c.resultOn, scope)
      .select(`${c.organizationDocumentId} as org`, strapi.db.connection.raw('count(*) as answered'), strapi.db.connection.raw('sum(case when ?? > ?? then 1 else 0 end) as late', [c.resultOn, c.dueDate]))
      .groupBy(c.organizationDocumentId)) as Array<{ org: string; answered: number | string; late: number | string | null }>;
    return Object.fromEntries(rows.map((r) => [r.org, { answered: Number(r.answered), answeredLate: Number(r.late ?? 0) }])) as Record<string, { answered: number; answeredLate: number }>;
  },

  /** The applications behind one dashboard figure (`metric`: open, dueSoon, overdue, received, answered, answeredLate, result:<code>), first `limit`. */
  async dashboardEntries(scope: DashboardScope & { metric: string; limit?: number; offset?: number }) {
    const c = applicationColumns(strapi);
    const base = scoped(strapi, scope);
    let q = base();
    const [metric, code] = scope.metric.split(':');
    if (metric === 'open') q = q.whereIn(c.state, RUNNING_STATES);
    else if (metric === 'dueSoon') q = q.whereIn(c.state, RUNNING_STATES).where(c.dueSoon, true);
    else if (metric === 'overdue') q = q.whereIn(c.state, RUNNING_STATES).where(c.overdue, true);
    else if (metric === 'received') q = inPeriod(q, c.receivedOn, scope);
    else if (metric === 'answered') q = inPeriod(q.whereNotNull(c.resultOn), c.resultOn, scope);
    else if (metric === 'answeredLate') q = inPeriod(q.whereNotNull(c.resultOn), c.resultOn, scope).whereRaw('?? > ??', [c.resultOn, c.dueDate]);
    else if (metric === 'result') q = inPeriod(q.whereNotNull(c.resultOn), c.resultOn, scope).where(c.resultCode, code ?? '');
    else return null;
    const total = Number((await q.clone().count({ n: '*' }).first())?.n ?? 0);
    const rows = await q
      .select('document_id as documentId', `${c.trackingCode} as trackingCode`, `${c.organizationDocumentId} as organizationDocumentId`, `${c.state} as state`, `${c.receivedOn} as receivedOn`, `${c.dueDate} as dueDate`, `${c.resultCode} as resultCode`, `${c.resultOn} as resultOn`)
      .orderBy(c.dueDate, 'asc')
      .orderBy('id', 'asc')
      .limit(Math.min(scope.limit ?? 100, 1000))
      .offset(scope.offset ?? 0);
    return {
      total,
      uid: UID.application,
      items: (rows as Array<Record<string, unknown>>).map((r) => ({ ...r, receivedOn: toIsoDay(r.receivedOn), dueDate: toIsoDay(r.dueDate), resultOn: toIsoDay(r.resultOn) })),
    };
  },
});

export interface DashboardScope {
  /** Organisation documentIds; null for every organisation. */
  organizations: string[] | null;
  from?: string;
  to?: string;
}

const RUNNING_STATES = ['open', 'awaiting_supplement', 'in_consultation', 'awaiting_fee'];

const applicationColumns = (strapi: Core.Strapi) => {
  const attributes = (strapi.db.metadata.get(UID.application) as unknown as { attributes: Record<string, { columnName?: string }> }).attributes;
  const col = (name: string) => attributes[name]?.columnName ?? name;
  return {
    state: col('state'), dueSoon: col('dueSoon'), overdue: col('overdue'), dueDate: col('dueDate'), receivedOn: col('receivedOn'),
    resultOn: col('resultOn'), resultCode: col('resultCode'), trackingCode: col('trackingCode'), organizationDocumentId: col('organizationDocumentId'),
  };
};

const scoped = (strapi: Core.Strapi, scope: DashboardScope) => () => {
  const q = strapi.db.connection(strapi.db.metadata.get(UID.application).tableName);
  if (scope.organizations) q.whereIn(applicationColumns(strapi).organizationDocumentId, scope.organizations);
  return q;
};

const inPeriod = (q: any, column: string, scope: DashboardScope) => {
  if (scope.from) q.where(column, '>=', scope.from);
  if (scope.to) q.where(column, '<=', scope.to);
  return q;
};

export type ReportsService = ReturnType<typeof reports>;
export default reports;
