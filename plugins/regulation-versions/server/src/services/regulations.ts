import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { PLUGIN_ID, UID } from '../constants';
import { parseLegalText, type LegalText } from '../core/legal-text';
import { checkPublishedVersionUnchanged } from '../core/published-version';
import { checkPartialRepeal, checkRepeal } from '../core/repeal-rules';
import { reviewReminderOn } from '../core/review-reminder';
import { buildTimeline } from '../core/timeline';
import { nextStatusChange, validityFromTimeline } from '../core/validity';
import { checkNewVersion } from '../core/version-rules';
import type { ValidityPeriodRules } from '../core/validity-period';
import { validityPeriodRules } from '../config';
import type { PartialRepealEvent, Regulation, RegulationEvent, RegulationRecord, RegulationVersion, RepealEvent } from '../core/regulation';
import { shanghaiToday, toIsoDay } from '../utils/dates';
import { notFound, refuseAll, refuseForbidden, refuseInput, withRefusals } from '../utils/refusals';

type AdminUser = { id: number; firstname?: string; lastname?: string; email?: string } | null;
type Row = Record<string, any> & { id: number; documentId: string };

const isoDate = Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/);
const versionSchema = Joi.object({
  title: Joi.string().trim().max(300).allow('', null),
  text: Joi.string().trim().min(1).max(500000).required(),
  actDocumentNumber: Joi.string().trim().max(100).required(),
  actDate: isoDate.required(),
  publishedOn: isoDate.required(),
  effectiveOn: isoDate.required(),
  expiresOn: isoDate.allow(null, ''),
  openEnded: Joi.boolean(),
  change: Joi.string().valid('original', 'amendment', 'renewal', 'correction').required(),
  predecessor: Joi.number().integer().min(1),
});
const repealSchema = Joi.object({ documentNumber: Joi.string().trim().max(100).required(), actDate: isoDate.allow(null), effectiveOn: isoDate.required() });
const partialRepealSchema = repealSchema.keys({ articles: Joi.array().items(Joi.number().integer().min(1)).min(1).required(), versionNumber: Joi.number().integer().min(1) });

const joiProblems = (error: Joi.ValidationError) => error.details.map((d) => ({ path: d.path.map(String), code: 'REGULATION_INPUT_INVALID', message: d.message }));

/**
 * Regulations and their versions: drafting, publishing (after which a version never changes),
 * repeal and partial repeal, and the derived status stored for lists and the register. The rules
 * live in core/; this is the glue that loads records, asks the core and stores the answer.
 */
const regulations = ({ strapi }: { strapi: Core.Strapi }) => {
  const rules = (): ValidityPeriodRules => validityPeriodRules(strapi);
  const scope = () => strapi.plugin('catalogue').service('organization-scope') as { organizationsOf(id: number): Promise<string[]> };

  const toRegulation = (row: Row): Regulation => ({
    kind: row.kind,
    title: row.title,
    documentNumber: row.documentNumber ?? null,
    flags: { ...(typeof row.trial === 'boolean' ? { trial: row.trial } : {}), ...(typeof row.interim === 'boolean' ? { interim: row.interim } : {}) },
  });
  const toVersion = (row: Row): RegulationVersion => ({
    versionNumber: row.versionNumber,
    title: row.title ?? null,
    text: (row.articles as LegalText) ?? parseLegalText(row.text ?? ''),
    actDocumentNumber: row.actDocumentNumber,
    actDate: toIsoDay(row.actDate) as string,
    publishedOn: toIsoDay(row.publishedOn) as string,
    effectiveOn: toIsoDay(row.effectiveOn) as string,
    expiresOn: toIsoDay(row.expiresOn),
    openEnded: !!row.openEnded,
    amends: row.amends ?? null,
    renews: row.renews ?? null,
    correction: !!row.correction,
    draft: row.draft !== false,
  });
  const toEvent = (row: Row): RegulationEvent | null =>
    row.type === 'repeal'
      ? { type: 'repeal', documentNumber: row.documentNumber, actDate: toIsoDay(row.actDate), effectiveOn: toIsoDay(row.effectiveOn) as string }
      : row.type === 'partial_repeal'
        ? { type: 'partial_repeal', documentNumber: row.documentNumber, actDate: toIsoDay(row.actDate), effectiveOn: toIsoDay(row.effectiveOn) as string, articles: row.articles ?? [], versionNumber: row.versionNumber ?? null }
        : null;

  const adminName = (admin: AdminUser) => (admin ? [admin.lastname, admin.firstname].filter(Boolean).join('') || admin.email || `#${admin.id}` : '系统');

  return {
    async load(documentId: string): Promise<{ row: Row; versionRows: Row[]; eventRows: Row[]; record: RegulationRecord }> {
      // The region's path comes along: refresh() stores it as the register's filter.
      const row = (await strapi.db.query(UID.regulation).findOne({ where: { documentId }, populate: { region: { select: ['path'] } } })) as Row | null;
      if (!row) return notFound();
      const [versionRows, eventRows] = (await Promise.all([
        strapi.db.query(UID.version).findMany({ where: { regulation: { id: row.id } }, orderBy: { versionNumber: 'asc' } }),
        strapi.db.query(UID.event).findMany({ where: { regulation: { id: row.id } }, orderBy: { id: 'asc' } }),
      ])) as [Row[], Row[]];
      const record: RegulationRecord = {
        regulation: toRegulation(row),
        versions: versionRows.map(toVersion),
        events: eventRows.map(toEvent).filter((e): e is RegulationEvent => e !== null),
      };
      return { row, versionRows, eventRows, record };
    },

    /**
     * The records of many regulations in three queries (regulations, their versions, their events),
     * for the annual counts; `published` keeps only published versions.
     */
    async loadRecords(where: Record<string, unknown>, { published = false }: { published?: boolean } = {}): Promise<RegulationRecord[]> {
      const rows = (await strapi.db.query(UID.regulation).findMany({ where })) as Row[];
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      const byRegulation = <T>(list: Array<T & { regulation?: { id: number } | null }>) => {
        const grouped = new Map<number, T[]>();
        for (const item of list) {
          const id = item.regulation?.id;
          if (id !== undefined) grouped.set(id, [...(grouped.get(id) ?? []), item]);
        }
        return grouped;
      };
      const [versionRows, eventRows] = (await Promise.all([
        strapi.db.query(UID.version).findMany({ where: { regulation: { id: { $in: ids } }, ...(published ? { draft: false } : {}) }, orderBy: { versionNumber: 'asc' }, populate: { regulation: { select: ['id'] } } }),
        strapi.db.query(UID.event).findMany({ where: { regulation: { id: { $in: ids } } }, orderBy: { id: 'asc' }, populate: { regulation: { select: ['id'] } } }),
      ])) as [Row[], Row[]];
      const versionsOf = byRegulation(versionRows);
      const eventsOf = byRegulation(eventRows);
      return rows.map((row) => ({
        regulation: toRegulation(row),
        versions: (versionsOf.get(row.id) ?? []).map(toVersion),
        events: (eventsOf.get(row.id) ?? []).map(toEvent).filter((e): e is RegulationEvent => e !== null),
      }));
    },

    /** 403 unless the admin works for the regulation's organisation (super admins and internal work pass). */
    async assertInScope(row: Row, admin: AdminUser) {
      if (!admin) return;
      const user = (await strapi.db.query('admin::user').findOne({ where: { id: admin.id }, populate: { roles: true } })) as { roles: { code: string }[] } | null;
      if ((user?.roles ?? []).some((r) => r.code === 'strapi-super-admin')) return;
      const allowed = await scope().organizationsOf(admin.id);
      if (!allowed.includes(row.organizationDocumentId)) refuseForbidden('您只能管理本机关（部门）的规章和规范性文件');
    },

    /** Stores what the core derives today: status, version in force, dates the lists and the scheduled job use. */
    async refresh(documentId: string, today = shanghaiToday()) {
      const { row, record } = await this.load(documentId);
      const derived = withRefusals(() => {
        const timeline = buildTimeline(record.regulation, record.versions, record.events, rules());
        const validity = validityFromTimeline(timeline, today);
        const last = timeline.periods[timeline.periods.length - 1];
        const next = nextStatusChange(record.regulation, record.versions, record.events, today, rules());
        const reminder = reviewReminderOn(record.regulation, record.versions, record.events, rules());
        const hasPublished = timeline.periods.length > 0;
        return {
          // The register filters on the region's materialised path (see the catalogue plugin), kept here as a scalar.
          regionPath: row.region?.path ?? null,
          validity: hasPublished ? validity.status : null,
          validityOn: today,
          currentVersionNumber: validity.versionInForce ?? (last ? last.versionNumber : null),
          firstEffectiveOn: timeline.periods[0]?.effectiveOn ?? null,
          expiresOn: last?.expiresOn ?? null,
          repealedOn: timeline.repeal?.effectiveOn ?? null,
          nextStatusChangeOn: next?.on ?? null,
          reviewReminderOn: reminder?.remindOn ?? null,
        };
      });
      await strapi.db.query(UID.regulation).update({ where: { id: row.id }, data: derived });
      return derived;
    },

    /** Refreshes every regulation whose next status change has come (the daily job). */
    async refreshDue(today = shanghaiToday()) {
      const due = (await strapi.db.query(UID.regulation).findMany({ where: { nextStatusChangeOn: { $lte: today } }, select: ['documentId'] })) as Row[];
      for (const { documentId } of due) await this.refresh(documentId, today);
      return due.length;
    },

    /**
     * The review reminder (评估提醒) of normative documents nearing the end of their validity period:
     * one e-mail to the editors of the issuing organisation per expiry date. The conditional update
     * is the claim, so with several instances each reminder goes out once.
     */
    async sendReviewReminders(today = shanghaiToday()) {
      const table = strapi.db.metadata.get(UID.regulation).tableName;
      const due = (await strapi.db.query(UID.regulation).findMany({
        where: { reviewReminderOn: { $lte: today }, expiresOn: { $gte: today }, validity: { $in: ['valid', 'partially_invalid', 'not_yet_effective'] } },
        select: ['id', 'documentId', 'title', 'expiresOn', 'reviewRemindedFor', 'organizationDocumentId'],
      })) as Row[];
      let sent = 0;
      for (const row of due) {
        const expiresOn = toIsoDay(row.expiresOn);
        if (toIsoDay(row.reviewRemindedFor) === expiresOn) continue;
        const claimed = await strapi.db
          .connection(table)
          .where({ id: row.id })
          .andWhere((q) => q.whereNull('review_reminded_for').orWhereNot('review_reminded_for', expiresOn))
          .update({ review_reminded_for: expiresOn });
        if (claimed !== 1) continue;
        const organization = (await strapi.db.query(UID.organization).findOne({
          where: { documentId: row.organizationDocumentId },
          populate: { editors: { select: ['email', 'isActive'] } },
        })) as { name: string; editors?: Array<{ email: string; isActive: boolean }> } | null;
        const recipients = (organization?.editors ?? []).filter((e) => e.isActive && e.email).map((e) => e.email);
        if (recipients.length === 0) continue;
        try {
          await strapi.plugin('email').service('email').send({
            to: recipients.join(','),
            subject: `【规范性文件评估提醒】《${row.title}》将于${expiresOn}有效期届满`,
            text: `《${row.title}》有效期至${expiresOn}。请及时评估：需要继续施行的，应当在届满前以新的发文字号重新公布（延续）；不再施行的将自动失效。`,
          });
          sent++;
        } catch (error) {
          await strapi.db.connection(table).where({ id: row.id }).update({ review_reminded_for: toIsoDay(row.reviewRemindedFor) });
          strapi.log.error(`[regulation-versions] review reminder for ${row.documentId} not sent: ${(error as Error).message}`);
        }
      }
      return { candidates: due.length, sent };
    },

    /** A new draft version: the original, an amendment, a renewal (new number) or a correction. */
    async addVersion(documentId: string, input: Record<string, unknown>, admin: AdminUser) {
      const { error, value } = versionSchema.validate(input ?? {}, { abortEarly: false, convert: true });
      if (error) return refuseInput(joiProblems(error));
      const { row, versionRows, record } = await this.load(documentId);
      await this.assertInScope(row, admin);
      const latest = record.versions.filter((v) => !v.draft).sort((a, b) => b.versionNumber - a.versionNumber)[0];
      const predecessor = value.predecessor ?? latest?.versionNumber ?? null;
      const versionNumber = (versionRows[versionRows.length - 1]?.versionNumber ?? 0) + 1;
      const text = parseLegalText(value.text);
      const incoming: RegulationVersion = {
        versionNumber,
        title: value.title || null,
        text,
        actDocumentNumber: value.actDocumentNumber,
        actDate: value.actDate,
        publishedOn: value.publishedOn,
        effectiveOn: value.effectiveOn,
        expiresOn: value.expiresOn || null,
        openEnded: !!value.openEnded,
        amends: value.change === 'amendment' || value.change === 'correction' ? predecessor : null,
        renews: value.change === 'renewal' ? predecessor : null,
        correction: value.change === 'correction',
        draft: true,
      };
      refuseAll(withRefusals(() => checkNewVersion(record.regulation, record.versions, record.events, incoming, rules())));
      await strapi.db.transaction(async () => {
        await strapi.db.query(UID.version).create({
          data: { ...incoming, text: value.text, articles: text, regulation: row.id },
        });
        await strapi.db.query(UID.event).create({ data: { regulation: row.id, type: 'version_drafted', versionNumber, recordedById: admin?.id ?? null, recordedByName: adminName(admin) } });
      });
      return this.timeline(documentId);
    },

    /** Changes a draft; a published version is refused: a correction is a new version. */
    async updateDraft(documentId: string, versionNumber: number, input: Record<string, unknown>, admin: AdminUser) {
      const { row, versionRows, record } = await this.load(documentId);
      await this.assertInScope(row, admin);
      const stored = versionRows.find((v) => v.versionNumber === versionNumber);
      if (!stored) return notFound('版本不存在');
      if (stored.draft === false) refuseAll(checkPublishedVersionUnchanged(toVersion(stored), input as Partial<RegulationVersion>));
      if (stored.draft === false) return this.timeline(documentId);
      const { error, value } = versionSchema.fork(['change'], (f) => f.optional()).validate({ ...input }, { abortEarly: false, convert: true });
      if (error) return refuseInput(joiProblems(error));
      const text = parseLegalText(value.text);
      const incoming: RegulationVersion = { ...toVersion(stored), ...value, text, expiresOn: value.expiresOn || null, draft: true };
      refuseAll(withRefusals(() => checkNewVersion(record.regulation, record.versions.filter((v) => v.versionNumber !== versionNumber), record.events, incoming, rules())));
      await strapi.db.query(UID.version).update({ where: { id: stored.id }, data: { ...value, expiresOn: value.expiresOn || null, articles: text, change: undefined } });
      return this.timeline(documentId);
    },

    async publishVersion(documentId: string, versionNumber: number, admin: AdminUser) {
      const { row, versionRows, record } = await this.load(documentId);
      await this.assertInScope(row, admin);
      const stored = versionRows.find((v) => v.versionNumber === versionNumber);
      if (!stored) return notFound('版本不存在');
      if (stored.draft === false) return refuseInput([{ path: ['versionNumber'], code: 'VERSION_ALREADY_PUBLISHED', message: '该版本已经发布' }]);
      const incoming = { ...toVersion(stored), draft: false };
      refuseAll(withRefusals(() => checkNewVersion(record.regulation, record.versions.filter((v) => v.versionNumber !== versionNumber), record.events, incoming, rules())));
      await strapi.db.transaction(async () => {
        await strapi.db.query(UID.version).update({ where: { id: stored.id }, data: { draft: false, releasedAt: new Date(), releasedByName: adminName(admin) } });
        await strapi.db.query(UID.event).create({ data: { regulation: row.id, type: 'version_published', versionNumber, recordedById: admin?.id ?? null, recordedByName: adminName(admin) } });
      });
      await this.refresh(documentId);
      return this.timeline(documentId);
    },

    async repeal(documentId: string, input: Record<string, unknown>, admin: AdminUser) {
      const { error, value } = repealSchema.validate(input ?? {}, { abortEarly: false, convert: true });
      if (error) return refuseInput(joiProblems(error));
      const { row, record } = await this.load(documentId);
      await this.assertInScope(row, admin);
      const repeal: RepealEvent = { type: 'repeal', documentNumber: value.documentNumber, actDate: value.actDate ?? null, effectiveOn: value.effectiveOn };
      refuseAll(withRefusals(() => checkRepeal(record.regulation, record.versions, record.events, repeal, rules())));
      await strapi.db.query(UID.event).create({ data: { ...repeal, regulation: row.id, recordedById: admin?.id ?? null, recordedByName: adminName(admin) } });
      await this.refresh(documentId);
      return this.timeline(documentId);
    },

    async partialRepeal(documentId: string, input: Record<string, unknown>, admin: AdminUser) {
      const { error, value } = partialRepealSchema.validate(input ?? {}, { abortEarly: false, convert: true });
      if (error) return refuseInput(joiProblems(error));
      const { row, record } = await this.load(documentId);
      await this.assertInScope(row, admin);
      const partial: PartialRepealEvent = { type: 'partial_repeal', documentNumber: value.documentNumber, actDate: value.actDate ?? null, effectiveOn: value.effectiveOn, articles: value.articles, versionNumber: value.versionNumber ?? null };
      refuseAll(withRefusals(() => checkPartialRepeal(record.regulation, record.versions, record.events, partial, rules())));
      await strapi.db.query(UID.event).create({ data: { ...partial, regulation: row.id, recordedById: admin?.id ?? null, recordedByName: adminName(admin) } });
      await this.refresh(documentId);
      return this.timeline(documentId);
    },

    /** The regulation's status today and its versions (as loaded: drafts included or not), each with its own status. */
    overview({ row, versionRows, record }: Pick<Awaited<ReturnType<typeof this.load>>, 'row' | 'versionRows' | 'record'>, today = shanghaiToday()) {
      const validity = withRefusals(() => validityFromTimeline(buildTimeline(record.regulation, record.versions, record.events, rules()), today));
      const statusOf = new Map(validity.versions.map((v) => [v.versionNumber, v]));
      return {
        documentId: row.documentId,
        title: row.title,
        kind: row.kind,
        status: validity.status,
        statusLabel: validity.label,
        versionInForce: validity.versionInForce,
        versions: versionRows.map((v) => ({
          versionNumber: v.versionNumber,
          title: v.title ?? row.title,
          actDocumentNumber: v.actDocumentNumber,
          actDate: toIsoDay(v.actDate),
          publishedOn: toIsoDay(v.publishedOn),
          effectiveOn: toIsoDay(v.effectiveOn),
          expiresOn: toIsoDay(v.expiresOn),
          change: v.renews ? 'renewal' : v.correction ? 'correction' : v.amends ? 'amendment' : 'original',
          predecessor: v.amends ?? v.renews ?? null,
          draft: v.draft !== false,
          status: v.draft === false ? statusOf.get(v.versionNumber)?.status ?? null : null,
          statusLabel: v.draft === false ? statusOf.get(v.versionNumber)?.label ?? null : null,
          releasedAt: v.releasedAt ?? null,
          releasedBy: v.releasedByName ?? null,
        })),
      };
    },

    /** The overview with drafts, and the history of who did what. */
    async timeline(documentId: string, today = shanghaiToday()) {
      const loaded = await this.load(documentId);
      return {
        ...this.overview(loaded, today),
        history: loaded.eventRows.map((e) => ({
          type: e.type,
          versionNumber: e.versionNumber ?? null,
          documentNumber: e.documentNumber ?? null,
          effectiveOn: toIsoDay(e.effectiveOn),
          articles: e.articles ?? null,
          recordedBy: e.recordedByName ?? null,
          recordedAt: e.createdAt,
        })),
      };
    },
  };
};

export type RegulationsService = ReturnType<typeof regulations>;
export default regulations;
