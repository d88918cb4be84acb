import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import type { RegulationsService } from '../services/regulations';
import { refuseInput } from '../utils/refusals';

const WRITES = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);
/** Fields the plugin derives; whatever a form sends for them is dropped. */
const DERIVED = ['reviewRemindedFor', 'regionPath', 'validity', 'validityOn', 'currentVersionNumber', 'firstEffectiveOn', 'expiresOn', 'repealedOn', 'nextStatusChangeOn', 'reviewReminderOn', 'organizationDocumentId'];

type Context = { uid: string; action: string; params: Record<string, any> };

/**
 * Versions and the history are written through the version timeline only (published versions never
 * change: a correction is a new version). The regulation record itself is edited in the content
 * manager, within the editor's organisations, with its derived fields recomputed after each write.
 */
export const regulationRecords = (strapi: Core.Strapi) => async (context: Context, next: () => Promise<unknown>) => {
  if ((context.uid === UID.version || context.uid === UID.event) && WRITES.has(context.action)) {
    return refuseInput([{ path: [], code: 'VERSION_WRITE_THROUGH_TIMELINE', message: '版本及变动记录只能在“版本时间线”中新增；已发布的版本不能修改，更正须作为新版本发布' }]);
  }
  if (context.uid !== UID.regulation || !WRITES.has(context.action)) return next();
  if (context.action === 'delete') {
    const versions = await strapi.db.query(UID.version).count({ where: { regulation: { documentId: context.params.documentId }, draft: false } });
    if (versions > 0) return refuseInput([{ path: [], code: 'REGULATION_HAS_PUBLISHED_VERSIONS', message: '已有发布版本的规章和规范性文件不能删除，应通过“废止”记录其失效' }]);
    return next();
  }

  const data: Record<string, any> = (context.params.data = { ...(context.params.data ?? {}) });
  for (const field of DERIVED) delete data[field];
  const service = strapi.plugin(PLUGIN_ID).service('regulations') as RegulationsService;
  const admin = (strapi.requestContext.get() as { state?: { auth?: { strategy?: { name?: string } }; user?: { id: number } } } | undefined)?.state;
  const adminUser = admin?.auth?.strategy?.name === 'admin' ? admin.user ?? null : null;

  // The organisation is checked on the stored result, inside the write's transaction, whatever shape the relation input had.
  return strapi.db.transaction(async () => {
    if (context.params.documentId) {
      const stored = await strapi.db.query(UID.regulation).findOne({ where: { documentId: context.params.documentId } });
      if (stored) await service.assertInScope(stored, adminUser);
    }
    const result = (await next()) as { documentId?: string } | null;
    if (!result?.documentId) return result;
    const row = await strapi.db.query(UID.regulation).findOne({
      where: { documentId: result.documentId },
      populate: { organization: { populate: { region: { select: ['id'] } } }, region: { select: ['id'] } },
    });
    if (!row?.organization) return refuseInput([{ path: ['organization'], code: 'ORGANIZATION_REQUIRED', message: '必须选择制定机关' }]);
    await service.assertInScope({ ...row, organizationDocumentId: row.organization.documentId }, adminUser);
    await strapi.db.query(UID.regulation).update({
      where: { id: row.id },
      data: { organizationDocumentId: row.organization.documentId, ...(row.region ? {} : { region: row.organization.region?.id ?? null }) },
    });
    Object.assign(result, await service.refresh(result.documentId));
    return result;
  });
};