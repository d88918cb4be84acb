import chineseDays from 'chinese-days/dist/chinese-days.json';

/**
 * The packaged default of the working-day calendar: the State Council's holiday schedules as
 * published in the npm package `chinese-days` (its JSON, not hand-typed). A new year's schedule
 * arrives by upgrading the package or, before that, as administrator overrides.
 */

/** One day the schedule marks: a statutory holiday (放假) or a make-up working day (调休上班). */
export interface ScheduledDay {
  date: string;
  kind: 'holiday' | 'workday';
  /** Chinese name of the festival, e.g. 国庆节. */
  name: string;
}

/** Shape of `chinese-days.json`: date → "English name,中文名,days in lieu". */
interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays?: Record<string, string>;
}

const chineseName = (label: string): string => {
  const parts = label.split(',');
  return (parts.length >= 2 ? parts[1] : label).trim();
};

const fromJson = (json: ChineseDaysJson): ScheduledDay[] => {
  const days: ScheduledDay[] = [];
  for (const [date, label] of Object.entries(json.holidays)) days.push({ date, kind: 'holiday', name: chineseName(label) });
  for (const [date, label] of Object.entries(json.workdays)) days.push({ date, kind: 'workday', name: chineseName(label) });
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};

export const PACKAGED_DAYS: readonly ScheduledDay[] = Object.freeze(fromJson(chineseDays as ChineseDaysJson));

/**
 * The years the packaged schedule covers: every year in which it names at least one holiday.
 * (A year appears only once its whole schedule is published, so a year present is complete.)
 */
export const PACKAGED_COVERAGE: { readonly fromYear: number; readonly toYear: number } = (() => {
  const years = PACKAGED_DAYS.filter((d) => d.kind === 'holiday').map((d) => Number(d.date.slice(0, 4)));
  return Object.freeze({ fromYear: Math.min(...years), toYear: Math.max(...years) });
})();
