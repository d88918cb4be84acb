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
    const result = await next();
    const calendar = plugin.service('calendar') as CalendarService;
    calendar.invalidate();
    const data = context.params.data ?? {};
    const reason = context.action === 'delete' ? '删除一条工作日历调整' : `工作日历调整：${data.date ?? ''} ${data.kind === 'workday' ? '调休上班' : data.kind === 'holiday' ? '放假' : ''}`.trim();
    await (plugin.service('applications') as ApplicationsService).recomputeOpen({ reason });
    await (plugin.service('proactive-disclosure') as ProactiveDisclosureService).refreshUnpublished();
    return result;
  };
