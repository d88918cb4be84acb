/** UIDs and names the deadlines plugin relies on. */
export const PLUGIN_ID = 'deadlines';

export const UID = {
  application: 'plugin::deadlines.application',
  applicationEvent: 'plugin::deadlines.application-event',
  calendarDay: 'plugin::deadlines.calendar-day',
  organization: 'api::organization.organization',
  item: 'api::disclosure-item.disclosure-item',
  category: 'api::disclosure-category.disclosure-category',
} as const;

/** Claims of reminders sent: the primary key makes each reminder go out once across instances. */
export const NOTIFICATION_TABLE = 'deadlines_sent_notifications';

/** Admin actions this plugin registers (Settings → Roles). */
export const ACTIONS = {
  readApplications: `plugin::${PLUGIN_ID}.applications.read`,
  handleApplications: `plugin::${PLUGIN_ID}.applications.handle`,
  readReport: `plugin::${PLUGIN_ID}.report.read`,
} as const;
