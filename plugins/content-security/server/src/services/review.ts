import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import { FINDING_LABELS, PERSONAL_TYPES, type Finding } from '../core/findings';
import { maskText, type Masked } from '../core/mask';
import { scanAttachment } from '../core/scan';
import { actorName, type Actor, type GateService, type ScanOutcome } from './gate';
import type { LexiconService } from './lexicon';
import { forbidden, notFound, refuse } from '../utils/refusals';

type AdminUser = Actor & { roles?: Array<{ code: string }> };

/**
 * What people do with findings: scan on demand, "mask and publish", a supervisor's override of a
 * single finding, the rescan after word lists change, and the lists supervisors read.
 */
const review = ({ strapi }: { strapi: Core.Strapi }) => {
  const gate = () => strapi.plugin(PLUGIN_ID).service('gate') as GateService;

  const isSuperAdmin = (user: AdminUser) => !!user?.roles?.some((r) => r.code === 'strapi-super-admin');

  /** Department users act on their own organisations' documents only (the catalogue's scope, when that plugin runs). */
  const assertInScope = async (row: Record<string, any>, user: AdminUser) => {
    if (!user || isSuperAdmin(user)) return;
    const roles = user.roles ?? (await strapi.db.query('admin::user').findOne({ where: { id: user.id }, populate: ['roles'] }))?.roles ?? [];
    if (roles.some((r: { code: string }) => r.code === 'strapi-super-admin' || r.code === 'supervisor')) return;
    const scope = strapi.plugin('catalogue')?.service('organization-scope') as { organizationsOf(id: number): Promise<string[]> } | undefined;
    if (!scope || !('organizationDocumentId' in row)) return;
    const allowed = await scope.organizationsOf(user.id);
    if (!allowed.includes(row.organizationDocumentId ?? '')) forbidden('ORGANIZATION_OUT_OF_SCOPE', '您只能处理本机关（部门）的内容');
  };

  const loadGated = async (uid: string, documentId: string) => {
    if (!gate().isGated(uid)) refuse('CONTENT_TYPE_NOT_SCANNED', `内容类型 ${uid} 不在内容安全检查范围内`, ['uid']);
    const row = await gate().load(uid, documentId);
    if (!row) notFound('DOCUMENT_NOT_FOUND', '文档不存在');
    return row!;
  };

  const latestResult = (uid: string, documentId: string) =>
    strapi.db.query(UID.scanResult).findOne({ where: { targetUid: uid, targetDocumentId: documentId, trigger: { $ne: 'rescan' } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] }) as Promise<{ findings: Finding[] } | null>;

  const service = {
    /** Scans the draft (what would be published) now and stores the result. */
    async scan(uid: string, documentId: string, user: AdminUser) {
      const row = await loadGated(uid, documentId);
      await assertInScope(row, user);
      const outcome = (await gate().scanStored(uid, documentId))!;
      const stored = await gate().record(outcome, 'manual', user, false);
      return { ...present(outcome), resultId: stored.id };
    },

    async results(uid: string, documentId: string, user: AdminUser) {
      const row = await loadGated(uid, documentId);
      await assertInScope(row, user);
      return strapi.db.query(UID.scanResult).findMany({ where: { targetUid: uid, targetDocumentId: documentId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: 50 });
    },

    /**
     * Mask and publish: personal data in the public text fields is replaced by its masks and the
     * change recorded; then, when asked, the document is published through the gate like any other
     * publish. Attachments are never rewritten: one with personal data must be replaced, so the
     * action is refused (ATTACHMENT_PERSONAL_DATA) before anything changes.
     */
    async maskAndPublish(uid: string, documentId: string, { publish = true }: { publish?: boolean }, user: AdminUser, canPublish: boolean) {
      if (uid === UID.regulationVersion) refuse('MASK_NOT_SUPPORTED', '规章版本的文本须在版本时间线中更正，不能自动脱敏', ['uid']);
      const row = await loadGated(uid, documentId);
      await assertInScope(row, user);
      const draftAndPublish = gate().hasDraftAndPublish(uid);
      if (publish && draftAndPublish && !canPublish) forbidden('PUBLISH_NOT_ALLOWED', '您没有发布此类内容的权限，可先脱敏，再由审核人员发布');

      const content = await gate().contentOf(uid, row);
      const { lexicon } = await (strapi.plugin(PLUGIN_ID).service('lexicon') as LexiconService).current();
      const attachmentFindings = content.attachments.flatMap((a) => scanAttachment(a, { lexicon, allowDomains: [] })).filter((f) => PERSONAL_TYPES.includes(f.type));
      if (attachmentFindings.length) {
        refuse('ATTACHMENT_PERSONAL_DATA', '附件含有个人信息，不能自动脱敏发布：请替换为已去标识化的附件后再发布', ['attachments'], {
          findings: attachmentFindings.map((f) => ({ ...f, label: FINDING_LABELS[f.type] })),
        });
      }

      const data: Record<string, string> = {};
      const masked: Masked[] = [];
      for (const field of content.fields) {
        const out = maskText(field.field, field.value, { rich: field.rich });
        if (out.masked.length) {
          data[field.field] = out.text;
          masked.push(...out.masked);
        }
      }
      const documents = strapi.documents(uid as never) as any;
      if (Object.keys(data).length) await documents.update({ documentId, data });
      const record = await strapi.db.query(UID.maskRecord).create({
        data: {
          targetUid: uid,
          targetDocumentId: documentId,
          targetTitle: (data.title ?? row.title ?? '').slice(0, 500) || null,
          fields: Object.keys(data),
          masked,
          maskedCount: masked.length,
          published: false,
          maskedById: user?.id ?? null,
          maskedByName: actorName(user),
        },
      });
      const after = (await gate().scanStored(uid, documentId))!;
      await gate().record(after, 'mask', user, false);
      let published = false;
      if (publish && draftAndPublish) {
        await documents.publish({ documentId });
        published = true;
        await strapi.db.query(UID.maskRecord).update({ where: { id: record.id }, data: { published: true } });
      }
      return { masked, fields: Object.keys(data), published, maskRecordId: record.id, remaining: present(after).findings };
    },

    /** A supervisor lets one finding through, with a written reason; the override is kept as evidence. */
    async override(input: { uid: string; documentId: string; fingerprint: string; reason: string }, user: AdminUser) {
      const row = await loadGated(input.uid, input.documentId);
      const latest = await latestResult(input.uid, input.documentId);
      const finding = latest?.findings?.find((f) => f.fingerprint === input.fingerprint);
      if (!finding) notFound('FINDING_NOT_FOUND', '最近一次检查结果中没有这一条问题，请先重新检查');
      const existing = await strapi.db.query(UID.override).findOne({ where: { targetUid: input.uid, targetDocumentId: input.documentId, fingerprint: input.fingerprint } });
      if (existing) refuse('FINDING_ALREADY_OVERRIDDEN', '这一条问题已经放行', ['fingerprint']);
      const saved = await strapi.db.query(UID.override).create({
        data: {
          targetUid: input.uid,
          targetDocumentId: input.documentId,
          targetTitle: (row.title ?? '').slice(0, 500) || null,
          fingerprint: input.fingerprint,
          findingType: finding!.type,
          blockingCode: finding!.code,
          preview: finding!.preview.slice(0, 500),
          location: finding!.location,
          reason: input.reason.trim(),
          overriddenById: user?.id ?? null,
          overriddenByName: actorName(user),
        },
      });
      strapi.log.info(`[content-security] ${actorName(user)} overrode ${finding!.type} in ${input.uid} ${input.documentId}: ${input.reason.trim()}`);
      return saved;
    },

    /** Every override, newest first (for the supervisors' dashboard). */
    async overrides({ page = 1, pageSize = 20 }: { page?: number; pageSize?: number } = {}) {
      const [results, total] = await Promise.all([
        strapi.db.query(UID.override).findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(UID.override).count({}),
      ]);
      return { data: results, meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
    },

    /**
     * Rescans everything public (published versions; every record of types without drafts) with
     * the word lists in force. A document whose findings include some its previous scan did not
     * have is a hit for the supervisors.
     */
    async rescanPublished(actor: Actor = null) {
      const started = Date.now();
      let scanned = 0;
      const hits: Array<{ uid: string; documentId: string; title: string | null; newFindings: Finding[] }> = [];
      for (const uid of gate().gatedContentTypes()) {
        const where = gate().hasDraftAndPublish(uid) ? { publishedAt: { $notNull: true } } : uid === UID.regulationVersion ? { draft: false } : {};
        for (let offset = 0; ; offset += 100) {
          const rows = (await strapi.db.query(uid as never).findMany({ where, select: ['id', 'documentId'], orderBy: { id: 'asc' }, offset, limit: 100 } as never)) as Array<{ id: number; documentId: string }>;
          if (!rows.length) break;
          for (const { documentId } of rows) {
            const previous = (await strapi.db.query(UID.scanResult).findOne({ where: { targetUid: uid, targetDocumentId: documentId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] })) as { findings?: Finding[] } | null;
            const outcome = await gate().scanStored(uid, documentId, { published: gate().hasDraftAndPublish(uid) });
            if (!outcome) continue;
            scanned++;
            const known = new Set((previous?.findings ?? []).map((f) => f.fingerprint));
            const newFindings = outcome.blocking.filter((f) => !known.has(f.fingerprint));
            await gate().record(outcome, 'rescan', actor, false, { newFindingCount: newFindings.length, newFindings: newFindings.slice(0, 2000) });
            if (newFindings.length) hits.push({ uid, documentId, title: outcome.title, newFindings });
          }
        }
      }
      strapi.log.info(`[content-security] rescan: ${scanned} published documents, ${hits.length} newly matching, ${Date.now() - started} ms`);
      return { scanned, hits };
    },

    /** Published documents newly matching after a word-list change (the rescans' hits), newest first. */
    async rescanHits({ page = 1, pageSize = 20 }: { page?: number; pageSize?: number } = {}) {
      const where = { trigger: 'rescan', newFindingCount: { $gt: 0 } };
      const [results, total] = await Promise.all([
        strapi.db.query(UID.scanResult).findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        strapi.db.query(UID.scanResult).count({ where }),
      ]);
      return { data: results, meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
    },
  };
  return service;
};

const present = (outcome: ScanOutcome) => ({
  uid: outcome.uid,
  documentId: outcome.documentId,
  code: outcome.code,
  blocked: outcome.blocking.length > 0,
  findings: outcome.findings.map((f) => ({ ...f, label: FINDING_LABELS[f.type] })),
  attachmentNotes: outcome.attachmentNotes,
});

export type ReviewService = ReturnType<typeof review>;
export default review;
