import type { Core } from '@strapi/strapi';
import { OWN_ORGANIZATION_CONDITION, PLUGIN_ID, UID } from './constants';
import type { IndexNumbersService } from './services/index-numbers';
import type { OrganizationScopeService } from './services/organization-scope';
import type { ReferenceDataService } from './services/reference-data';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.plugin(PLUGIN_ID).service('index-numbers') as IndexNumbersService).ensureCounterTable();

  // Strapi creates no index for `unique` attributes, yet checks uniqueness with a query on every
  // write: without this, each create and publish scans the whole table (≈180 ms at 100,000 items).
  // The second serves the public list's default order (newest first) from the published rows.
  const items = strapi.db.metadata.get(UID.item).tableName;
  await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??)', [`${items}_index_number_idx`, items, 'index_number']);
  await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (?? DESC, ??) WHERE ?? IS NOT NULL', [`${items}_public_order_idx`, items, 'first_published_at', 'id', 'published_at']);
  // The public list's filters on the item's own columns (core/public-filters), each in list order
  // and covering the count Strapi runs for the pagination total.
  for (const column of ['category_code', 'organization_document_id', 'topic']) {
    await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ?? DESC, ??) WHERE ?? IS NOT NULL', [
      `${items}_public_${column}_idx`,
      items,
      column,
      'disclosure_attribute',
      'first_published_at',
      'id',
      'published_at',
    ]);
  }
  await backfillCategoryCodes(strapi);

  // An organisation or category written on this instance is read again by the next lookup: at once,
  // and once more when the write commits (a lookup in between may have cached the committed row).
  const references = strapi.plugin(PLUGIN_ID).service('reference-data') as ReferenceDataService;
  const forget = (event: { model: { uid: string } }) => {
    references.invalidate(event.model.uid);
    if (strapi.db.inTransaction()) void strapi.db.transaction(async ({ onCommit }) => onCommit(() => references.invalidate(event.model.uid)));
  };
  strapi.db.lifecycles.subscribe({
    models: references.uids,
    afterCreate: forget,
    afterCreateMany: forget,
    afterUpdate: forget,
    afterUpdateMany: forget,
    afterDelete: forget,
    afterDeleteMany: forget,
  } as never);

  const scope = strapi.plugin(PLUGIN_ID).service('organization-scope') as OrganizationScopeService;
  await strapi.service('admin::permission').conditionProvider.register({
    displayName: '仅限本机关（部门）',
    name: OWN_ORGANIZATION_CONDITION,
    plugin: PLUGIN_ID,
    handler: (user: { id: number }) => scope.permissionQuery(user.id),
  });
};

/**
 * Items stored before `categoryCode` existed get it from their category, once per database (a
 * flag in Strapi's store): later writes keep it themselves.
 */
const backfillCategoryCodes = async (strapi: Core.Strapi) => {
  const flag = strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'category-code-backfilled' });
  if (await flag.get({})) return;
  const item = strapi.db.metadata.get(UID.item);
  const link = (item.attributes.category as unknown as { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }).joinTable;
  const categories = strapi.db.metadata.get(UID.category).tableName;
  await strapi.db.connection.raw(
    'UPDATE ?? SET ?? = (SELECT c.?? FROM ?? l JOIN ?? c ON c.?? = l.?? WHERE l.?? = ??.??) WHERE ?? IS NULL',
    [item.tableName, 'category_code', 'code', link.name, categories, 'id', link.inverseJoinColumn.name, link.joinColumn.name, item.tableName, 'id', 'category_code']
  );
  await flag.set({ value: true });
};

export default bootstrap;
