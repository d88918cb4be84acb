import type { Core } from '@strapi/strapi';
import { OWN_ORGANIZATION_CONDITION, PLUGIN_ID, UID } from './constants';
import type { IndexNumbersService } from './services/index-numbers';
import type { OrganizationScopeService } from './services/organization-scope';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.plugin(PLUGIN_ID).service('index-numbers') as IndexNumbersService).ensureCounterTable();

  // Strapi creates no index for `unique` attributes, yet checks uniqueness with a query on every
  // write: without this, each create and publish scans the whole table (≈180 ms at 100,000 items).
  // The second serves the public list's default order (newest first) from the published rows.
  const items = strapi.db.metadata.get(UID.item).tableName;
  await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??)', [`${items}_index_number_idx`, items, 'index_number']);
  await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (?? DESC, ??) WHERE ?? IS NOT NULL', [`${items}_public_order_idx`, items, 'first_published_at', 'id', 'published_at']);

  const scope = strapi.plugin(PLUGIN_ID).service('organization-scope') as OrganizationScopeService;
  await strapi.service('admin::permission').conditionProvider.register({
    displayName: '仅限本机关（部门）',
    name: OWN_ORGANIZATION_CONDITION,
    plugin: PLUGIN_ID,
    handler: (user: { id: number }) => scope.permissionQuery(user.id),
  });
};

export default bootstrap;
