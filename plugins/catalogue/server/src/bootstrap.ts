import type { Core } from '@strapi/strapi';
import { OWN_ORGANIZATION_CONDITION, PLUGIN_ID } from './constants';
import type { IndexNumbersService } from './services/index-numbers';
import type { OrganizationScopeService } from './services/organization-scope';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await (strapi.plugin(PLUGIN_ID).service('index-numbers') as IndexNumbersService).ensureCounterTable();

  const scope = strapi.plugin(PLUGIN_ID).service('organization-scope') as OrganizationScopeService;
  await strapi.service('admin::permission').conditionProvider.register({
    displayName: '仅限本机关（部门）',
    name: OWN_ORGANIZATION_CONDITION,
    plugin: PLUGIN_ID,
    handler: (user: { id: number }) => scope.permissionQuery(user.id),
  });
};

export default bootstrap;
