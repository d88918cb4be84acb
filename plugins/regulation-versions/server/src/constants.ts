/** UIDs and names the regulation-versions plugin relies on. */
export const PLUGIN_ID = 'regulation-versions';

export const UID = {
  regulation: 'plugin::regulation-versions.regulation',
  version: 'plugin::regulation-versions.regulation-version',
  event: 'plugin::regulation-versions.regulation-event',
  organization: 'api::organization.organization',
  region: 'api::region.region',
} as const;

export const ACTIONS = {
  read: `plugin::${PLUGIN_ID}.versions.read`,
  manage: `plugin::${PLUGIN_ID}.versions.manage`,
} as const;

/** Statuses that count as in force in the currently-valid register (部分失效 still applies in part). */
export const IN_FORCE_STATUSES = ['valid', 'partially_invalid'];
