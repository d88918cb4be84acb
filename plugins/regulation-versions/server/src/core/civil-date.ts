import { RegulationError } from './errors';

/**
 * `YYYY-MM-DD` calendar dates (Asia/Shanghai days). Dates are compared as strings (the format sorts
 * chronologically) and moved by day numbers (days since 1970-01-01) computed from the digits with the
 * days-from-civil formula, so nothing depends on the host's time zone.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];

const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
};

const civilFromDays = (dayNumber: number): { year: number; month: number; day: number } => {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
};

const parts = (date: unknown): { year: number; month: number; day: number } | null => {
  if (typeof date !== 'string') return null;
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
};

export const isIsoDate = (value: unknown): value is string => parts(value) !== null;

/** `date` itself when it is a valid `YYYY-MM-DD` date; throws DATE_INVALID naming `field` otherwise. */
export const assertDate = (date: unknown, field = 'date'): string => {
  if (!isIsoDate(date)) throw new RegulationError('DATE_INVALID', field, date);
  return date;
};

const format = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export const addDays = (date: string, days: number): string => {
  const p = parts(assertDate(date));
  const { year, month, day } = civilFromDays(daysFromCivil(p.year, p.month, p.day) + days);
  return format(year, month, day);
};

/**
 * The corresponding day `months` months later (earlier when negative); when that month has no such day,
 * its last day. This is the rule of 民法典 第二百零三条 for periods counted in months or years.
 */
export const addMonths = (date: string, months: number): string => {
  const p = parts(assertDate(date));
  const index = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return format(year, month, Math.min(p.day, daysInMonth(year, month)));
};

export const addYears = (date: string, years: number): string => addMonths(date, years * 12);

export const yearOf = (date: string): number => Number(date.slice(0, 4));

export const firstDayOfYear = (year: number): string => format(year, 1, 1);
export const lastDayOfYear = (year: number): string => format(year, 12, 31);
