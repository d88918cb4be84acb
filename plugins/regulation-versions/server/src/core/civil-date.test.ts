import { addDays, addMonths, addYears, assertDate, daysInMonth, firstDayOfYear, isIsoDate, lastDayOfYear, yearOf } from './civil-date';
import { RegulationError } from './errors';

describe('civil dates', () => {
  it('accept only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2100-02-29', '2024-13-01', '2024-04-31', '2024-4-01', '2024/04/01', '2024-04-01T00:00', '', 20240401, null]) {
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(() => assertDate('2024-02-30', 'effectiveOn')).toThrow(RegulationError);
    expect(() => assertDate('2024-02-30', 'effectiveOn')).toThrow(expect.objectContaining({ code: 'DATE_INVALID', field: 'effectiveOn' }));
  });

  it('move by days across months, years and leap days, agreeing with Date', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    for (let n = -800; n <= 800; n += 37) {
      const expected = new Date(Date.UTC(2024, 0, 15) + n * 86_400_000).toISOString().slice(0, 10);
      expect(addDays('2024-01-15', n)).toBe(expected);
    }
  });

  it('move by months and years to the corresponding day, or the last day of a shorter month', () => {
    expect(addMonths('2025-12-31', -6)).toBe('2025-06-30');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2020-12-31', 5)).toBe('2025-12-31');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('know years and month lengths', () => {
    expect(yearOf('2025-06-30')).toBe(2025);
    expect(firstDayOfYear(2025)).toBe('2025-01-01');
    expect(lastDayOfYear(2025)).toBe('2025-12-31');
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
  });
});
