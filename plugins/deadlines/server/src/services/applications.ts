import type { Core } from '@strapi/strapi';
import Joi from 'joi';
import { ACTIONS, PLUGIN_ID, UID } from '../constants';
import { applicationClock, checkNextEvent, type ApplicationClock } from '../core/application-clock';
import { APPLICATION_EVENT_LABELS, APPLICATION_STATE_LABELS, isApplicationEventType, type ApplicationEvent } from '../core/application-events';
import { parseApplicationForm, type ApplicationForm } from '../core/application-intake';
import { maskIdNumber } from '../core/identity-documents';
import { receiptDate, RECEIPT_CHANNELS, type ReceiptChannel } from '../core/receipt-date';
import { hashAccessSecret, newAccessSecret, newTrackingCode, verifyAccessSecret } from '../utils/access-secret';
import { shanghaiToday, toIsoDay } from '../utils/dates';
import { notFound, refuse, refuseForbidden, refuseInput, refuseWith } from '../utils/refusals';
import type { CalendarService } from './calendar';

type AdminUser = { id: number; firstname?: string; lastname?: string; email?: string } | null;
type ApplicationRow = { id: number; documentId: string; organizationDocumentId: string; dueDate: unknown; state: string; [key: string]: unknown };
type EventRow = { type: string; date: unknown; details: Record<string, unknown> | null; sequence: number; recordedByName?: string };

/** Events that annotate the timeline without moving the clock (the calendar changed under it). */
const ANNOTATIONS = new Set(['calendar_changed']);
const CLOSED_STATES = ['closed', 'abandoned'];

const eventInputSchema = Joi.object({
  type: Joi.string().required(),
  date: Joi.string().pattern(/^\d{4}-\d{2}-\d{2}$/).required(),
}).unknown(true);

/**
 * Disclosure applications (依申请公开): intake, staff registration, the append-only event
 * timeline and the clock derived from it. Writes go through here (plain queries inside a
 * transaction), never through the content manager, so the record stays evidence.
 */
const applications = ({ strapi }: { strapi: Core.Strapi }) => {
  const calendarService = () => strapi.plugin(PLUGIN_ID).service('calendar') as CalendarService;
  const scopeService = () => strapi.plugin('catalogue').service('organization-scope') as { organizationsOf(id: number): Promise<string[]> };

  const toCoreEvent = (row: EventRow): ApplicationEvent => ({ ...(row.details ?? {}), type: row.type, date: toIsoDay(row.date) } as ApplicationEvent);

  const loadEvents = async (applicationId: number): Promise<EventRow[]> =>
    strapi.db.query(UID.applicationEvent).findMany({ where: { application: { id: applicationId } }, orderBy: { sequence: 'asc' } });

  const clockOf = async (events: EventRow[], today = shanghaiToday()): Promise<ApplicationClock> => {
    const calendar = await calendarService().current();
    return applicationClock(events.filter((e) => !ANNOTATIONS.has(e.type)).map(toCoreEvent), calendar, calendarService().rules(), today);
  };

  /**
   * The organisations an admin may handle applications for; null means all. Super admins act on
   * all; whoever may read the cross-organisation figures (report.read, the supervisors) reads all.
   */
  const allowedOrganizations = async (admin: AdminUser, { forWriting }: { forWriting: boolean }): Promise<string[] | null> => {
    if (!admin) return null;
    const user = (await strapi.db.query('admin::user').findOne({ where: { id: admin.id }, populate: { roles: true } })) as { roles: { code: string }[] } | null;
    if ((user?.roles ?? []).some((r) => r.code === 'strapi-super-admin')) return null;
    if (!forWriting) {
      const permissions = (await strapi.service('admin::permission').findUserPermissions(user)) as Array<{ action: string }>;
      if (permissions.some((p) => p.action === ACTIONS.readReport)) return null;
    }
    return scopeService().organizationsOf(admin.id);
  };

  const loadForAdmin = async (documentId: string, admin: AdminUser, forWriting: boolean): Promise<ApplicationRow> => {
    const row = (await strapi.db.query(UID.application).findOne({ where: { documentId } })) as ApplicationRow | null;
    if (!row) return notFound();
    const allowed = await allowedOrganizations(admin, { forWriting });
    if (allowed && !allowed.includes(row.organizationDocumentId)) refuseForbidden('ORGANIZATION_OUT_OF_SCOPE', '您只能办理本机关（部门）的申请');
    return row;
  };

  const adminName = (admin: AdminUser) => (admin ? [admin.lastname, admin.firstname].filter(Boolean).join('') || admin.email || `#${admin.id}` : '系统');

  return {
    /** Stores the fields derived from the clock, so lists, filters and the overdue scan are plain queries. */
    async storeClock(row: ApplicationRow, clock: ApplicationClock) {
      const derived = {
        state: clock.state,
        dueDate: clock.dueDate,
        dueSoon: clock.dueSoon,
        overdue: clock.overdue,
        daysLate: clock.daysLate,
        remainingWorkingDays: clock.remainingWorkingDays,
        resultCode: clock.resultCode,
        resultOn: clock.resultOn,
        lateSupplementRequest: clock.lateSupplementRequest,
        extensionUsed: clock.extensionUsed,
      };
      await strapi.db.query(UID.application).update({ where: { id: row.id }, data: derived });
      return derived;
    },

    async create(form: ApplicationForm, channel: ReceiptChannel, receivedOn: string, submittedOn: string, admin: AdminUser) {
      const organization = await strapi.db.query(UID.organization).findOne({ where: { code: form.organization }, select: ['id', 'documentId', 'name'] });
      if (!organization) return refuse('APPLICATION_ORGANIZATION_UNKNOWN', 'organization', form.organization);
      const allowed = await allowedOrganizations(admin, { forWriting: true });
      if (allowed && !allowed.includes(organization.documentId)) refuseForbidden('ORGANIZATION_OUT_OF_SCOPE', '您只能登记本机关（部门）的申请');

      const secret = newAccessSecret();
      return strapi.db.transaction(async () => {
        const application = (await strapi.db.query(UID.application).create({
          data: {
            trackingCode: newTrackingCode(receivedOn),
            accessSecretHash: hashAccessSecret(secret),
            channel,
            applicantType: form.applicantType,
            applicantName: form.applicantName,
            idDocumentType: form.idDocumentType,
            idNumber: form.idNumber,
            contactPhone: form.contact.phone ?? null,
            contactEmail: form.contact.email ?? null,
            contactAddress: form.contact.address ?? null,
            requestDescription: form.requestDescription,
            purpose: form.purpose || null,
            deliveryMethod: form.deliveryMethod,
            format: form.format,
            organization: organization.id,
            organizationDocumentId: organization.documentId,
            submittedOn,
            receivedOn,
          },
        })) as ApplicationRow;
        const registered: EventRow = { type: 'registered', date: receivedOn, details: { channel }, sequence: 1 };
        await strapi.db.query(UID.applicationEvent).create({
          data: { ...registered, application: application.id, recordedById: admin?.id ?? null, recordedByName: adminName(admin) },
        });
        const derived = await this.storeClock(application, await clockOf([registered]));
        return { documentId: application.documentId, trackingCode: application.trackingCode as string, secret, receivedOn, dueDate: derived.dueDate, state: derived.state };
      });
    },

    /** Online channel (Art. 31: the day both sides confirm): submitting the form is the confirmation. */
    async submitOnline(body: unknown) {
      const today = shanghaiToday();
      const parsed = parseApplicationForm(body, today);
      if (parsed.ok === false) return refuseInput(parsed.errors);
      return this.create(parsed.value, 'online', today, today, null);
    },

    /** Staff registration of the other channels, with the receipt date Art. 31 gives each. */
    async register(body: Record<string, any>, admin: AdminUser) {
      const today = shanghaiToday();
      const { channel, submittedOn, signedForOn, confirmedOn, ...formInput } = body ?? {};
      const problems: { path: string[]; code: string; message: string }[] = [];
      if (!Object.prototype.hasOwnProperty.call(RECEIPT_CHANNELS, channel ?? '')) problems.push({ path: ['channel'], code: 'APPLICATION_CHANNEL_INVALID', message: '申请方式不正确' });
      const parsed = parseApplicationForm(formInput, today);
      if (parsed.ok === false) problems.push(...parsed.errors);
      if (problems.length) return refuseInput(problems);
      const receipt = receiptDate(channel, { submittedOn, signedForOn, confirmedOn });
      if (receipt.ok === false) return refuseWith(receipt.error);
      if (receipt.date > today) return refuse('EVENT_IN_FUTURE', 'receivedOn', receipt.date);
      return this.create((parsed as { value: ApplicationForm }).value, channel, receipt.date, submittedOn, admin);
    },

    /** Appends one event after the core has checked it fits the timeline, and stores the new clock. */
    async recordEvent(documentId: string, input: Record<string, unknown>, admin: AdminUser) {
      const { error } = eventInputSchema.validate(input);
      if (error) return refuseInput(error.details.map((d) => ({ path: d.path.map(String), code: 'EVENT_INPUT_INVALID', message: d.message })));
      if (!isApplicationEventType(input.type) || input.type === 'registered') return refuse('EVENT_TYPE_UNKNOWN', 'type', input.type);
      if ((input.date as string) > shanghaiToday()) return refuse('EVENT_IN_FUTURE', 'date', input.date);

      const row = await loadForAdmin(documentId, admin, true);
      return strapi.db.transaction(async () => {
        const events = await loadEvents(row.id);
        const { type, date, ...details } = input;
        const next = { ...details, type, date } as ApplicationEvent;
        const calendar = await calendarService().current();
        const refusal = checkNextEvent(events.filter((e) => !ANNOTATIONS.has(e.type)).map(toCoreEvent), next, calendar, calendarService().rules());
        if (refusal) return refuseWith(refusal);
        const sequence = (events[events.length - 1]?.sequence ?? 0) + 1;
        const eventRow: EventRow = { type: type as string, date: date as string, details, sequence };
        await strapi.db.query(UID.applicationEvent).create({ data: { ...eventRow, application: row.id, recordedById: admin?.id ?? null, recordedByName: adminName(admin) } });
        const clock = await clockOf([...events, eventRow]);
        await this.storeClock(row, clock);
        return this.describe(row, [...events, eventRow], clock);
      });
    },

    describe(row: ApplicationRow, events: EventRow[], clock: ApplicationClock) {
      return {
        documentId: row.documentId,
        trackingCode: row.trackingCode,
        organizationDocumentId: row.organizationDocumentId,
        applicantType: row.applicantType,
        applicantName: row.applicantName,
        idNumberMasked: row.idNumber ? maskIdNumber(String(row.idNumber)) : null,
        receivedOn: toIsoDay(row.receivedOn),
        state: clock.state,
        stateLabel: APPLICATION_STATE_LABELS[clock.state],
        clock,
        timeline: events.map((e) => ({
          sequence: e.sequence,
          type: e.type,
          label: APPLICATION_EVENT_LABELS[e.type as keyof typeof APPLICATION_EVENT_LABELS] ?? (e.type === 'calendar_changed' ? '工作日历调整，期限重新计算' : e.type),
          date: toIsoDay(e.date),
          details: e.details,
          recordedBy: e.recordedByName ?? null,
        })),
      };
    },

    /** A page of applications the admin may read, most urgent first, filterable by state and flags. */
    async list(query: Record<string, unknown>, admin: AdminUser) {
      const { error, value } = Joi.object({
        page: Joi.number().integer().min(1).default(1),
        pageSize: Joi.number().integer().min(1).max(100).default(20),
        state: Joi.string().valid(...Object.keys(APPLICATION_STATE_LABELS)),
        overdue: Joi.boolean(),
        dueSoon: Joi.boolean(),
      }).validate(query ?? {}, { abortEarly: false, convert: true, stripUnknown: true });
      if (error) return refuseInput(error.details.map((d) => ({ path: d.path.map(String), code: 'LIST_QUERY_INVALID', message: d.message })));
      const allowed = await allowedOrganizations(admin, { forWriting: false });
      const where: Record<string, unknown> = {
        ...(allowed ? { organizationDocumentId: { $in: allowed } } : {}),
        ...(value.state ? { state: value.state } : {}),
        ...(value.overdue !== undefined ? { overdue: value.overdue } : {}),
        ...(value.dueSoon !== undefined ? { dueSoon: value.dueSoon } : {}),
      };
      const [rows, total] = await Promise.all([
        strapi.db.query(UID.application).findMany({
          where,
          select: ['documentId', 'trackingCode', 'channel', 'applicantType', 'applicantName', 'receivedOn', 'state', 'dueDate', 'dueSoon', 'overdue', 'daysLate', 'remainingWorkingDays', 'resultCode'],
          populate: { organization: { select: ['name', 'code'] } },
          orderBy: [{ overdue: 'desc' }, { dueSoon: 'desc' }, { dueDate: 'asc' }, { id: 'desc' }],
          offset: (value.page - 1) * value.pageSize,
          limit: value.pageSize,
        }),
        strapi.db.query(UID.application).count({ where }),
      ]);
      // Working days left move with the date, so they are counted now rather than read back.
      const calendar = await calendarService().current();
      const today = shanghaiToday();
      return {
        results: (rows as Array<Record<string, unknown>>).map((row) => {
          const dueDate = toIsoDay(row.dueDate);
          const running = row.state === 'open' && dueDate;
          return {
            ...row,
            receivedOn: toIsoDay(row.receivedOn),
            dueDate,
            remainingWorkingDays: running ? (dueDate >= today ? calendar.workingDaysBetween(today, dueDate) : 0) : row.remainingWorkingDays,
            stateLabel: APPLICATION_STATE_LABELS[row.state as keyof typeof APPLICATION_STATE_LABELS],
          };
        }),
        pagination: { page: value.page, pageSize: value.pageSize, total, pageCount: Math.ceil(total / value.pageSize) },
      };
    },

    /** The current due date with its trace: each event's effect and the holidays and make-up days counted. */
    async clockFor(documentId: string, admin: AdminUser) {
      const row = await loadForAdmin(documentId, admin, false);
      const events = await loadEvents(row.id);
      return this.describe(row, events, await clockOf(events));
    },

    /** What the applicant may see with their tracking code and secret: status and dates only. */
    async publicStatus(body: Record<string, unknown>) {
      const { error, value } = Joi.object({ trackingCode: Joi.string().trim().max(32).required(), secret: Joi.string().trim().max(64).required() }).validate(body ?? {}, { abortEarly: false });
      if (error) return refuseInput(error.details.map((d) => ({ path: d.path.map(String), code: 'STATUS_INPUT_INVALID', message: d.message })));
      const row = (await strapi.db.query(UID.application).findOne({ where: { trackingCode: value.trackingCode } })) as ApplicationRow | null;
      if (!row || !verifyAccessSecret(value.secret, row.accessSecretHash as string)) return notFound('查询码或查询密码不正确');
      return {
        trackingCode: row.trackingCode,
        state: row.state,
        stateLabel: APPLICATION_STATE_LABELS[row.state as keyof typeof APPLICATION_STATE_LABELS],
        receivedOn: toIsoDay(row.receivedOn),
        dueDate: toIsoDay(row.dueDate),
        resultOn: toIsoDay(row.resultOn),
      };
    },

    /**
     * Recomputes running applications and stores the result: after a calendar change (those whose
     * counting window reaches the changed day, each whose due date moved getting a timeline note),
     * or the paused ones the daily scan looks at.
     */
    async recomputeOpen({ reason, affectedFrom, states }: { reason?: string; affectedFrom?: string; states?: string[] } = {}) {
      const where: Record<string, unknown> = states ? { state: { $in: states } } : { state: { $notIn: CLOSED_STATES } };
      if (affectedFrom) where.$or = [{ dueDate: { $gte: affectedFrom } }, { dueDate: { $null: true } }];
      const rows = (await strapi.db.query(UID.application).findMany({ where })) as ApplicationRow[];
      let moved = 0;
      for (const row of rows) {
        const events = await loadEvents(row.id);
        const clock = await clockOf(events);
        const before = toIsoDay(row.dueDate);
        await this.storeClock(row, clock);
        if (reason && before !== clock.dueDate) {
          moved++;
          await strapi.db.query(UID.applicationEvent).create({
            data: {
              application: row.id,
              type: 'calendar_changed',
              date: shanghaiToday(),
              sequence: (events[events.length - 1]?.sequence ?? 0) + 1,
              details: { reason, dueDateBefore: before, dueDateAfter: clock.dueDate },
              recordedByName: '系统',
            },
          });
        }
      }
      return { recomputed: rows.length, moved };
    },
  };
};

export type ApplicationsService = ReturnType<typeof applications>;
export default applications;
