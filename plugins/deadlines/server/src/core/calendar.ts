import { dateOfDayNumber, dayNumberOrNaN, dayOfWeek, isIsoDate, yearOf } from './civil-date';
import { DeadlinesError, refusal, type Refusal } from './errors';
import { PACKAGED_COVERAGE, PACKAGED_DAYS, type ScheduledDay } from './packaged-days';

/**
 * The working-day (工作日) calendar every statutory clock counts in: weekends and statutory holidays
 * are not working days, make-up working days (调休上班, usually a Saturday or Sunday) are.
 *
 * Counting rule (政府信息公开条例; 民法典 第二百零一条): the day of the triggering event is not counted,
 * day 1 is the first working day after it, and a limit of n working days ends on the n-th working day
 * after the event date, whether or not the event date was itself a working day.
 *
 * The calendar is built once into tables so that every query is O(1): `cumulative[i]` counts the
 * working days from the first day of the table through day i, and `workingDayAt[k]` is the offset of
 * the (k+1)-th working day. Outside the table only weekends are known, and weekday counts have a closed
 * form, so far-away dates stay O(1) too.
 */

/** An administrator's change to the packaged schedule; it wins over the packaged data for its date. */
export type DayOverride = { date: string; kind: 'holiday' | 'workday'; name?: string };

export type DayReason = 'workday' | 'weekend' | 'holiday' | 'make_up_workday';

export interface DayDescription {
  date: string;
  working: boolean;
  reason: DayReason;
  name?: string;
}

/** Why `addWorkingDays(from, workingDays)` is `due`: the days passed over and the weekend days counted. */
export interface WorkingDaysExplanation {
  from: string;
  workingDays: number;
  due: string;
  /** Non-working days between `from` (exclusive) and `due`. */
  skipped: DayDescription[];
  /** Weekend days that were counted because they are make-up working days. */
  makeUpDays: DayDescription[];
  /** True when some day counted lies outside `coverage()`, where only weekends are known. */
  outsideCoverage: boolean;
}

/** Years whose holiday schedule the calendar knows; outside them only weekends are non-working. */
export interface CalendarCoverage {
  fromYear: number;
  toYear: number;
}

export interface CalendarOptions {
  overrides?: readonly DayOverride[];
}

export interface WorkingDayCalendar {
  isWorkingDay(date: string): boolean;
  /** The n-th working day after `date` (n ≥ 0; n = 0 gives `date`). */
  addWorkingDays(date: string, n: number): string;
  /** Working days in the half-open interval (a, b]; 0 when b ≤ a. */
  workingDaysBetween(a: string, b: string): number;
  describeDay(date: string): DayDescription;
  explainAddWorkingDays(date: string, n: number): WorkingDaysExplanation;
  coverage(): CalendarCoverage;
  /** Whether the holiday schedule of `date`'s year is known. */
  covers(date: string): boolean;
  /** The administrator overrides this calendar was built with, one per date, in date order. */
  overrides(): readonly DayOverride[];
  /** A new calendar with `more` applied on top (a later override of the same date wins). */
  withOverrides(more: readonly DayOverride[]): WorkingDayCalendar;
}

const REASONS: readonly DayReason[] = ['workday', 'weekend', 'holiday', 'make_up_workday'];
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKE_UP_WORKDAY = 3;

// Weekdays (Mon-Fri) have a closed-form count. ANCHOR is a Monday (1970-01-05); weekdaysThrough(x)
// counts the weekdays in [ANCHOR, x], negative before it, so differences count any interval.
const ANCHOR = 4;
const weekdaysThrough = (x: number): number => {
  const d = x - ANCHOR + 1;
  const weeks = Math.floor(d / 7);
  const rest = d - 7 * weeks;
  return 5 * weeks + (rest < 5 ? rest : 5);
};
/** The smallest x with weekdaysThrough(x) ≥ m (always a weekday). */
const weekdayNumbered = (m: number): number => {
  const weeks = Math.floor((m - 1) / 5);
  return 7 * weeks + (m - 5 * weeks) + ANCHOR - 1;
};

const toDayNumber = (date: string, field: string): number => {
  const n = dayNumberOrNaN(date);
  if (n !== n) throw new DeadlinesError('DATE_INVALID', field, date);
  return n;
};

const checkCount = (n: number): void => {
  if (!(Number.isInteger(n) && n >= 0)) throw new DeadlinesError('WORKING_DAYS_INVALID', 'n', n);
};

/** Every problem with a list of overrides an administrator submitted (for the admin form). */
export const checkDayOverrides = (overrides: readonly DayOverride[]): Refusal[] => {
  const problems: Refusal[] = [];
  const seen = new Set<string>();
  overrides.forEach((override, index) => {
    if (!isIsoDate(override?.date)) problems.push(refusal('DATE_INVALID', `overrides[${index}].date`, override?.date));
    else if (seen.has(override.date)) problems.push(refusal('OVERRIDE_DUPLICATE_DATE', `overrides[${index}].date`, override.date));
    else seen.add(override.date);
    if (override?.kind !== 'holiday' && override?.kind !== 'workday') problems.push(refusal('OVERRIDE_KIND_INVALID', `overrides[${index}].kind`, override?.kind));
  });
  return problems;
};

/** One override per date, the last given winning, in date order; throws on a malformed entry. */
const normaliseOverrides = (overrides: readonly DayOverride[]): DayOverride[] => {
  const byDate = new Map<string, DayOverride>();
  overrides.forEach((override, index) => {
    const problem = checkDayOverrides([override])[0];
    if (problem) throw new DeadlinesError(problem.code, (problem.field ?? '').replace('overrides[0]', `overrides[${index}]`), problem.value);
    byDate.set(override.date, Object.freeze({ ...override }));
  });
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
};

/** Packaged years, extended by neighbouring years an administrator has entered a schedule for. */
const coverageWith = (overrides: readonly DayOverride[]): CalendarCoverage => {
  const years = new Set(overrides.map((o) => yearOf(o.date)));
  let { fromYear, toYear } = PACKAGED_COVERAGE;
  while (years.has(fromYear - 1)) fromYear -= 1;
  while (years.has(toYear + 1)) toYear += 1;
  return { fromYear, toYear };
};

class TableCalendar implements WorkingDayCalendar {
  private readonly origin: number; // day number of the table's first day (1 January)
  private readonly end: number; // day number just after the table's last day
  private readonly reasons: Uint8Array;
  private readonly cumulative: Int32Array;
  private readonly workingDayAt: Int32Array;
  private readonly totalWorking: number;
  private readonly names: Map<number, string>;
  private readonly dateStrings: string[]; // filled lazily: formatting is the other half of the hot path
  private readonly span: CalendarCoverage;
  private readonly overrideList: readonly DayOverride[];

  constructor(overrides: readonly DayOverride[]) {
    this.overrideList = Object.freeze(normaliseOverrides(overrides));
    this.span = Object.freeze(coverageWith(this.overrideList));

    // The table spans the covered years and any further year that has an override.
    let fromYear = this.span.fromYear;
    let toYear = this.span.toYear;
    for (const o of this.overrideList) {
      fromYear = Math.min(fromYear, yearOf(o.date));
      toYear = Math.max(toYear, yearOf(o.date));
    }
    this.origin = dayNumberOrNaN(`${String(fromYear).padStart(4, '0')}-01-01`);
    this.end = dayNumberOrNaN(`${String(toYear + 1).padStart(4, '0')}-01-01`);
    const length = this.end - this.origin;

    this.reasons = new Uint8Array(length);
    for (let offset = 0; offset < length; offset += 1) {
      const weekday = dayOfWeek(this.origin + offset);
      this.reasons[offset] = weekday === 0 || weekday === 6 ? WEEKEND : WORKDAY;
    }
    this.names = new Map();
    const mark = (day: ScheduledDay | DayOverride) => {
      const offset = dayNumberOrNaN(day.date) - this.origin;
      if (!(offset >= 0 && offset < length)) return;
      const weekday = dayOfWeek(this.origin + offset);
      const weekend = weekday === 0 || weekday === 6;
      this.reasons[offset] = day.kind === 'holiday' ? HOLIDAY : weekend ? MAKE_UP_WORKDAY : WORKDAY;
      if (day.name) this.names.set(offset, day.name);
      else this.names.delete(offset);
    };
    PACKAGED_DAYS.forEach(mark);
    this.overrideList.forEach(mark); // after the packaged days, so overrides win

    this.cumulative = new Int32Array(length);
    let count = 0;
    for (let offset = 0; offset < length; offset += 1) {
      if (this.reasons[offset] === WORKDAY || this.reasons[offset] === MAKE_UP_WORKDAY) count += 1;
      this.cumulative[offset] = count;
    }
    this.totalWorking = count;
    this.workingDayAt = new Int32Array(count);
    for (let offset = 0, k = 0; offset < length; offset += 1) {
      if (this.reasons[offset] === WORKDAY || this.reasons[offset] === MAKE_UP_WORKDAY) this.workingDayAt[k++] = offset;
    }
    this.dateStrings = new Array<string>(length);
    Object.freeze(this);
  }

  /** Working days from the table's start through day i (an offset of any integer; negative before it). */
  private countThrough(i: number): number {
    if (i < this.origin) return weekdaysThrough(i) - weekdaysThrough(this.origin - 1);
    if (i >= this.end) return this.totalWorking + weekdaysThrough(i) - weekdaysThrough(this.end - 1);
    return this.cumulative[i - this.origin];
  }

  /** The first day whose countThrough reaches k: the k-th working day (the inverse of countThrough). */
  private workingDayNumbered(k: number): number {
    if (k <= 0) return weekdayNumbered(k + weekdaysThrough(this.origin - 1));
    if (k > this.totalWorking) return weekdayNumbered(k - this.totalWorking + weekdaysThrough(this.end - 1));
    return this.origin + this.workingDayAt[k - 1];
  }

  private format(i: number): string {
    const offset = i - this.origin;
    if (offset >= 0 && offset < this.dateStrings.length) {
      const cached = this.dateStrings[offset];
      if (cached !== undefined) return cached;
      return (this.dateStrings[offset] = dateOfDayNumber(i));
    }
    return dateOfDayNumber(i);
  }

  private reasonAt(i: number): number {
    if (i >= this.origin && i < this.end) return this.reasons[i - this.origin];
    const weekday = dayOfWeek(i);
    return weekday === 0 || weekday === 6 ? WEEKEND : WORKDAY;
  }

  private describe(i: number): DayDescription {
    const reason = this.reasonAt(i);
    const name = i >= this.origin && i < this.end ? this.names.get(i - this.origin) : undefined;
    return {
      date: this.format(i),
      working: reason === WORKDAY || reason === MAKE_UP_WORKDAY,
      reason: REASONS[reason],
      ...(name === undefined ? {} : { name }),
    };
  }

  isWorkingDay(date: string): boolean {
    const reason = this.reasonAt(toDayNumber(date, 'date'));
    return reason === WORKDAY || reason === MAKE_UP_WORKDAY;
  }

  addWorkingDays(date: string, n: number): string {
    const i = dayNumberOrNaN(date);
    if (i !== i) throw new DeadlinesError('DATE_INVALID', 'date', date);
    checkCount(n);
    if (n === 0) return date;
    return this.format(this.workingDayNumbered(this.countThrough(i) + n));
  }

  workingDaysBetween(a: string, b: string): number {
    const from = toDayNumber(a, 'from');
    const to = toDayNumber(b, 'to');
    return to <= from ? 0 : this.countThrough(to) - this.countThrough(from);
  }

  describeDay(date: string): DayDescription {
    return this.describe(toDayNumber(date, 'date'));
  }

  explainAddWorkingDays(date: string, n: number): WorkingDaysExplanation {
    const from = toDayNumber(date, 'date');
    checkCount(n);
    const due = n === 0 ? from : this.workingDayNumbered(this.countThrough(from) + n);
    const skipped: DayDescription[] = [];
    const makeUpDays: DayDescription[] = [];
    for (let i = from + 1; i <= due; i += 1) {
      const reason = this.reasonAt(i);
      if (reason === WEEKEND || reason === HOLIDAY) skipped.push(this.describe(i));
      else if (reason === MAKE_UP_WORKDAY) makeUpDays.push(this.describe(i));
    }
    const outsideCoverage = n > 0 && (!this.covers(this.format(from + 1)) || !this.covers(this.format(due)));
    return { from: this.format(from), workingDays: n, due: this.format(due), skipped, makeUpDays, outsideCoverage };
  }

  coverage(): CalendarCoverage {
    return { ...this.span };
  }

  covers(date: string): boolean {
    toDayNumber(date, 'date');
    const year = yearOf(date);
    return year >= this.span.fromYear && year <= this.span.toYear;
  }

  overrides(): readonly DayOverride[] {
    return this.overrideList;
  }

  withOverrides(more: readonly DayOverride[]): WorkingDayCalendar {
    return new TableCalendar([...this.overrideList, ...more]);
  }
}

/** A calendar of the packaged holiday schedule with the administrators' overrides applied. */
export const createCalendar = (options: CalendarOptions = {}): WorkingDayCalendar => new TableCalendar(options.overrides ?? []);
