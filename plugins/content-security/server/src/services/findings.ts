import type { Core } from '@strapi/strapi';

const SCAN_RESULT = 'plugin::content-security.scan-result';
const OVERRIDE = 'plugin::content-security.finding-override';

export interface FindingsQuery {
  /** Organisation documentIds in scope; null for all. */
  organizations: string[] | null;
  from?: string | null;
  to?: string | null;
}

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

  return {
    async dashboard({ organizations, from, to }: FindingsQuery) {
      const knex = strapi.db.connection;
      const results = table(SCAN_RESULT);
      const c = {
        uid: column(SCAN_RESULT, 'targetUid'),
        doc: column(SCAN_RESULT, 'targetDocumentId'),
        org: column(SCAN_RESULT, 'organizationDocumentId'),
        outcome: column(SCAN_RESULT, 'outcome'),
        findings: column(SCAN_RESULT, 'findingCount'),
        blocking: column(SCAN_RESULT, 'blockingCount'),
        overrideDoc: column(OVERRIDE, 'targetDocumentId'),
      };
      const inScope = (q: any, alias: string) => {
        if (organizations) q.whereIn(`${alias}.${c.org}`, organizations);
        if (from) q.where(`${alias}.created_at`, '>=', dayStart(from));
        if (to) q.where(`${alias}.created_at`, '<', dayAfter(to));
        return q;
      };
      const latest = inScope(knex(`${results} as r`).max({ id: 'r.id' }).groupBy(`r.${c.uid}`, `r.${c.doc}`), 'r');
      const [current, blocked, overrides] = await Promise.all([
        knex(`${results} as s`)
          .whereIn('s.id', latest)
          .select(
            knex.raw('count(*) as documents'),
            knex.raw('sum(case when ?? > 0 then 1 else 0 end) as with_findings', [`s.${c.findings}`]),
            knex.raw('coalesce(sum(??), 0) as total', [`s.${c.findings}`]),
            knex.raw('coalesce(sum(??), 0) as open', [`s.${c.blocking}`])
          )
          .first(),
        inScope(knex(`${results} as r`).where(`r.${c.outcome}`, 'blocked'), 'r').count({ n: '*' }).first(),
        (() => {
          const q = knex(`${table(OVERRIDE)} as o`);
          if (from) q.where('o.created_at', '>=', dayStart(from));
          if (to) q.where('o.created_at', '<', dayAfter(to));
          if (organizations) {
            q.whereExists((sub: any) => sub.select(knex.raw('1')).from(`${results} as r`).whereRaw('?? = ??', [`r.${c.doc}`, `o.${c.overrideDoc}`]).whereIn(`r.${c.org}`, organizations));
          }
          return q.count({ n: '*' }).first();
        })(),
      ]);
      const row = (current ?? {}) as Record<string, unknown>;
      return {
        documents: { scanned: Number(row.documents ?? 0), withFindings: Number(row.with_findings ?? 0) },
        findings: { total: Number(row.total ?? 0), open: Number(row.open ?? 0) },
        refusals: Number((blocked as { n?: unknown } | undefined)?.n ?? 0),
        overrides: { total: Number((overrides as { n?: unknown } | undefined)?.n ?? 0) },
      };
    },
  };
};

export type FindingsService = ReturnType<typeof findings>;
export default findings;
