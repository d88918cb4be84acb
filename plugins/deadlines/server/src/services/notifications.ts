import type { Core } from '@strapi/strapi';
import { NOTIFICATION_TABLE, PLUGIN_ID, UID } from '../constants';
import { APPLICATION_STATE_LABELS } from '../core/application-events';
import { shanghaiToday, toIsoDay } from '../utils/dates';
import type { CalendarService } from './calendar';
import type { ApplicationsService } from './applications';
import type { ProactiveDisclosureService } from './proactive-disclosure';

type Reminder = { key: string; kind: 'due_soon' | 'overdue'; application: { id: number; documentId: string; trackingCode: string; state: string; dueDate: string | null; organizationDocumentId: string } };

/**
 * The scheduled scan: recompute running clocks (they move as days pass), then e-mail the handlers
 * of each application that became due soon or overdue. A reminder is claimed by inserting its key
 * into a table whose primary key is that key, so when several instances scan at once each reminder
 * is sent by exactly one of them.
 */
const notifications = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The claim table, and the index the flag updates and the reminder query use. */
  async ensureTables() {
    const knex = strapi.db.connection;
    const applications = strapi.db.metadata.get(UID.application).tableName;
    await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', ['deadlines_applications_state_due_date_idx', applications, 'state', 'due_date']);
    if (await knex.schema.hasTable(NOTIFICATION_TABLE)) return;
    await knex.schema.createTable(NOTIFICATION_TABLE, (table) => {
      table.string('notification_key', 200).primary();
      table.string('application_document_id', 64).notNullable();
      table.string('kind', 20).notNullable();
      table.text('recipients');
      table.timestamp('sent_at');
    });
  },

  /** True for the one caller that inserted the key. */
  async claim(reminder: Reminder): Promise<boolean> {
    const rows = await strapi.db
      .connection(NOTIFICATION_TABLE)
      .insert({ notification_key: reminder.key, application_document_id: reminder.application.documentId, kind: reminder.kind })
      .onConflict('notification_key')
      .ignore()
      .returning('notification_key');
    return rows.length === 1;
  },

  async recipientsOf(organizationDocumentId: string): Promise<string[]> {
    const organization = (await strapi.db.query(UID.organization).findOne({
      where: { documentId: organizationDocumentId },
      populate: { editors: { select: ['email', 'isActive'] } },
    })) as { editors?: Array<{ email: string; isActive: boolean }> } | null;
    return (organization?.editors ?? []).filter((e) => e.isActive && e.email).map((e) => e.email);
  },

  async send(reminder: Reminder, recipients: string[]) {
    const { application } = reminder;
    const what = reminder.kind === 'overdue' ? '已超过答复期限' : '即将到达答复期限';
    const from = strapi.config.get(`plugin::${PLUGIN_ID}.notificationFrom`) as string | null;
    await strapi.plugin('email').service('email').send({
      ...(from ? { from } : {}),
      to: recipients.join(','),
      subject: `【依申请公开】申请 ${application.trackingCode} ${what}`,
      text: [
        `申请 ${application.trackingCode} ${what}。`,
        `答复期限：${application.dueDate ?? '—'}`,
        `当前状态：${APPLICATION_STATE_LABELS[application.state as keyof typeof APPLICATION_STATE_LABELS] ?? application.state}`,
        '请登录政务公开管理平台及时办理。',
      ].join('\n'),
    });
  },

  /**
   * Time-dependent flags of running applications, set-based so it stays fast at 100,000 open
   * applications (an index on state and due date serves every statement): overdue past the due
   * date, due soon within the configured working days, and the working days late, which is the
   * same for every application sharing a due date.
   */
  async refreshFlags(today = shanghaiToday()) {
    const calendarService = strapi.plugin(PLUGIN_ID).service('calendar') as CalendarService;
    const calendar = await calendarService.current();
    const soonUntil = calendar.addWorkingDays(today, calendarService.rules().dueSoon.workingDays);
    const table = strapi.db.metadata.get(UID.application).tableName;
    // One statement that rewrites only the rows whose flags change (both dialects read a comparison as a boolean).
    await strapi.db.connection.raw(
      `UPDATE ?? SET overdue = (due_date < ?), due_soon = (due_date >= ? AND due_date <= ?),
         days_late = CASE WHEN due_date >= ? THEN 0 ELSE days_late END
       WHERE state = 'open' AND due_date IS NOT NULL
         AND (overdue <> (due_date < ?) OR due_soon <> (due_date >= ? AND due_date <= ?) OR (due_date >= ? AND days_late <> 0))`,
      [table, today, today, soonUntil, today, today, today, soonUntil, today]
    );
    const overdueDates = (await strapi.db.connection(table).distinct('due_date').where({ state: 'open', overdue: true })) as Array<{ due_date: unknown }>;
    const lateness = overdueDates
      .map(({ due_date: dueDate }) => toIsoDay(dueDate))
      .filter((day): day is string => !!day)
      .map((day) => [day, Math.max(1, calendar.workingDaysBetween(day, today))] as const);
    if (lateness.length) {
      const cases = lateness.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ');
      const values = lateness.flatMap(([day, late]) => [day, late]);
      await strapi.db.connection.raw(
        `UPDATE ?? SET days_late = CASE due_date ${cases} END WHERE state = 'open' AND overdue = ? AND days_late <> CASE due_date ${cases} END`,
        [table, ...values, true, ...values]
      );
    }
    return { overdueDueDates: overdueDates.length };
  },

  async scan() {
    const applications = strapi.plugin(PLUGIN_ID).service('applications') as ApplicationsService;
    // Paused clocks can resume by themselves (a consultation's 15 days run out): recompute those one by one.
    const { recomputed } = await applications.recomputeOpen({ states: ['in_consultation', 'awaiting_fee'] });
    await this.refreshFlags();
    const items = await (strapi.plugin(PLUGIN_ID).service('proactive-disclosure') as ProactiveDisclosureService).refreshUnpublished();

    const rows = (await strapi.db.query(UID.application).findMany({
      where: { $or: [{ dueSoon: true }, { overdue: true }], state: 'open' },
      select: ['id', 'documentId', 'trackingCode', 'state', 'dueDate', 'overdue', 'organizationDocumentId'],
    })) as Array<Reminder['application'] & { overdue: boolean; dueDate: unknown }>;

    let sent = 0;
    let failed = 0;
    for (const row of rows) {
      const kind = row.overdue ? 'overdue' : 'due_soon';
      const dueDate = toIsoDay(row.dueDate);
      const reminder: Reminder = { key: `${row.documentId}:${kind}:${dueDate}`, kind, application: { ...row, dueDate } };
      const recipients = await this.recipientsOf(row.organizationDocumentId);
      if (recipients.length === 0 || !(await this.claim(reminder))) continue;
      try {
        await this.send(reminder, recipients);
        await strapi.db.connection(NOTIFICATION_TABLE).where({ notification_key: reminder.key }).update({ recipients: recipients.join(','), sent_at: new Date() });
        sent++;
      } catch (error) {
        // Give the claim back so the next scan retries.
        await strapi.db.connection(NOTIFICATION_TABLE).where({ notification_key: reminder.key }).delete();
        strapi.log.error(`[deadlines] reminder ${reminder.key} not sent: ${(error as Error).message}`);
        failed++;
      }
    }
    return { recomputed, items, candidates: rows.length, sent, failed };
  },

  async sentFor(applicationDocumentId: string) {
    return strapi.db.connection(NOTIFICATION_TABLE).where({ application_document_id: applicationDocumentId }).select('notification_key', 'kind', 'recipients', 'sent_at');
  },
});

export type NotificationsService = ReturnType<typeof notifications>;
export default notifications;
