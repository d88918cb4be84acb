import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import type { WorkingDayCalendar } from '../core/calendar';
import type { ClockRules } from '../core/clock-rules';
import { shanghaiDayOf, shanghaiToday, toIsoDay } from '../utils/dates';
import type { CalendarService } from './calendar';

export type Timeliness = 'pending' | 'due_soon' | 'on_time' | 'late' | 'overdue' | 'not_applicable';

type ItemRow = { documentId: string; formedDate: unknown; firstPublishedAt: unknown; disclosureAttribute: string; category?: { disclosureLimitDays?: number | null } | null };

/**
 * Art. 26: proactively disclosed information is published within its category's limit (20 working
 * days by default, 7 for licensing and penalty decisions) from the day it was formed or changed.
 */
export const evaluateTimeliness = (item: ItemRow, calendar: WorkingDayCalendar, rules: ClockRules, today: string) => {
  const formed = toIsoDay(item.formedDate);
  if (item.disclosureAttribute !== 'proactive' || !formed) return { disclosureDueDate: null, timeliness: 'not_applicable' as Timeliness, daysLate: null };
  const limit = item.category?.disclosureLimitDays ?? rules.proactiveDisclosure.workingDays;
  const dueDate = calendar.addWorkingDays(formed, limit);
  const published = shanghaiDayOf(item.firstPublishedAt);
  if (published) {
    const late = published > dueDate ? calendar.workingDaysBetween(dueDate, published) : 0;
    return { disclosureDueDate: dueDate, timeliness: (published > dueDate ? 'late' : 'on_time') as Timeliness, daysLate: Math.max(late, published > dueDate ? 1 : 0) };
  }
  if (today > dueDate) return { disclosureDueDate: dueDate, timeliness: 'overdue' as Timeliness, daysLate: Math.max(1, calendar.workingDaysBetween(dueDate, today)) };
  const left = calendar.workingDaysBetween(today, dueDate);
  return { disclosureDueDate: dueDate, timeliness: (left <= rules.dueSoon.workingDays ? 'due_soon' : 'pending') as Timeliness, daysLate: 0 };
};

const proactiveDisclosure = ({ strapi }: { strapi: Core.Strapi }) => {
  const calendarService = () => strapi.plugin(PLUGIN_ID).service('calendar') as CalendarService;

  return {
    /** Due date and timeliness of an item from its fields (no read): for a write that knows them already. */
    async evaluate(item: ItemRow) {
      return evaluateTimeliness(item, await calendarService().current(), calendarService().rules(), shanghaiToday());
    },

    /** Recomputes and stores the due date and timeliness of one item (draft and published rows alike). */
    async refresh(documentId: string) {
      const item = (await strapi.db.query(UID.item).findOne({
        where: { documentId, publishedAt: null },
        select: ['documentId', 'formedDate', 'firstPublishedAt', 'disclosureAttribute', 'disclosureDueDate', 'timeliness', 'daysLate'],
        populate: { category: { select: ['disclosureLimitDays'] } },
      })) as (ItemRow & Record<string, unknown>) | null;
      if (!item) return null;
      const result = evaluateTimeliness(item, await calendarService().current(), calendarService().rules(), shanghaiToday());
      if (toIsoDay(item.disclosureDueDate) !== result.disclosureDueDate || item.timeliness !== result.timeliness || item.daysLate !== result.daysLate) {
        await strapi.db.query(UID.item).updateMany({ where: { documentId }, data: result });
      }
      return result;
    },

    /** Items whose timeliness still moves with the calendar or the date: the unpublished ones. */
    async refreshUnpublished() {
      const rows = (await strapi.db.query(UID.item).findMany({
        where: { publishedAt: null, firstPublishedAt: null, disclosureAttribute: 'proactive' },
        select: ['documentId'],
      })) as Array<{ documentId: string }>;
      for (const row of rows) await this.refresh(row.documentId);
      return rows.length;
    },
  };
};

export type ProactiveDisclosureService = ReturnType<typeof proactiveDisclosure>;
export default proactiveDisclosure;
