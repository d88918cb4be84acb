import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { DECISION_CATEGORIES, UID } from '../constants';
import { buildTable4, crossCheck, NARRATIVE_SECTIONS, renderReportHtml, templateFor, transition, type Narrative, type ReportFigures, type ReportStage, type Table2, type TRANSITIONS } from '../core/annual-report';
import { dayAfter, dayStart } from '../utils/dates';
import { forbidden, notFound, refuse, refuseInput, withRefusals } from '../utils/refusals';

type Meta = { tableName: string; attributes: Record<string, { columnName?: string; joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }> };
export interface Actor {
  id: number;
  /** Reads and writes every organisation's and region's reports (supervisors, super admins). */
  allScope: boolean;
}
type ReportRow = {
  id: number; documentId: string; reportYear: number; templateVersion: string; scopeKind: 'organization' | 'region'; scopeCode: string; scopeName: string;
  organizationDocumentId: string | null; stage: ReportStage; figures: ReportFigures; narrative: Narrative; violations: unknown[]; history: unknown[];
  generatedAt: string; releasedAt: string | null;
};

const validate = <T>(schema: Joi.Schema, input: unknown, code = 'REPORT_INPUT_INVALID'): T => {
  const { error, value } = schema.validate(input ?? {}, { abortEarly: false, convert: true, stripUnknown: true });
  if (error) return refuseInput(error.details.map((d) => ({ path: d.path.map(String), code, message: d.message, value: d.context?.value })));
  return value as T;
};
const targetSchema = Joi.object({
  year: Joi.number().integer().min(2008).max(2100).required(),
  organization: Joi.string().pattern(/^[0-9A-Z]{6,18}$/),
  region: Joi.string().pattern(/^\d{6}(\d{3}){0,2}$/),
}).xor('organization', 'region');
const narrativeSchema = Joi.object({
  narrative: Joi.object(Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s.key, Joi.string().allow('').max(50000)]))),
  feesWanYuan: Joi.number().min(0).max(1e9).precision(4),
}).or('narrative', 'feesWanYuan');

/**
 * The annual report: generated from the records for an organisation or a region and a year,
 * narrative edited by its drafters, cross-checked, moved through draft → submitted → approved →
 * published, readable by the public once published, exported as HTML and XLSX.
 */
const annualReports = ({ strapi }: { strapi: Core.Strapi }) => {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as Meta;
  const col = (uid: string, attribute: string) => meta(uid).attributes[attribute]?.columnName ?? attribute;
  const knex = () => strapi.db.connection;
  const reports = () => strapi.db.query(UID.annualReport);
  const service = (plugin: string, name: string) => {
    try {
      return strapi.plugin(plugin)?.service(name) as any;
    } catch {
      return undefined;
    }
  };

  const organizationsOf = async (actor: Actor): Promise<string[] | null> => {
    if (actor.allScope) return null;
    return ((await strapi.plugin('catalogue').service('organization-scope').organizationsOf(actor.id)) ?? []) as string[];
  };

  const resolveTarget = async (target: { organization?: string; region?: string }) => {
    if (target.organization) {
      const org = await strapi.db.query(UID.organization).findOne({ where: { code: target.organization }, select: ['id', 'documentId', 'code', 'name'] });
      if (!org) return notFound(`机关部门 ${target.organization} 不存在`, 'ORGANIZATION_NOT_FOUND');
      return { scopeKind: 'organization' as const, scopeCode: org.code, scopeName: org.name, organizationDocumentId: org.documentId, organizations: [org.documentId] };
    }
    const region = await strapi.db.query(UID.region).findOne({ where: { code: target.region }, select: ['id', 'documentId', 'code', 'name', 'path'] });
    if (!region) return notFound(`行政区划 ${target.region} 不存在`, 'REGION_NOT_FOUND');
    const orgs = await strapi.db.query(UID.organization).findMany({ where: { region: { path: { $startsWith: region.path } } }, select: ['id', 'documentId'] });
    return { scopeKind: 'region' as const, scopeCode: region.code, scopeName: region.name, organizationDocumentId: null, organizations: orgs.map((o: { documentId: string }) => o.documentId) };
  };

  /** Decision counts of table 2: published items of the three decision categories first published in the year. */
  const decisionCounts = async (year: number, organizations: string[]) => {
    const item = meta(UID.item);
    const categoryJoin = item.attributes.category.joinTable!;
    const rows = organizations.length
      ? ((await knex()(`${item.tableName} as i`)
          .join(`${categoryJoin.name} as cl`, `cl.${categoryJoin.joinColumn.name}`, 'i.id')
          .join(`${meta(UID.category).tableName} as c`, 'c.id', `cl.${categoryJoin.inverseJoinColumn.name}`)
          .whereNotNull('i.published_at')
          .whereIn('c.code', Object.values(DECISION_CATEGORIES))
          .whereIn(`i.${col(UID.item, 'organizationDocumentId')}`, organizations)
          .where(`i.${col(UID.item, 'firstPublishedAt')}`, '>=', dayStart(`${year}-01-01`))
          .where(`i.${col(UID.item, 'firstPublishedAt')}`, '<', dayAfter(`${year}-12-31`))
          .select('c.code as code')
          .count({ n: '*' })
          .groupBy('c.code')) as Array<{ code: string; n: number | string }>)
      : [];
    const byCode = new Map(rows.map((r) => [r.code, Number(r.n)]));
    return Object.fromEntries(Object.entries(DECISION_CATEGORIES).map(([key, code]) => [key, byCode.get(code) ?? 0])) as Record<keyof typeof DECISION_CATEGORIES, number>;
  };

  const reviewCases = async (year: number, organizations: string[]) => {
    const table = meta(UID.reviewCase).tableName;
    const rows = organizations.length
      ? ((await knex()(table)
          .whereIn(col(UID.reviewCase, 'organizationDocumentId'), organizations)
          .where(col(UID.reviewCase, 'filedOn'), '>=', `${year}-01-01`)
          .where(col(UID.reviewCase, 'filedOn'), '<=', `${year}-12-31`)
          .select(`${col(UID.reviewCase, 'kind')} as kind`, `${col(UID.reviewCase, 'outcome')} as outcome`)
          .count({ n: '*' })
          .groupBy(col(UID.reviewCase, 'kind'), col(UID.reviewCase, 'outcome'))) as Array<{ kind: string; outcome: string; n: number | string }>)
      : [];
    return buildTable4(rows.map((r) => ({ kind: r.kind, outcome: r.outcome, n: Number(r.n) })));
  };

  const figuresFor = async (year: number, target: { organization?: string; region?: string }, organizations: string[], feesWanYuan: number): Promise<ReportFigures> => {
    const register = service('regulation-versions', 'public-register');
    const applicationReports = service('deadlines', 'reports');
    const query = { year, ...(target.organization ? { organization: target.organization } : { region: target.region }) };
    const [regulationCounts, decisions, table3, table4] = await Promise.all([
      register?.counts ? register.counts(query) : null,
      decisionCounts(year, organizations),
      applicationReports?.applicationTable ? applicationReports.applicationTable(query) : null,
      reviewCases(year, organizations),
    ]);
    const kind = (k: string) => {
      const row = regulationCounts?.data?.table?.[k];
      return row ? { made: row.made, repealed: row.repealed, currentlyValid: row.currentlyValid } : null;
    };
    const table2: Table2 = { rules: kind('rule'), normativeDocuments: kind('normative_document'), ...decisions, feesWanYuan };
    return {
      table2,
      table3: table3 ? { rows: table3.rows.map((r: any) => ({ key: r.key, ordinal: r.ordinal, label: r.label })), columns: table3.columns, cells: table3.cells } : null,
      table4,
    };
  };

  const load = async (documentId: string, actor: Actor | null): Promise<ReportRow> => {
    const row = (await reports().findOne({ where: { documentId } })) as ReportRow | null;
    if (!row) return notFound('年度报告不存在', 'REPORT_NOT_FOUND');
    if (actor) {
      const allowed = await organizationsOf(actor);
      if (allowed && !(row.organizationDocumentId && allowed.includes(row.organizationDocumentId))) forbidden('ORGANIZATION_OUT_OF_SCOPE', '您只能处理本机关（部门）的年度报告');
    }
    return row;
  };

  const view = (row: ReportRow) => ({
    documentId: row.documentId, reportYear: row.reportYear, templateVersion: row.templateVersion, scopeKind: row.scopeKind, scopeCode: row.scopeCode, scopeName: row.scopeName,
    stage: row.stage, figures: row.figures, narrative: row.narrative ?? {}, violations: row.figures ? crossCheck(row.figures) : [], history: row.history ?? [], generatedAt: row.generatedAt, releasedAt: row.releasedAt,
  });
  const publicView = (row: ReportRow) => {
    const { violations, history, ...rest } = view(row);
    return rest;
  };

  const historyEntry = (action: string, actor: Actor, from: ReportStage | null, to: ReportStage, extra: Record<string, unknown> = {}) => ({ action, by: actor.id, at: new Date().toISOString(), from, to, ...extra });

  return {
    async generate(input: unknown, actor: Actor) {
      const target = validate<{ year: number; organization?: string; region?: string }>(targetSchema, input);
      const template = withRefusals(() => templateFor(target.year));
      const resolved = await resolveTarget(target);
      const allowed = await organizationsOf(actor);
      if (allowed && !(resolved.organizationDocumentId && allowed.includes(resolved.organizationDocumentId))) forbidden('ORGANIZATION_OUT_OF_SCOPE', '您只能编制本机关（部门）的年度报告');
      const existing = await reports().findOne({ where: { reportYear: target.year, scopeKind: resolved.scopeKind, scopeCode: resolved.scopeCode }, select: ['id', 'documentId'] });
      if (existing) return refuseInput([{ path: ['year'], code: 'REPORT_EXISTS', message: `${resolved.scopeName} ${target.year} 年度报告已存在（${existing.documentId}）`, value: existing.documentId }]);
      const figures = await figuresFor(target.year, target, resolved.organizations, 0);
      const created = (await strapi.documents(UID.annualReport as never).create({
        data: {
          reportYear: target.year, templateVersion: template.version, scopeKind: resolved.scopeKind, scopeCode: resolved.scopeCode, scopeName: resolved.scopeName,
          organizationDocumentId: resolved.organizationDocumentId, stage: 'draft', figures, narrative: {}, violations: crossCheck(figures),
          history: [historyEntry('generate', actor, null, 'draft')], generatedAt: new Date(),
        },
      } as never)) as unknown as { documentId: string };
      return view(await load(created.documentId, null));
    },

    async list(query: Record<string, unknown>, actor: Actor) {
      const q = validate<{ year?: number; stage?: string }>(Joi.object({ year: Joi.number().integer(), stage: Joi.string().valid('draft', 'submitted', 'approved', 'published') }), query);
      const allowed = await organizationsOf(actor);
      const rows = (await reports().findMany({
        where: { ...(q.year ? { reportYear: q.year } : {}), ...(q.stage ? { stage: q.stage } : {}), ...(allowed ? { organizationDocumentId: { $in: allowed } } : {}) },
        orderBy: [{ reportYear: 'desc' }, { scopeCode: 'asc' }],
        limit: 500,
      })) as ReportRow[];
      return rows.map((r) => { const { figures, narrative, history, ...rest } = view(r); return { ...rest, violationCount: rest.violations.length }; });
    },

    async get(documentId: string, actor: Actor) {
      return view(await load(documentId, actor));
    },

    /** Refreshes the figures from the records; only a draft moves with the records. */
    async regenerate(documentId: string, actor: Actor) {
      const row = await load(documentId, actor);
      if (row.stage !== 'draft') return refuse('REPORT_NOT_EDITABLE', '只有草稿状态的报告可以重新生成', 'stage', row.stage);
      const resolved = await resolveTarget(row.scopeKind === 'organization' ? { organization: row.scopeCode } : { region: row.scopeCode });
      const figures = await figuresFor(row.reportYear, row.scopeKind === 'organization' ? { organization: row.scopeCode } : { region: row.scopeCode }, resolved.organizations, row.figures?.table2?.feesWanYuan ?? 0);
      await reports().update({ where: { id: row.id }, data: { figures, violations: crossCheck(figures), generatedAt: new Date(), history: [...(row.history ?? []), historyEntry('regenerate', actor, 'draft', 'draft')] } });
      return view(await load(documentId, null));
    },

    async edit(documentId: string, input: unknown, actor: Actor) {
      const change = validate<{ narrative?: Narrative; feesWanYuan?: number }>(narrativeSchema, input);
      const row = await load(documentId, actor);
      if (row.stage !== 'draft') return refuse('REPORT_NOT_EDITABLE', `报告当前为「${row.stage}」，只有草稿可以修改`, 'stage', row.stage);
      const figures = change.feesWanYuan === undefined ? row.figures : { ...row.figures, table2: { ...row.figures.table2, feesWanYuan: change.feesWanYuan } };
      await reports().update({
        where: { id: row.id },
        data: { narrative: { ...(row.narrative ?? {}), ...(change.narrative ?? {}) }, figures, violations: crossCheck(figures), history: [...(row.history ?? []), historyEntry('edit', actor, 'draft', 'draft')] },
      });
      return view(await load(documentId, null));
    },

    async act(documentId: string, action: keyof typeof TRANSITIONS, actor: Actor, comment?: string) {
      const row = await load(documentId, actor);
      // Cross-checks run again on the stored figures at submission: a violation blocks it.
      const violations = crossCheck(row.figures);
      const to = withRefusals(() => transition(row.stage, action, violations));
      await reports().update({
        where: { id: row.id },
        data: {
          stage: to,
          violations,
          ...(to === 'published' ? { releasedAt: new Date() } : {}),
          history: [...(row.history ?? []), historyEntry(action, actor, row.stage, to, comment ? { comment } : {})],
        },
      });
      return view(await load(documentId, null));
    },

    html(report: ReturnType<typeof view>) {
      return renderReportHtml({ reportYear: report.reportYear, templateVersion: report.templateVersion, scopeName: report.scopeName, narrative: report.narrative, figures: report.figures });
    },

    /** Published reports for the public: filters year, organisation code, region code. */
    async publicList(query: Record<string, unknown>) {
      const q = validate<{ year?: number; organization?: string; region?: string }>(
        Joi.object({ year: Joi.number().integer().min(2008).max(2100), organization: Joi.string().pattern(/^[0-9A-Z]{6,18}$/), region: Joi.string().pattern(/^\d{6}(\d{3}){0,2}$/) }),
        query,
        'QUERY_PARAMETER_INVALID'
      );
      const rows = (await reports().findMany({
        where: {
          stage: 'published',
          ...(q.year ? { reportYear: q.year } : {}),
          ...(q.organization ? { scopeKind: 'organization', scopeCode: q.organization } : {}),
          ...(q.region ? { scopeKind: 'region', scopeCode: q.region } : {}),
        },
        orderBy: [{ reportYear: 'desc' }, { scopeCode: 'asc' }],
        limit: 500,
      })) as ReportRow[];
      return rows.map((r) => ({ documentId: r.documentId, reportYear: r.reportYear, templateVersion: r.templateVersion, scopeKind: r.scopeKind, scopeCode: r.scopeCode, scopeName: r.scopeName, releasedAt: r.releasedAt }));
    },

    async publicGet(documentId: string) {
      const row = (await reports().findOne({ where: { documentId, stage: 'published' } })) as ReportRow | null;
      if (!row) return notFound('年度报告不存在或尚未发布', 'REPORT_NOT_FOUND');
      return publicView(row);
    },
  };
};

export type AnnualReportsService = ReturnType<typeof annualReports>;
export default annualReports;
