import { isWorkday as packageIsWorkday } from 'chinese-days';
import { checkDayOverrides, createCalendar } from './calendar';
import { dateOfDayNumber, dayNumber, dayOfWeek } from './civil-date';
import { DeadlinesError } from './errors';

const calendar = createCalendar();
const dates = (days: { date: string }[]) => days.map((d) => d.date);

/** Day-by-day reference: the slow, obviously correct way to count. */
const naiveAdd = (date: string, n: number, isWorking: (d: string) => boolean): string => {
  let day = dayNumber(date);
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (isWorking(dateOfDayNumber(day))) counted += 1;
  }
  return dateOfDayNumber(day);
};

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return error instanceof DeadlinesError ? error.code : `not a DeadlinesError: ${String(error)}`;
  }
  return 'no error';
};

describe('packaged working-day calendar', () => {
  it('covers the packaged years 2004-2026, which include every year since the 2019 regulation', () => {
    expect(calendar.coverage()).toEqual({ fromYear: 2004, toYear: 2026 });
    expect(calendar.covers('2019-05-15')).toBe(true);
    expect(calendar.covers('2026-12-31')).toBe(true);
    expect(calendar.covers('2027-01-01')).toBe(false);
    expect(calendar.covers('2003-12-31')).toBe(false);
  });

  it('worked example: received Thu 2026-09-24, due on the 20th working day after it, 2026-10-29', () => {
    // Counted by hand from the packaged schedule: 28, 29, 30 Sep (1-3); Mid-Autumn 25-27 Sep and
    // National Day 1-7 Oct skipped; 8, 9 Oct (4, 5); make-up Saturday 10 Oct (6); 12-16 Oct (7-11);
    // 19-23 Oct (12-16); 26, 27, 28, 29 Oct (17-20).
    expect(calendar.addWorkingDays('2026-09-24', 20)).toBe('2026-10-29');
    expect(calendar.workingDaysBetween('2026-09-24', '2026-10-29')).toBe(20);

    const explained = calendar.explainAddWorkingDays('2026-09-24', 20);
    expect(explained.due).toBe('2026-10-29');
    expect(explained.outsideCoverage).toBe(false);
    expect(dates(explained.skipped)).toEqual([
      '2026-09-25', '2026-09-26', '2026-09-27',
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
      '2026-10-11', '2026-10-17', '2026-10-18', '2026-10-24', '2026-10-25',
    ]);
    expect(explained.skipped[0]).toEqual({ date: '2026-09-25', working: false, reason: 'holiday', name: '中秋' });
    expect(explained.skipped[3]).toEqual({ date: '2026-10-01', working: false, reason: 'holiday', name: '国庆节' });
    expect(explained.skipped[10]).toEqual({ date: '2026-10-11', working: false, reason: 'weekend' });
    expect(explained.makeUpDays).toEqual([{ date: '2026-10-10', working: true, reason: 'make_up_workday', name: '国庆节' }]);

    // Sunday 20 Sep is a make-up working day too, but it lies before the receipt date.
    expect(calendar.describeDay('2026-09-20')).toEqual({ date: '2026-09-20', working: true, reason: 'make_up_workday', name: '国庆节' });
    expect(calendar.addWorkingDays('2026-09-19', 1)).toBe('2026-09-20');
  });

  it('Spring Festival 2026: 15-23 Feb off, Saturdays 14 and 28 Feb worked', () => {
    expect(calendar.describeDay('2026-02-14')).toEqual({ date: '2026-02-14', working: true, reason: 'make_up_workday', name: '春节' });
    expect(calendar.describeDay('2026-02-16')).toEqual({ date: '2026-02-16', working: false, reason: 'holiday', name: '春节' });
    expect(calendar.describeDay('2026-02-23')).toMatchObject({ working: false, reason: 'holiday' });
    // Fri 13 Feb + 1 is the make-up Saturday; + 5 skips the whole festival.
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(calendar.addWorkingDays('2026-02-13', 6)).toBe('2026-02-28');
    expect(calendar.addWorkingDays('2026-02-13', 7)).toBe('2026-03-02');
    const explained = calendar.explainAddWorkingDays('2026-02-13', 7);
    expect(dates(explained.makeUpDays)).toEqual(['2026-02-14', '2026-02-28']);
    expect(dates(explained.skipped)).toEqual([
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', '2026-03-01',
    ]);
  });

  it('crosses a year boundary: New Year 2026 off 1-3 Jan, Sunday 4 Jan worked', () => {
    expect(calendar.addWorkingDays('2025-12-30', 1)).toBe('2025-12-31');
    expect(calendar.addWorkingDays('2025-12-30', 2)).toBe('2026-01-04');
    expect(calendar.addWorkingDays('2025-12-30', 3)).toBe('2026-01-05');
    expect(calendar.workingDaysBetween('2025-12-30', '2026-01-05')).toBe(3);
    expect(calendar.workingDaysBetween('2025-12-31', '2026-01-03')).toBe(0);
  });

  it('falls back to weekends only outside the packaged years, and says so', () => {
    // 1 Jan 2027 is a Friday: New Year is not known yet, so it counts as a working day.
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true);
    expect(calendar.describeDay('2027-01-02')).toEqual({ date: '2027-01-02', working: false, reason: 'weekend' });
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(calendar.addWorkingDays('2026-12-31', 2)).toBe('2027-01-04');
    expect(calendar.explainAddWorkingDays('2026-12-31', 2).outsideCoverage).toBe(true);
    expect(calendar.explainAddWorkingDays('2026-12-01', 2).outsideCoverage).toBe(false);
    expect(calendar.addWorkingDays('2003-12-30', 3)).toBe('2004-01-05'); // 1 Jan 2004 is a packaged holiday
    expect(calendar.workingDaysBetween('2003-12-26', '2003-12-31')).toBe(3);
    expect(calendar.addWorkingDays('1999-12-31', 1)).toBe('2000-01-03');
    expect(calendar.addWorkingDays('2030-06-07', 5)).toBe('2030-06-14');
    expect(calendar.workingDaysBetween('2030-06-07', '2030-06-14')).toBe(5);
  });
});

describe('counting rule', () => {
  it('does not count the event day, whether or not it is a working day', () => {
    expect(calendar.addWorkingDays('2026-03-09', 1)).toBe('2026-03-10'); // Monday → Tuesday
    expect(calendar.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Saturday → Monday
    expect(calendar.addWorkingDays('2026-03-08', 5)).toBe('2026-03-13'); // Sunday → Friday
    expect(calendar.addWorkingDays('2026-10-03', 1)).toBe('2026-10-08'); // inside National Day
  });

  it('adds zero days as the identity, even on a holiday', () => {
    expect(calendar.addWorkingDays('2026-10-01', 0)).toBe('2026-10-01');
    expect(calendar.addWorkingDays('2026-03-10', 0)).toBe('2026-03-10');
    expect(calendar.explainAddWorkingDays('2026-10-01', 0)).toMatchObject({ due: '2026-10-01', skipped: [], makeUpDays: [] });
  });

  it('counts working days in the half-open interval (a, b], 0 when b <= a', () => {
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-13', '2026-03-09')).toBe(0);
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-13')).toBe(4); // Tue-Fri
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0); // Fri → Sun
    expect(calendar.workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
  });

  it('agrees with chinese-days on every day of the packaged years', () => {
    let checked = 0;
    for (let day = dayNumber('2004-01-01'); day <= dayNumber('2026-12-31'); day += 1) {
      const date = dateOfDayNumber(day);
      if (calendar.isWorkingDay(date) !== packageIsWorkday(date)) throw new Error(`disagree on ${date}`);
      checked += 1;
    }
    expect(checked).toBe(8401);
  });

  it('matches a day-by-day count and stays consistent with workingDaysBetween (random dates 2002-2029)', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const from = dayNumber('2002-01-01');
    const to = dayNumber('2029-12-31');
    const isWorking = (d: string) => calendar.isWorkingDay(d);
    for (let i = 0; i < 2000; i += 1) {
      const date = dateOfDayNumber(from + Math.floor(random() * (to - from)));
      const n = Math.floor(random() * 120);
      const due = calendar.addWorkingDays(date, n);
      expect(due).toBe(naiveAdd(date, n, isWorking));
      expect(calendar.workingDaysBetween(date, due)).toBe(n);
      if (n > 0) expect(calendar.isWorkingDay(due)).toBe(true);
    }
  });

  it('handles large n in constant time, across and beyond the table', () => {
    const isWorking = (d: string) => calendar.isWorkingDay(d);
    expect(calendar.addWorkingDays('2003-06-01', 7000)).toBe(naiveAdd('2003-06-01', 7000, isWorking));
    expect(calendar.workingDaysBetween('2003-06-01', calendar.addWorkingDays('2003-06-01', 7000))).toBe(7000);
    const far = calendar.addWorkingDays('2019-01-01', 1_000_000);
    expect(calendar.workingDaysBetween('2019-01-01', far)).toBe(1_000_000);
    expect(dayOfWeek(dayNumber(far))).not.toBe(0);
    expect(dayOfWeek(dayNumber(far))).not.toBe(6);
  });

  it('refuses malformed dates and day counts with stable codes', () => {
    expect(codeOf(() => calendar.addWorkingDays('2026-02-30', 1))).toBe('DATE_INVALID');
    expect(codeOf(() => calendar.addWorkingDays('2026/02/03', 1))).toBe('DATE_INVALID');
    expect(codeOf(() => calendar.isWorkingDay(''))).toBe('DATE_INVALID');
    expect(codeOf(() => calendar.workingDaysBetween('2026-01-01', '2026-1-2'))).toBe('DATE_INVALID');
    expect(codeOf(() => calendar.addWorkingDays('2026-02-03', -1))).toBe('WORKING_DAYS_INVALID');
    expect(codeOf(() => calendar.addWorkingDays('2026-02-03', 1.5))).toBe('WORKING_DAYS_INVALID');
    expect(codeOf(() => calendar.addWorkingDays('2024-02-29', 1))).toBe('no error');
  });
});

describe('administrator overrides', () => {
  it('win over the packaged data: an extra holiday and a cancelled one', () => {
    const local = createCalendar({
      overrides: [
        { date: '2026-10-08', kind: 'holiday', name: '地方调休' },
        { date: '2026-10-07', kind: 'workday' },
      ],
    });
    expect(local.describeDay('2026-10-08')).toEqual({ date: '2026-10-08', working: false, reason: 'holiday', name: '地方调休' });
    expect(local.describeDay('2026-10-07')).toEqual({ date: '2026-10-07', working: true, reason: 'workday' });
    // 7 Oct now counts and 8 Oct does not: the worked example's count shifts by nothing in total.
    expect(local.addWorkingDays('2026-09-30', 1)).toBe('2026-10-07');
    expect(local.addWorkingDays('2026-09-30', 2)).toBe('2026-10-09');
    expect(local.addWorkingDays('2026-09-24', 20)).toBe('2026-10-29');
  });

  it('make a weekend a make-up working day, or a weekday a holiday', () => {
    const local = createCalendar({ overrides: [{ date: '2026-03-07', kind: 'workday', name: '补班' }, { date: '2026-03-10', kind: 'holiday' }] });
    expect(local.describeDay('2026-03-07')).toEqual({ date: '2026-03-07', working: true, reason: 'make_up_workday', name: '补班' });
    expect(local.addWorkingDays('2026-03-06', 1)).toBe('2026-03-07');
    expect(local.addWorkingDays('2026-03-09', 1)).toBe('2026-03-11');
    expect(calendar.addWorkingDays('2026-03-09', 1)).toBe('2026-03-10');
  });

  it('enter next year: coverage grows with neighbouring years only', () => {
    const nextYear = createCalendar({ overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(nextYear.coverage()).toEqual({ fromYear: 2004, toYear: 2027 });
    expect(nextYear.isWorkingDay('2027-01-01')).toBe(false);
    expect(nextYear.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');

    const farAway = createCalendar({ overrides: [{ date: '2030-06-10', kind: 'holiday', name: '端午' }] });
    expect(farAway.coverage()).toEqual({ fromYear: 2004, toYear: 2026 });
    expect(farAway.isWorkingDay('2030-06-10')).toBe(false);
    expect(farAway.addWorkingDays('2030-06-07', 5)).toBe('2030-06-17');
    expect(farAway.workingDaysBetween('2026-12-31', '2031-01-01')).toBe(calendar.workingDaysBetween('2026-12-31', '2031-01-01') - 1);
  });

  it('are immutable: withOverrides returns a new calendar and the later override of a date wins', () => {
    const base = createCalendar({ overrides: [{ date: '2026-03-10', kind: 'holiday' }] });
    const changed = base.withOverrides([{ date: '2026-03-10', kind: 'workday' }, { date: '2026-03-11', kind: 'holiday' }]);
    expect(base.isWorkingDay('2026-03-10')).toBe(false);
    expect(base.isWorkingDay('2026-03-11')).toBe(true);
    expect(changed.isWorkingDay('2026-03-10')).toBe(true);
    expect(changed.isWorkingDay('2026-03-11')).toBe(false);
    expect(changed.overrides()).toEqual([{ date: '2026-03-10', kind: 'workday' }, { date: '2026-03-11', kind: 'holiday' }]);
    expect(Object.isFrozen(base)).toBe(true);
    expect(Object.isFrozen(base.overrides())).toBe(true);
    const coverage = base.coverage();
    coverage.toYear = 1;
    expect(base.coverage().toYear).toBe(2026);
  });

  it('are checked one by one for the admin form, and refused when the calendar is built', () => {
    expect(
      checkDayOverrides([
        { date: '2026-03-10', kind: 'holiday' },
        { date: '2026-03-10', kind: 'workday' },
        { date: '2026-02-30', kind: 'holiday' },
        { date: '2026-03-12', kind: 'rest' as never },
      ]).map((p) => `${p.field}:${p.code}`)
    ).toEqual(['overrides[1].date:OVERRIDE_DUPLICATE_DATE', 'overrides[2].date:DATE_INVALID', 'overrides[3].kind:OVERRIDE_KIND_INVALID']);
    expect(codeOf(() => createCalendar({ overrides: [{ date: '2026-13-01', kind: 'holiday' }] }))).toBe('DATE_INVALID');
    expect(codeOf(() => createCalendar({ overrides: [{ date: '2026-03-01', kind: 'day-off' as never }] }))).toBe('OVERRIDE_KIND_INVALID');
  });
});
