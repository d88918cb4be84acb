import type { Core } from '@strapi/strapi';
import { FIELD_LABELS, HIDDEN_FIELDS, MAIN_FIELDS, READ_ONLY_FIELDS } from './field-labels';

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Configuration = { settings?: Record<string, unknown>; metadatas?: Record<string, Metadata>; layouts?: { edit?: Array<Array<{ name: string }>>; list?: string[] } };

/** Applies the Chinese labels, read-only and hidden fields, and main fields to the content manager's layouts. */
export const applyAdminLabels = async (strapi: Core.Strapi) => {
  const contentManager = strapi.plugin('content-manager');
  for (const [uid, labels] of Object.entries(FIELD_LABELS)) {
    const isComponent = !uid.includes('::');
    const model = isComponent ? strapi.components[uid as never] : strapi.contentType(uid as never);
    if (!model) continue;
    const service = contentManager.service(isComponent ? 'components' : 'content-types');
    const configuration = (await service.findConfiguration(model)) as Configuration;
    const metadatas = { ...(configuration.metadatas ?? {}) };
    let changed = false;

    for (const [field, label] of Object.entries(labels)) {
      const meta = metadatas[field];
      if (!meta) continue;
      for (const view of ['edit', 'list'] as const) {
        if (meta[view] && (meta[view]!.label === field || meta[view]!.label === undefined)) {
          meta[view] = { ...meta[view], label };
          changed = true;
        }
      }
    }
    for (const field of READ_ONLY_FIELDS[uid] ?? []) {
      if (metadatas[field]?.edit && metadatas[field].edit!.editable !== false) {
        metadatas[field].edit = { ...metadatas[field].edit, editable: false };
        changed = true;
      }
    }
    for (const field of HIDDEN_FIELDS[uid] ?? []) {
      if (metadatas[field]?.edit && metadatas[field].edit!.visible !== false) {
        metadatas[field].edit = { ...metadatas[field].edit, visible: false };
        changed = true;
      }
    }
    const layouts = configuration.layouts ? { ...configuration.layouts } : undefined;
    const hidden = HIDDEN_FIELDS[uid] ?? [];
    if (layouts?.edit && hidden.length) {
      const edit = layouts.edit.map((row) => row.filter((cell) => !hidden.includes(cell.name))).filter((row) => row.length > 0);
      if (JSON.stringify(edit) !== JSON.stringify(layouts.edit)) {
        layouts.edit = edit;
        changed = true;
      }
    }
    // The main field is set together with the first labelling, so an administrator's later choice stands.
    const settings = { ...(configuration.settings ?? {}) };
    if (changed && MAIN_FIELDS[uid]) settings.mainField = MAIN_FIELDS[uid];
    if (changed) await service.updateConfiguration(model, { ...configuration, settings, metadatas, ...(layouts ? { layouts } : {}) });
  }
};
