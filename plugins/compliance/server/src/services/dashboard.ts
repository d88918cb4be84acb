import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { PLUGIN_ID, UID } from '../constants';
import { judgeSite, verdictText, type ColumnFacts, type InspectionRules, type UpdateClass } from '../core/inspection';
import { complianceScore, ratio, SCORE_FORMULA, SCORE_WEIGHTS } from '../core/score';
import { toIsoDay } from '../utils/dates';
import { refuse } from '../utils/refusals';
import type { ResolvedScope, ScopeService } from './scope';
import { ACTIVITY_TABLE, type ColumnActivityService } from './column-activity';

type Meta = { tableName: string; attributes: Record<string, { columnName?: string; joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }> };
const TIMELINESS = ['on_time', 'late', 'overdue', 'due_soon', 'pending'] as const;
const IN_FORCE = ['valid', 'partially_invalid'];

/** Admin edit page of a document (content manager). */
export const editUrl = (uid: string, documentId: string) => `/admin/content-manager/collection-types/${uid}/${documentId}`;

/** A panel whose plugin is switched off or lacks the service: "not available", never zero. */
const unavailable = (plugin: string, reason = '插件未启用') => ({ available: false as const, plugin, reason });

/**
 * The supervisors' dashboard: every panel aggregated in SQL, through the other plugins' services
 * for their figures and straight on the app's own catalogue tables (items, sites, columns).
 */
const dashboard = ({ strapi }: { strapi: Core.Strapi }) => {
  const meta = (uid: string) => strapi.db.metadata.get(uid as never) as unknown as Meta;
  const col = (uid: string, attribute: string) => meta(uid).attributes[attribute]?.columnName ?? attribute;
  const join = (uid: string, attribute: string) => meta(uid).attributes[attribute].joinTable!;
  const knex = () => strapi.db.connection;
  const service = (plugin: string, name: string) => {
    try {
      return strapi.plugin(plugin)?.service(name) as any;
    } catch {
      return undefined;
    }
  };
  const rules = () => strapi.config.get(`plugin::${PLUGIN_ID}.inspection`) as InspectionRules;

  /** Draft rows of proactive items in scope: one per document, where the deadlines plugin keeps timeliness. */
  const items = (scope: ResolvedScope) => {
    const q = knex()(`${meta(UID.item).tableName} as i`).whereNull('i.published_at').where(`i.${col(UID.item, 'disclosureAttribute')}`, 'proactive');
    if (scope.organizations) q.whereIn(`i.${col(UID.item, 'organizationDocumentId')}`, scope.organizations);
    if (scope.from) q.where(`i.${col(UID.item, 'disclosureDueDate')}`, '>=', scope.from);
    if (scope.to) q.where(`i.${col(UID.item, 'disclosureDueDate')}`, '<=', scope.to);
    return q;
  };

  const timeliness = async (scope: ResolvedScope) => {
    if (!strapi.plugin('deadlines')) return unavailable('deadlines');
    const t = `i.${col(UID.item, 'timeliness')}`;
    const rows = (await items(scope).select(`${t} as timeliness`).count({ n: '*' }).groupBy(t)) as Array<{ timeliness: string; n: number | string }>;
    const counts = Object.fromEntries(TIMELINESS.map((k) => [k, 0])) as Record<(typeof TIMELINESS)[number], number>;
    for (const r of rows) if (r.timeliness in counts) counts[r.timeliness as keyof typeof counts] = Number(r.n);
    const due = counts.on_time + counts.late + counts.overdue;
    return { available: true as const, ...counts, due, onTimeRate: ratio(counts.on_time, due), lateRate: ratio(counts.late, due), overdueRate: ratio(counts.overdue, due) };
  };

  const applications = async (scope: ResolvedScope) => {
    const reports = service('deadlines', 'reports');
    if (!reports?.dashboard) return unavailable('deadlines');
    return { available: true as const, ...(await reports.dashboard({ organizations: scope.organizations, from: scope.from, to: scope.to })) };
  };

  const interpretations = async (scope: ResolvedScope) => {
    const metrics = service('policy-linkage', 'metrics');
    if (!metrics?.summary) return unavailable('policy-linkage');
    if (scope.organizations && scope.organizations.length === 0) return { available: true as const, requiring: 0, interpreted: 0, ratio: null, withoutInterpretation: 0, withoutPublicPolicy: 0, released: 0, lag: { averageWorkingDays: null, maximumWorkingDays: null, late: 0 } };
    const m = await metrics.summary({ organization: scope.organization?.documentId, region: scope.region?.code, from: scope.from, to: scope.to });
    return {
      available: true as const,
      requiring: m.policies.requiringInterpretation,
      interpreted: m.policies.interpreted,
      waived: m.policies.waived,
      ratio: m.policies.ratio,
      withoutInterpretation: m.policies.withoutInterpretation.count,
      withoutPublicPolicy: m.interpretations.withoutPublicPolicy.count,
      released: m.interpretations.released,
      lag: { averageWorkingDays: m.interpretations.lag.averageWorkingDays, maximumWorkingDays: m.interpretations.lag.maximumWorkingDays, late: m.interpretations.lag.late },
    };
  };

  /** Catalogue items (the app's own table) past their expiry date but still stored as in force. */
  const catalogueExpired = (scope: ResolvedScope) => {
    const q = knex()(`${meta(UID.item).tableName} as i`).whereNotNull('i.published_at')
      .whereIn(`i.${col(UID.item, 'validity')}`, IN_FORCE)
      .where(`i.${col(UID.item, 'expiryDate')}`, '<', scope.today);
    if (scope.organizations) q.whereIn(`i.${col(UID.item, 'organizationDocumentId')}`, scope.organizations);
    return q;
  };

  const regulations = async (scope: ResolvedScope) => {
    const register = service('regulation-versions', 'public-register');
    if (!register?.dashboard) return unavailable('regulation-versions');
    const [figures, catalogue] = await Promise.all([
      register.dashboard({ organizations: scope.organizations, today: scope.today }),
      catalogueExpired(scope).count({ n: '*' }).first(),
    ]);
    return {
      available: true as const,
      byValidity: figures.byValidity,
      expiringWithinMonths: figures.expiringWithinMonths,
      expiring: figures.expiring.count,
      expiredStillValid: figures.expiredStillValid.count,
      catalogueExpiredStillValid: Number(catalogue?.n ?? 0),
    };
  };

  /**
   * Findings of the content-security plugin (built in parallel). Expected service:
   * strapi.plugin('content-security').service('findings').dashboard({ organizations, from, to }) →
   * { findings: { total, open, bySeverity, byKind }, overrides: { total } }.
   */
  const contentSecurity = async (scope: ResolvedScope) => {
    const findings = service('content-security', 'findings');
    if (!findings?.dashboard) return unavailable('content-security');
    return { available: true as const, ...(await findings.dashboard({ organizations: scope.organizations, from: scope.from, to: scope.to })) };
  };

  /**
   * Columns of the sites of the organisations in scope (a small query over sites and columns), then
   * their newest published item and item count from the materialised per-column activity (see the
   * column-activity service; refreshed when older than the configured age).
   */
  const columnFacts = async (scope: ResolvedScope): Promise<Array<Record<string, any>>> => {
    const column = meta(UID.column);
    const siteJoin = join(UID.column, 'site');
    const siteOrg = join(UID.site, 'organization');
    const itemColumns = join(UID.item, 'columns');
    const structure = knex()(`${column.tableName} as c`)
      .join(`${siteJoin.name} as cs`, `cs.${siteJoin.joinColumn.name}`, 'c.id')
      .join(`${meta(UID.site).tableName} as s`, 's.id', `cs.${siteJoin.inverseJoinColumn.name}`)
      .leftJoin(`${siteOrg.name} as so`, `so.${siteOrg.joinColumn.name}`, 's.id')
      .leftJoin(`${meta(UID.organization).tableName} as o`, 'o.id', `so.${siteOrg.inverseJoinColumn.name}`)
      .select(
        'c.id as id', 'c.document_id as documentId', 'c.name as name', `c.${col(UID.column, 'level')} as level`,
        `c.${col(UID.column, 'updateClass')} as updateClass`, `c.${col(UID.column, 'updateIntervalDays')} as updateIntervalDays`,
        's.id as siteId', 's.document_id as siteDocumentId', 's.name as siteName', 'o.document_id as organizationDocumentId', 'o.name as organizationName'
      )
      .orderBy('s.id')
      .orderBy('c.id');
    if (scope.organizations) structure.whereIn('o.document_id', scope.organizations);
    const rows = (await structure) as Array<Record<string, any>>;
    if (!rows.length) return rows;
    await (strapi.plugin(PLUGIN_ID).service('column-activity') as ColumnActivityService).ensureFresh();
    const activity = knex()(ACTIVITY_TABLE).select('column_id as columnId', 'last_published_at as lastPublished', 'items');
    if (scope.organizations) activity.whereIn('column_id', rows.map((r) => r.id));
    const byColumn = new Map(((await activity) as Array<{ columnId: number; lastPublished: unknown; items: number | string }>).map((a) => [Number(a.columnId), a]));
    return rows.map((r) => ({ ...r, lastPublished: byColumn.get(Number(r.id))?.lastPublished ?? null, items: Number(byColumn.get(Number(r.id))?.items ?? 0) }));
  };

  const freshness = async (scope: ResolvedScope) => {
    const rows = await columnFacts(scope);
    const sites = new Map<number, { documentId: string; name: string; organizationDocumentId: string | null; organizationName: string | null; columns: ColumnFacts[] }>();
    for (const r of rows) {
      const site = sites.get(r.siteId) ?? { documentId: r.siteDocumentId, name: r.siteName, organizationDocumentId: r.organizationDocumentId, organizationName: r.organizationName, columns: [] };
      site.columns.push({
        id: r.id, documentId: r.documentId, name: r.name, level: r.level === null ? null : Number(r.level),
        updateClass: (r.updateClass ?? null) as UpdateClass | null, updateIntervalDays: r.updateIntervalDays === null ? null : Number(r.updateIntervalDays),
        lastUpdatedOn: toIsoDay(r.lastPublished), items: Number(r.items),
      });
      sites.set(r.siteId, site);
    }
    const r = rules();
    const judged = [...sites.values()].map((site) => {
      const verdict = judgeSite(site.columns, scope.today, r);
      return {
        documentId: site.documentId, name: site.name, organizationDocumentId: site.organizationDocumentId, organizationName: site.organizationName,
        fails: verdict.fails, reasons: verdict.reasons, verdict: verdictText(site.name, verdict),
        columns: verdict.columns.length, staleTogether: verdict.staleTogether, notUpdating: verdict.notUpdating, blank: verdict.blank,
        homepageLastUpdatedOn: verdict.homepageLastUpdatedOn, homepageStale: verdict.homepageStale,
        shouldUpdate: verdict.columns.filter((c) => c.intervalDays !== null).length,
        columnVerdicts: verdict.columns,
      };
    });
    return {
      available: true as const,
      rules: r,
      sites: judged.length,
      failing: judged.filter((s) => s.fails).length,
      staleColumns: judged.reduce((n, s) => n + s.notUpdating, 0),
      blankColumns: judged.reduce((n, s) => n + s.blank, 0),
      siteVerdicts: judged,
    };
  };

  /** The per-organisation figures of the ranking, read in parallel with the panels. */
  const rankingInputs = async (scope: ResolvedScope) => {
    const orgQ = knex()(meta(UID.organization).tableName).select('document_id as documentId', 'name', 'code');
    if (scope.organizations) orgQ.whereIn('document_id', scope.organizations);
    const t = `i.${col(UID.item, 'timeliness')}`;
    const orgCol = `i.${col(UID.item, 'organizationDocumentId')}`;
    const deadlinesOn = !!strapi.plugin('deadlines');
    const reports = service('deadlines', 'reports');
    const [orgs, timelyRows, perOrg] = await Promise.all([
      orgQ as Promise<Array<{ documentId: string; name: string; code: string }>>,
      deadlinesOn
        ? (items(scope).whereIn(t, ['on_time', 'late', 'overdue']).select(`${orgCol} as org`, `${t} as timeliness`).count({ n: '*' }).groupBy(orgCol, t) as Promise<Array<{ org: string; timeliness: string; n: number | string }>>)
        : Promise.resolve([] as Array<{ org: string; timeliness: string; n: number | string }>),
      reports?.dashboardByOrganization ? reports.dashboardByOrganization({ organizations: scope.organizations, from: scope.from, to: scope.to }) : Promise.resolve(null),
    ]);
    return { orgs, timelyRows, perOrg: perOrg as Record<string, { answered: number; answeredLate: number }> | null, deadlinesOn };
  };

  const ranking = (inputs: Awaited<ReturnType<typeof rankingInputs>>, fresh: Awaited<ReturnType<typeof freshness>>) => {
    const { orgs, timelyRows, perOrg, deadlinesOn } = inputs;
    const timely = new Map<string, { on_time: number; due: number }>();
    for (const r of timelyRows) {
      const e = timely.get(r.org) ?? { on_time: 0, due: 0 };
      e.due += Number(r.n);
      if (r.timeliness === 'on_time') e.on_time += Number(r.n);
      timely.set(r.org, e);
    }
    const columns = new Map<string, { fresh: number; shouldUpdate: number }>();
    for (const site of fresh.siteVerdicts) {
      if (!site.organizationDocumentId) continue;
      const e = columns.get(site.organizationDocumentId) ?? { fresh: 0, shouldUpdate: 0 };
      e.shouldUpdate += site.shouldUpdate;
      e.fresh += site.shouldUpdate - site.notUpdating;
      columns.set(site.organizationDocumentId, e);
    }
    const rows = orgs.map((o) => {
      const tl = timely.get(o.documentId);
      const ap = perOrg?.[o.documentId];
      const cl = columns.get(o.documentId);
      const rates = {
        timeliness: deadlinesOn ? ratio(tl?.on_time ?? 0, tl?.due ?? 0) : null,
        applications: ap ? ratio(ap.answered - ap.answeredLate, ap.answered) : null,
        freshness: cl ? ratio(cl.fresh, cl.shouldUpdate) : null,
      };
      return { documentId: o.documentId, name: o.name, code: o.code, rates, score: complianceScore(rates) };
    });
    rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.code.localeCompare(b.code));
    return { formula: SCORE_FORMULA, weights: SCORE_WEIGHTS, organizations: rows.map((r, i) => ({ rank: r.score === null ? null : i + 1, ...r })) };
  };

  return {
    async summary(query: Record<string, unknown>) {
      const scope = await (strapi.plugin(PLUGIN_ID).service('scope') as ScopeService).resolve(query);
      const [timelinessPanel, applicationsPanel, interpretationsPanel, regulationsPanel, contentSecurityPanel, freshnessPanel, rankingPanel] = await Promise.all([
        timeliness(scope), applications(scope), interpretations(scope), regulations(scope), contentSecurity(scope), freshness(scope), rankingInputs(scope),
      ]);
      return {
        scope: {
          organization: scope.organization ? { code: scope.organization.code, name: scope.organization.name, documentId: scope.organization.documentId } : null,
          region: scope.region ? { code: scope.region.code, name: scope.region.name } : null,
          organizations: scope.organizations?.length ?? null,
          from: scope.from ?? null,
          to: scope.to ?? null,
          today: scope.today,
        },
        panels: {
          timeliness: timelinessPanel,
          applications: applicationsPanel,
          interpretations: interpretationsPanel,
          regulations: regulationsPanel,
          contentSecurity: contentSecurityPanel,
          freshness: { ...freshnessPanel, siteVerdicts: freshnessPanel.siteVerdicts.map(({ columnVerdicts, ...site }) => site) },
        },
        ranking: ranking(rankingPanel, freshnessPanel),
      };
    },

    /** The entries behind one figure of the summary, each with a link to its edit page. */
    async entries(query: Record<string, unknown>) {
      const scope = await (strapi.plugin(PLUGIN_ID).service('scope') as ScopeService).resolve(query, {
        panel: Joi.string().valid('timeliness', 'applications', 'interpretations', 'regulations', 'contentSecurity', 'freshness').required(),
        metric: Joi.string().pattern(/^[a-zA-Z_]+(:[a-z_0-9]+)?$/).required(),
        site: Joi.string().max(64),
        limit: Joi.number().integer().min(1).max(1000).default(100),
        offset: Joi.number().integer().min(0).default(0),
      });
      const { panel, metric, limit, offset } = scope as unknown as { panel: string; metric: string; limit: number; offset: number };
      const bad = () => refuse('DASHBOARD_METRIC_UNKNOWN', `面板 ${panel} 没有指标 ${metric}`, 'metric', metric);
      const itemList = async (q: any) => {
        const total = Number((await q.clone().count({ n: '*' }).first())?.n ?? 0);
        const rows = await q
          .leftJoin(`${meta(UID.organization).tableName} as o`, 'o.document_id', `i.${col(UID.item, 'organizationDocumentId')}`)
          .select('i.document_id as documentId', 'i.title as title', `i.${col(UID.item, 'indexNumber')} as indexNumber`, 'o.name as organization',
            `i.${col(UID.item, 'disclosureDueDate')} as dueDate`, `i.${col(UID.item, 'firstPublishedAt')} as firstPublishedAt`, `i.${col(UID.item, 'daysLate')} as daysLate`, `i.${col(UID.item, 'expiryDate')} as expiryDate`)
          .orderBy('i.id', 'asc').limit(limit).offset(offset);
        return {
          total,
          items: rows.map((r: Record<string, unknown>) => ({ ...r, dueDate: toIsoDay(r.dueDate), firstPublishedAt: toIsoDay(r.firstPublishedAt), expiryDate: toIsoDay(r.expiryDate), editUrl: editUrl(UID.item, r.documentId as string) })),
        };
      };
      const orgNames = async (ids: string[]) => {
        const rows = ids.length ? await knex()(meta(UID.organization).tableName).whereIn('document_id', [...new Set(ids)]).select('document_id as documentId', 'name') : [];
        return new Map(rows.map((r: { documentId: string; name: string }) => [r.documentId, r.name]));
      };

      let result: { total: number; items: Array<Record<string, unknown>> };
      if (panel === 'timeliness') {
        if (!strapi.plugin('deadlines')) return { available: false, total: 0, items: [] };
        if (!(TIMELINESS as readonly string[]).includes(metric)) return bad();
        result = await itemList(items(scope).where(`i.${col(UID.item, 'timeliness')}`, metric));
      } else if (panel === 'applications') {
        const reports = service('deadlines', 'reports');
        if (!reports?.dashboardEntries) return { available: false, total: 0, items: [] };
        const answer = await reports.dashboardEntries({ organizations: scope.organizations, from: scope.from, to: scope.to, metric, limit, offset });
        if (!answer) return bad();
        const names = await orgNames(answer.items.map((r: { organizationDocumentId: string }) => r.organizationDocumentId));
        result = { total: answer.total, items: answer.items.map((r: Record<string, any>) => ({ ...r, title: r.trackingCode, organization: names.get(r.organizationDocumentId) ?? null, editUrl: editUrl(answer.uid, r.documentId) })) };
      } else if (panel === 'regulations') {
        if (metric === 'catalogueExpiredStillValid') result = await itemList(catalogueExpired(scope));
        else {
          const register = service('regulation-versions', 'public-register');
          if (!register?.dashboard) return { available: false, total: 0, items: [] };
          if (!['expiring', 'expiredStillValid'].includes(metric)) return bad();
          const figures = await register.dashboard({ organizations: scope.organizations, today: scope.today });
          const list = figures[metric] as { count: number; items: Array<Record<string, any>> };
          result = { total: list.count, items: list.items.map((r) => ({ ...r, editUrl: editUrl(figures.uid, r.documentId) })) };
        }
      } else if (panel === 'interpretations') {
        const metrics = service('policy-linkage', 'metrics');
        if (!metrics?.summary) return { available: false, total: 0, items: [] };
        const m = await metrics.summary({ organization: scope.organization?.documentId, region: scope.region?.code, from: scope.from, to: scope.to });
        const source =
          metric === 'withoutInterpretation' ? { list: m.policies.withoutInterpretation, uid: UID.item }
          : metric === 'withoutPublicPolicy' ? { list: m.interpretations.withoutPublicPolicy, uid: 'plugin::policy-linkage.interpretation' }
          : metric === 'late' ? { list: { count: m.interpretations.lag.late, items: m.interpretations.lag.lateItems }, uid: 'plugin::policy-linkage.interpretation' }
          : null;
        if (!source) return bad();
        const names = await orgNames(source.list.items.map((r: { organizationDocumentId: string }) => r.organizationDocumentId));
        result = { total: source.list.count, items: source.list.items.map((r: Record<string, any>) => ({ ...r, organization: names.get(r.organizationDocumentId) ?? null, editUrl: editUrl(source.uid, r.documentId) })) };
      } else if (panel === 'contentSecurity') {
        const findings = service('content-security', 'findings');
        if (!findings?.dashboardEntries) return { available: false, total: 0, items: [] };
        const answer = await findings.dashboardEntries({ organizations: scope.organizations, from: scope.from, to: scope.to, metric, limit, offset });
        if (!answer) return bad();
        const names = await orgNames(answer.items.map((r: { organizationDocumentId?: string }) => r.organizationDocumentId).filter(Boolean));
        result = { total: answer.total, items: answer.items.map((r: Record<string, any>) => ({ ...r, organization: names.get(r.organizationDocumentId) ?? null, editUrl: editUrl(r.uid, r.documentId) })) };
      } else {
        if (!['stale', 'blank', 'staleVeto'].includes(metric)) return bad();
        const fresh = await freshness(scope);
        const columns = fresh.siteVerdicts
          .filter((s) => !(scope as { site?: string }).site || s.documentId === (scope as { site?: string }).site)
          .flatMap((s) => s.columnVerdicts.filter((c) => c[metric as 'stale' | 'blank' | 'staleVeto']).map((c) => ({
            documentId: c.documentId, title: c.name, site: s.name, organization: s.organizationName, updateClass: c.updateClass, level: c.level,
            intervalDays: c.intervalDays, lastUpdatedOn: c.lastUpdatedOn, daysSinceUpdate: c.daysSinceUpdate, items: c.items, editUrl: editUrl(UID.column, c.documentId),
          })));
        result = { total: columns.length, items: columns.slice(offset, offset + limit) };
      }
      return { available: true, panel, metric, ...result };
    },
  };
};

export type DashboardService = ReturnType<typeof dashboard>;
export default dashboard;
