import type { Core } from '@strapi/strapi';
import { FIELD_LABELS, HIDDEN_FIELDS, MAIN_FIELDS, READ_ONLY_FIELDS } from './field-labels';

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Configuration = { settings?: Record<string, unknown>; metadatas?: Record<string, Metadata>; layouts?: { edit?: Array<Array<{ name: string }>>; list?: string[] } };

/** Strapi's default main field of a content type: its first string attribute. */
const firstStringField = (strapi: Core.Strapi, uid: string) =>
  Object.entries(strapi.contentType(uid as never)?.attributes ?? {}).find(([, attribute]) => (attribute as { type: string }).type === 'string')?.[0] ?? 'id';

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
    // Relation pickers show the target's main field (a category's name, not its code), unless an administrator chose otherwise.
    for (const [field, attribute] of Object.entries((model as { attributes: Record<string, { type: string; target?: string }> }).attributes)) {
      const targetMainField = attribute.type === 'relation' && attribute.target ? MAIN_FIELDS[attribute.target] : undefined;
      const edit = metadatas[field]?.edit;
      if (!targetMainField || !edit || edit.mainField === targetMainField) continue;
      if (edit.mainField !== firstStringField(strapi, attribute.target!)) continue;
      metadatas[field].edit = { ...edit, mainField: targetMainField };
      changed = true;
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
    // Only Strapi's default main field is replaced, so an administrator's own choice stands.
    const settings = { ...(configuration.settings ?? {}) };
    if (!isComponent && MAIN_FIELDS[uid] && settings.mainField !== MAIN_FIELDS[uid] && settings.mainField === firstStringField(strapi, uid)) {
      settings.mainField = MAIN_FIELDS[uid];
      changed = true;
    }
    if (changed) await service.updateConfiguration(model, { ...configuration, settings, metadatas, ...(layouts ? { layouts } : {}) });
  }
};
