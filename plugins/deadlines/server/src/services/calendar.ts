import type { Core } from '@strapi/strapi';
import { PLUGIN_ID, UID } from '../constants';
import { createCalendar, type DayOverride, type WorkingDayCalendar } from '../core/calendar';
import { DEFAULT_CLOCK_RULES, type ClockRules } from '../core/clock-rules';
import { toIsoDay } from '../utils/dates';

const CHECK_INTERVAL_MS = 1000;

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const mergeDeep = <T>(base: T, override: unknown): T => {
  if (!isObject(base) || !isObject(override)) return (override === undefined ? base : override) as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) out[key] = mergeDeep(out[key], value);
  return out as T;
};

/**
 * The working-day calendar in force: the packaged holidays plus the days administrators entered
 * (工作日历调整). Each instance rebuilds it when the stored days change, which it notices by a cheap
 * fingerprint query at most once a second, so an edit on one instance is seen by all.
 */
const calendar = ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { fingerprint: string; calendar: WorkingDayCalendar } | null = null;
  let checkedAt = 0;

  // Through the query engine, so that inside a transaction it uses the transaction's connection.
  const fingerprint = async () => {
    const days = strapi.db.query(UID.calendarDay);
    const [count, latest] = await Promise.all([days.count(), days.findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } })]);
    return `${count}:${latest ? new Date(latest.updatedAt).getTime() : ''}`;
  };

  return {
    async current(): Promise<WorkingDayCalendar> {
      const now = Date.now();
      if (cached && now - checkedAt < CHECK_INTERVAL_MS) return cached.calendar;
      checkedAt = now;
      const print = await fingerprint();
      if (cached?.fingerprint === print) return cached.calendar;
      const days = (await strapi.db.query(UID.calendarDay).findMany({ select: ['date', 'kind', 'name'], orderBy: { date: 'asc' } })) as Array<{ date: unknown; kind: DayOverride['kind']; name?: string }>;
      const overrides = days.map((day) => ({ date: toIsoDay(day.date), kind: day.kind, ...(day.name ? { name: day.name } : {}) }));
      cached = { fingerprint: print, calendar: createCalendar({ overrides }) };
      return cached.calendar;
    },

    /** Forgets the cached calendar, so the next call reads the stored days again. */
    invalidate() {
      cached = null;
    },

    rules(): ClockRules {
      return mergeDeep(DEFAULT_CLOCK_RULES, strapi.config.get(`plugin::${PLUGIN_ID}.clockRules`) ?? {});
    },
  };
};

export type CalendarService = ReturnType<typeof calendar>;
export default calendar;
