/** UIDs and names the catalogue plugin relies on. The content types themselves live in the app (src/api). */
export const PLUGIN_ID = 'catalogue';

export const UID = {
  region: 'api::region.region',
  organization: 'api::organization.organization',
  site: 'api::site.site',
  column: 'api::column.column',
  category: 'api::disclosure-category.disclosure-category',
  item: 'api::disclosure-item.disclosure-item',
} as const;

/** Content types whose public reads are forced to published, proactive content. */
export const PUBLIC_CONTENT_UIDS: readonly string[] = Object.values(UID);

/** Per organisation and year counter behind gapless index numbers. Not a Strapi model: a plain table. */
export const INDEX_COUNTER_TABLE = 'catalogue_index_counters';

export const SUPER_ADMIN_ROLE_CODE = 'strapi-super-admin';

/** RBAC condition that limits a department user to the organisations they are an editor of. */
export const OWN_ORGANIZATION_CONDITION = 'own-organization';
export const OWN_ORGANIZATION_CONDITION_ID = `plugin::${PLUGIN_ID}.${OWN_ORGANIZATION_CONDITION}`;

/** Category code whose items the plans aggregation (key-point task 1.1) returns. */
export const PLANS_CATEGORY_CODE = 'plans';
