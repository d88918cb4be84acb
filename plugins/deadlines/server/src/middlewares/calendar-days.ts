import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import type { ApplicationsService } from '../services/applications';
import type { CalendarService } from '../services/calendar';
import type { ProactiveDisclosureService } from '../services/proactive-disclosure';

const WRITES = new Set(['create', 'update', 'delete']);

/**
 * An edit of the working-day calendar (next year's schedule, a local holiday) moves deadlines:
 * every running application is recomputed and each one whose due date moved gets a timeline note,
 * and unpublished items get their Art. 26 due dates again.
 */
export const calendarDays =
  (strapi: Core.Strapi) =>
  async (context: { uid: string; action: string; params: Record<string, any> }, next: () => Promise<unknown>) => {
    if (context.uid !== UID.calendarDay || !WRITES.has(context.action)) return next();
    const plugin = strapi.plugin(PLUGIN_ID);
    // The earliest day the edit touches: clocks whose window ends before it cannot move.
    const previous = context.params.documentId
      ? ((await strapi.db.query(UID.calendarDay).findOne({ where: { documentId: context.params.documentId }, select: ['date'] })) as { date: string } | null)
      : null;
    const result = await next();
    const calendar = plugin.service('calendar') as CalendarService;
    calendar.invalidate();
    const data = context.params.data ?? {};
    const reason = context.action === 'delete' ? '删除一条工作日历调整' : `工作日历调整：${data.date ?? ''} ${data.kind === 'workday' ? '调休上班' : data.kind === 'holiday' ? '放假' : ''}`.trim();
    const touched = [previous?.date, data.date].filter(Boolean).map(String).sort();
    await (plugin.service('applications') as ApplicationsService).recomputeOpen({ reason, affectedFrom: touched[0] });
    await (plugin.service('proactive-disclosure') as ProactiveDisclosureService).refreshUnpublished();
    return result;
  };
