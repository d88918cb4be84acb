/** UIDs and names the policy-linkage plugin relies on. */
export const PLUGIN_ID = 'policy-linkage';

export const UID = {
  interpretation: 'plugin::policy-linkage.interpretation',
  review: 'plugin::policy-linkage.policy-review',
  event: 'plugin::policy-linkage.review-event',
  item: 'api::disclosure-item.disclosure-item',
  category: 'api::disclosure-category.disclosure-category',
  organization: 'api::organization.organization',
  region: 'api::region.region',
} as const;

export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.review.read`,
  submit: `plugin::${PLUGIN_ID}.review.submit`,
  approve: `plugin::${PLUGIN_ID}.review.approve`,
  waive: `plugin::${PLUGIN_ID}.review.waive`,
  metrics: `plugin::${PLUGIN_ID}.metrics.read`,
} as const;

export const SUPER_ADMIN_ROLE_CODE = 'strapi-super-admin';
