import type { Core } from '@strapi/strapi';

const SCAN_RESULT = 'plugin::content-security.scan-result';
const OVERRIDE = 'plugin::content-security.finding-override';

export interface FindingsQuery {
  /** Organisation documentIds in scope; null for all. */
  organizations: string[] | null;
  from?: string | null;
  to?: string | null;
}

/** The entries behind a figure: documents whose latest scan has findings (`withFindings`), blocking ones (`open`), or `overrides`. */
export const FINDINGS_METRICS = ['withFindings', 'open', 'overrides'] as const;
export type FindingsMetric = (typeof FINDINGS_METRICS)[number];

const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const dayAfter = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

/**
 * Figures for the compliance dashboard, in SQL: the latest scan of each document scanned in the
 * period (its findings, and those still blocking publication), refusals, and supervisor overrides.
 */
const findings = ({ strapi }: { strapi: Core.Strapi }) => {
  const table = (uid: string) => (strapi.db.metadata.get(uid as never) as unknown as { tableName: string }).tableName;
  const column = (uid: string, attribute: string) =>
    (strapi.db.metadata.get(uid as never) as unknown as { attributes: Record<string, { columnName?: string }> }).attributes[attribute]?.columnName ?? attribute;

  const columns = () => ({
    uid: column(SCAN_RESULT, 'targetUid'),
    doc: column(SCAN_RESULT, 'targetDocumentId'),
    title: column(SCAN_RESULT, 'targetTitle'),
    org: column(SCAN_RESULT, 'organizationDocumentId'),
    outcome: column(SCAN_RESULT, 'outcome'),
    findings: column(SCAN_RESULT, 'findingCount'),
    blocking: column(SCAN_RESULT, 'blockingCount'),
    overrideUid: column(OVERRIDE, 'targetUid'),
    overrideDoc: column(OVERRIDE, 'targetDocumentId'),
    overrideTitle: column(OVERRIDE, 'targetTitle'),
  });
  const scoped = (knex: any, { organizations, from, to }: FindingsQuery) => {
    const c = columns();
    const inScope = (q: any, alias: string) => {
      if (organizations) q.whereIn(`${alias}.${c.org}`, organizations);
      if (from) q.where(`${alias}.created_at`, '>=', dayStart(from));
      if (to) q.where(`${alias}.created_at`, '<', dayAfter(to));
      return q;
    };
    const results = table(SCAN_RESULT);
    const latest = () => knex(`${results} as s`).whereIn('s.id', inScope(knex(`${results} as r`).max({ id: 'r.id' }).groupBy(`r.${c.uid}`, `r.${c.doc}`), 'r'));
    const overrides = () => {
      const q = knex(`${table(OVERRIDE)} as o`);
      if (from) q.where('o.created_at', '>=', dayStart(from));
      if (to) q.where('o.created_at', '<', dayAfter(to));
      if (organizations) {
        q.whereExists((sub: any) => sub.select(knex.raw('1')).from(`${results} as r`).whereRaw('?? = ??', [`r.${c.doc}`, `o.${c.overrideDoc}`]).whereIn(`r.${c.org}`, organizations));
      }
      return q;
    };
    return { c, inScope, latest, overrides, results };
  };

  return {
    /** The entries behind one figure of `dashboard`, newest first. */
    async dashboardEntries(query: FindingsQuery & { metric: string; limit?: number; offset?: number }) {
      if (!(FINDINGS_METRICS as readonly string[]).includes(query.metric)) return null;
      const knex = strapi.db.connection;
      const { c, latest, overrides } = scoped(knex, query);
      const limit = query.limit ?? 100;
      const offset = query.offset ?? 0;
      if (query.metric === 'overrides') {
        const q = overrides();
        const total = Number((await q.clone().count({ n: '*' }).first())?.n ?? 0);
        const items = await q
          .select(`o.${c.overrideUid} as uid`, `o.${c.overrideDoc} as documentId`, `o.${c.overrideTitle} as title`, `o.${column(OVERRIDE, 'preview')} as preview`, `o.${column(OVERRIDE, 'reason')} as reason`, `o.${column(OVERRIDE, 'overriddenByName')} as overriddenBy`, 'o.created_at as at')
          .orderBy('o.id', 'desc').limit(limit).offset(offset);
        return { total, items };
      }
      const q = latest().where(`s.${query.metric === 'open' ? c.blocking : c.findings}`, '>', 0);
      const total = Number((await q.clone().count({ n: '*' }).first())?.n ?? 0);
      const items = await q
        .select(`s.${c.uid} as uid`, `s.${c.doc} as documentId`, `s.${c.title} as title`, `s.${c.org} as organizationDocumentId`, `s.${c.findings} as findings`, `s.${c.blocking} as blocking`, `s.${c.outcome} as outcome`, 's.created_at as scannedAt')
        .orderBy('s.id', 'desc').limit(limit).offset(offset);
      return { total, items };
    },

    async dashboard(query: FindingsQuery) {
      const knex = strapi.db.connection;
      const { c, inScope, latest, overrides, results } = scoped(knex, query);
      const [current, blocked, overridden] = await Promise.all([
        latest()
          .select(
            knex.raw('count(*) as documents'),
            knex.raw('sum(case when ?? > 0 then 1 else 0 end) as with_findings', [`s.${c.findings}`]),
            knex.raw('coalesce(sum(??), 0) as total', [`s.${c.findings}`]),
            knex.raw('coalesce(sum(??), 0) as open', [`s.${c.blocking}`])
          )
          .first(),
        inScope(knex(`${results} as r`).where(`r.${c.outcome}`, 'blocked'), 'r').count({ n: '*' }).first(),
        overrides().count({ n: '*' }).first(),
      ]);
      const row = (current ?? {}) as Record<string, unknown>;
      return {
        documents: { scanned: Number(row.documents ?? 0), withFindings: Number(row.with_findings ?? 0) },
        findings: { total: Number(row.total ?? 0), open: Number(row.open ?? 0) },
        refusals: Number((blocked as { n?: unknown } | undefined)?.n ?? 0),
        overrides: { total: Number((overridden as { n?: unknown } | undefined)?.n ?? 0) },
      };
    },
  };
};

export type FindingsService = ReturnType<typeof findings>;
export default findings;
