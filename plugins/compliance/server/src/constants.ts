/** UIDs and names the compliance plugin relies on. */
export const PLUGIN_ID = 'compliance';

export const UID = {
  annualReport: 'plugin::compliance.annual-report',
  reviewCase: 'plugin::compliance.review-case',
  region: 'api::region.region',
  organization: 'api::organization.organization',
  item: 'api::disclosure-item.disclosure-item',
  category: 'api::disclosure-category.disclosure-category',
  site: 'api::site.site',
  column: 'api::column.column',
} as const;

/** Admin actions this plugin registers (Settings → Roles → Plugins → compliance). */
export const ACTIONS = {
  readDashboard: `plugin::${PLUGIN_ID}.dashboard.read`,
  readReport: `plugin::${PLUGIN_ID}.report.read`,
  draftReport: `plugin::${PLUGIN_ID}.report.draft`,
  approveReport: `plugin::${PLUGIN_ID}.report.approve`,
  publishReport: `plugin::${PLUGIN_ID}.report.publish`,
} as const;

/** Claims of annual-report reminders: one row per organisation, year and deadline. */
export const REMINDER_TABLE = 'compliance_sent_reminders';

/** Catalogue categories counted in table 2 (licensing, penalty and other enforcement decisions). */
export const DECISION_CATEGORIES = {
  licensingDecisions: 'licensing-decisions',
  penaltyDecisions: 'penalty-decisions',
  enforcementDecisions: 'other-enforcement-decisions',
} as const;
