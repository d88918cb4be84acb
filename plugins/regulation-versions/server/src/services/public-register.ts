import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { IN_FORCE_STATUSES, PLUGIN_ID, UID } from '../constants';
import { annualReportCounts } from '../core/annual-report';
import { renderDiffHtml } from '../core/diff-html';
import { versionInForce } from '../core/point-in-time';
import { diffVersions } from '../core/version-diff';
import { validityPeriodRules } from '../config';
import { shanghaiToday, toIsoDay } from '../utils/dates';
import { notFound, refuseInput, withRefusals } from '../utils/refusals';
import type { RegulationsService } from './regulations';

const isoDate = Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/);
const regionCode = Joi.string().pattern(/^\d{6}(\d{3}){0,2}$/);
const TOPIC = Joi.string().pattern(/^[a-z_]{2,40}$/);

const validate = <T>(schema: Joi.Schema<T>, input: unknown): T => {
  const { error, value } = schema.validate(input ?? {}, { abortEarly: false, convert: true, stripUnknown: true });
  if (error) return refuseInput(error.details.map((d) => ({ path: d.path.map(String), code: 'QUERY_PARAMETER_INVALID', message: d.message, value: d.context?.value })));
  return value as T;
};


/**
 * The public face of the plugin: the currently-valid register, each regulation's published
 * versions, the version in force on a date, diffs, and the annual-report counts. Only published
 * versions are ever read here.
 */
const publicRegister = ({ strapi }: { strapi: Core.Strapi }) => {
  const regulations = () => strapi.plugin(PLUGIN_ID).service('regulations') as RegulationsService;

  /** A regulation with at least one published version, with drafts removed, or 404. */
  const published = async (documentId: string) => {
    const loaded = await regulations().load(documentId);
    const versions = loaded.record.versions.filter((v) => !v.draft);
    if (versions.length === 0) return notFound();
    return { ...loaded, record: { ...loaded.record, versions }, versionRows: loaded.versionRows.filter((v) => v.draft === false) };
  };

  /**
   * Where a regulation belongs is its region (by default its organisation's): a prefix match on the
   * stored path covers the region and everything below it, an equality the region alone. An unknown
   * code matches nothing.
   */
  const regionFilter = async (code: string, descendants: boolean) => {
    const region = (await strapi.db.query(UID.region).findOne({ where: { code }, select: ['path'] })) as { path: string | null } | null;
    if (!region?.path) return { id: { $null: true } };
    return { regionPath: descendants ? { $startsWith: region.path } : { $eq: region.path } };
  };

  return {
    async register(query: Record<string, unknown>) {
      const q = validate(
        Joi.object({
          region: regionCode,
          descendants: Joi.boolean().default(true),
          organization: Joi.string().pattern(/^[0-9A-Z]{6,18}$/),
          kind: Joi.string().valid('rule', 'normative_document'),
          topic: TOPIC,
          page: Joi.number().integer().min(1).default(1),
          pageSize: Joi.number().integer().min(1).max(100).default(20),
        }),
        query
      );
      const where = {
        $and: [
          { validity: { $in: IN_FORCE_STATUSES } },
          ...(q.region ? [await regionFilter(q.region, q.descendants)] : []),
          ...(q.organization ? [{ organization: { code: q.organization } }] : []),
          ...(q.kind ? [{ kind: q.kind }] : []),
          ...(q.topic ? [{ topic: q.topic }] : []),
        ],
      };
      const [rows, total] = await Promise.all([
        strapi.db.query(UID.regulation).findMany({
          where,
          select: ['id', 'documentId', 'title', 'kind', 'documentNumber', 'topic', 'validity', 'currentVersionNumber', 'firstEffectiveOn', 'expiresOn'],
          populate: { organization: { select: ['name', 'code'] }, region: { select: ['name', 'code'] } },
          orderBy: [{ firstEffectiveOn: 'desc' }, { id: 'desc' }],
          offset: (q.page - 1) * q.pageSize,
          limit: q.pageSize,
        }),
        strapi.db.query(UID.regulation).count({ where }),
      ]);
      return {
        data: (rows as Array<Record<string, any>>).map(({ id, ...row }) => ({ ...row, firstEffectiveOn: toIsoDay(row.firstEffectiveOn), expiresOn: toIsoDay(row.expiresOn) })),
        meta: { pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total } },
      };
    },

    async versions(documentId: string) {
      return { data: regulations().overview(await published(documentId)) };
    },

    async inForce(documentId: string, query: Record<string, unknown>) {
      const { date } = validate(Joi.object({ date: isoDate.default(() => shanghaiToday()) }), query);
      const { record } = await published(documentId);
      const answer = withRefusals(() => versionInForce(record.regulation, record.versions, record.events, date, validityPeriodRules(strapi)));
      const version = 'version' in answer ? answer.version : 'lastVersion' in answer ? answer.lastVersion : null;
      return {
        data: {
          ...answer,
          version: version ? { versionNumber: version.versionNumber, title: version.title, actDocumentNumber: version.actDocumentNumber, effectiveOn: version.effectiveOn, text: version.text } : null,
          ...('lastVersion' in answer ? { lastVersion: undefined } : {}),
        },
      };
    },

    async diff(documentId: string, query: Record<string, unknown>) {
      const q = validate(Joi.object({ from: Joi.number().integer().min(1).required(), to: Joi.number().integer().min(1).required(), format: Joi.string().valid('json', 'html').default('json') }), query);
      const { record } = await published(documentId);
      const a = record.versions.find((v) => v.versionNumber === q.from);
      const b = record.versions.find((v) => v.versionNumber === q.to);
      if (!a || !b) return notFound('版本不存在');
      const diff = diffVersions(a, b);
      return q.format === 'html' ? { html: renderDiffHtml(diff) } : { data: diff, html: renderDiffHtml(diff) };
    },

    /** Table 2 of the annual report: rules and normative documents made, repealed, currently valid at year end. */
    async counts(query: Record<string, unknown>) {
      const q = validate(
        Joi.object({ year: Joi.number().integer().min(2000).max(2100).required(), organization: Joi.string().pattern(/^[0-9A-Z]{6,18}$/), region: regionCode }).oxor('organization', 'region'),
        query
      );
      const where = q.organization ? { organization: { code: q.organization } } : q.region ? await regionFilter(q.region, true) : {};
      const records = await regulations().loadRecords(where, { published: true });
      const counts = withRefusals(() => annualReportCounts(records, q.year, validityPeriodRules(strapi)));
      return { data: { year: q.year, scope: q.organization ? { organization: q.organization } : q.region ? { region: q.region } : { all: true }, ...counts } };
    },

    /**
     * Register figures for the compliance dashboard, aggregated in SQL over the stored status:
     * counts by validity, expiring within `months` (default 6) and past their expiry date but still
     * stored as in force (the daily status job has not run). Scope: organisation documentIds or null.
     */
    async dashboard({ organizations, today = shanghaiToday(), months = 6 }: { organizations: string[] | null; today?: string; months?: number }) {
      const knex = strapi.db.connection;
      const meta = strapi.db.metadata.get(UID.regulation) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
      const col = (name: string) => meta.attributes[name]?.columnName ?? name;
      const horizon = new Date(`${today}T00:00:00Z`);
      horizon.setUTCMonth(horizon.getUTCMonth() + months);
      const until = horizon.toISOString().slice(0, 10);
      const base = () => {
        const q = knex(meta.tableName);
        if (organizations) q.whereIn(col('organizationDocumentId'), organizations);
        return q;
      };
      const list = (q: any) => q.select('document_id as documentId', 'title', `${col('documentNumber')} as documentNumber`, `${col('validity')} as validity`, `${col('expiresOn')} as expiresOn`).orderBy(col('expiresOn'), 'asc').limit(100);
      const expiring = () => base().whereIn(col('validity'), [...IN_FORCE_STATUSES]).where(col('expiresOn'), '>=', today).where(col('expiresOn'), '<=', until);
      const staleValid = () => base().whereIn(col('validity'), [...IN_FORCE_STATUSES]).where(col('expiresOn'), '<', today);
      const count = async (q: any) => Number((await q.count({ n: '*' }).first())?.n ?? 0);
      const [byValidityRows, expiringCount, expiringRows, staleCount, staleRows] = await Promise.all([
        base().select(`${col('validity')} as validity`).count({ n: '*' }).groupBy(col('validity')),
        count(expiring()),
        list(expiring()),
        count(staleValid()),
        list(staleValid()),
      ]);
      const fix = (rows: Array<Record<string, unknown>>) => rows.map((r) => ({ ...r, expiresOn: toIsoDay(r.expiresOn) }));
      return {
        uid: UID.regulation,
        today,
        byValidity: Object.fromEntries((byValidityRows as Array<{ validity: string | null; n: number | string }>).map((r) => [r.validity ?? 'unknown', Number(r.n)])),
        expiringWithinMonths: months,
        expiring: { count: expiringCount, items: fix(expiringRows) },
        expiredStillValid: { count: staleCount, items: fix(staleRows) },
      };
    },
  };
};

export type PublicRegisterService = ReturnType<typeof publicRegister>;
export default publicRegister;
