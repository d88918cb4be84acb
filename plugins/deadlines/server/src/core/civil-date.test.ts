import { civilFromDays, dateOfDayNumber, dayNumber, dayNumberOrNaN, dayOfWeek, daysFromCivil, isIsoDate, isWeekend } from './civil-date';
import { DeadlinesError } from './errors';

describe('civil dates as day numbers', () => {
  it('numbers days from 1970-01-01 like the UTC epoch does', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-09-24')).toBe(Date.UTC(2026, 8, 24) / 86_400_000);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
  });

  it('round-trips every day from 1899 to 2101 and agrees with Date', () => {
    for (let day = dayNumber('1899-01-01'); day <= dayNumber('2101-12-31'); day += 1) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dateOfDayNumber(day) !== iso || dayNumber(iso) !== day) throw new Error(`mismatch at ${iso}`);
    }
    expect(civilFromDays(daysFromCivil(2026, 2, 28))).toEqual({ year: 2026, month: 2, day: 28 });
    expect(dateOfDayNumber(dayNumber('0999-03-01'))).toBe('0999-03-01');
  });

  it('rejects what is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-01', '2026/04/01', '20260401', '2026-04-01T00:00', '', 'abcd-ef-gh']) {
      expect(Number.isNaN(dayNumberOrNaN(bad))).toBe(true);
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate(20260401)).toBe(false);
    expect(() => dayNumber('2026-02-30', 'receivedOn')).toThrow(DeadlinesError);
    try {
      dayNumber('2026-02-30', 'receivedOn');
    } catch (error) {
      expect(error).toMatchObject({ code: 'DATE_INVALID', field: 'receivedOn', value: '2026-02-30' });
    }
  });

  it('knows the weekday', () => {
    expect(dayOfWeek(dayNumber('2026-09-24'))).toBe(4); // Thursday
    expect(dayOfWeek(dayNumber('1969-12-28'))).toBe(0); // a Sunday before the epoch
    expect(isWeekend(dayNumber('2026-09-26'))).toBe(true);
    expect(isWeekend(dayNumber('2026-09-28'))).toBe(false);
  });
});
