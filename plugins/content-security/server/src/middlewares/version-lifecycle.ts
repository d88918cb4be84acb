import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import type { GateService } from '../services/gate';
import { currentAdmin } from './gate';

/**
 * Regulation versions are written by the regulation-versions timeline with the query engine, not
 * the Document Service, so a document middleware never sees them. This database lifecycle is the
 * same gate for them: a version being released (draft → false) is scanned and refused with the
 * same 400; draft versions are scanned and reported.
 */
export const subscribeVersionGate = (strapi: Core.Strapi) => {
  if (!strapi.contentType(UID.regulationVersion as never)) return;
  const gate = () => strapi.plugin(PLUGIN_ID).service('gate') as GateService;

  const check = async (event: { action: string; params: { data?: Record<string, any>; where?: Record<string, any> } }) => {
    if (!gate().isGated(UID.regulationVersion)) return;
    const data = event.params.data ?? {};
    let stored: Record<string, any> | null = null;
    if (event.action === 'beforeUpdate') {
      stored = await strapi.db.query(UID.regulationVersion).findOne({ where: event.params.where ?? {} });
      if (!stored) return;
    }
    const merged = { ...(stored ?? {}), ...data };
    const released = merged.draft === false;
    // Only text changes and releases need a scan (the timeline also writes bookkeeping fields).
    if (!released && data.text === undefined && data.title === undefined) return;
    const documentId = merged.documentId ?? 'new';
    const content = { fields: gate().textFieldsOf(UID.regulationVersion).flatMap(({ field, rich }) => (typeof merged[field] === 'string' && merged[field] ? [{ field, value: merged[field], rich }] : [])), attachments: [] };
    const outcome = await gate().scanContent(UID.regulationVersion, documentId, content, merged);
    const actor = currentAdmin(strapi);
    if (released && outcome.blocking.length) {
      if (strapi.db.inTransaction()) {
        await strapi.db.transaction(async ({ onRollback }) => onRollback(() => void gate().record(outcome, 'publish', actor, true).catch(() => undefined)));
      }
      gate().refuse(outcome);
    }
    await gate().record(outcome, released ? 'publish' : event.action === 'beforeCreate' ? 'create' : 'update', actor, false);
  };

  strapi.db.lifecycles.subscribe({ models: [UID.regulationVersion], beforeCreate: check, beforeUpdate: check } as never);
};
