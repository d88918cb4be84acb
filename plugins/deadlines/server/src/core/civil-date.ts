import { DeadlinesError } from './errors';

/**
 * `YYYY-MM-DD` calendar dates (Asia/Shanghai days) as day numbers: days since 1970-01-01.
 *
 * The working-day calendar converts a string to a day number on every call, so this is done by
 * reading the digits and applying the days-from-civil formula (H. Hinnant) rather than by
 * `new Date(...)`, which parses, allocates and depends on the host's time zone.
 */

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const CODE_0 = 48;
const CODE_DASH = 45;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
export const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
};

/** `{ year, month, day }` of a day number; the inverse of `daysFromCivil`. */
export const civilFromDays = (dayNumber: number): { year: number; month: number; day: number } => {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
};

const digit = (text: string, at: number): number => {
  const d = text.charCodeAt(at) - CODE_0;
  return d >= 0 && d <= 9 ? d : NaN;
};

/** Day number of a `YYYY-MM-DD` string, or NaN when it is not a valid date (no throw: hot path). */
export const dayNumberOrNaN = (date: string): number => {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== CODE_DASH || date.charCodeAt(7) !== CODE_DASH) return NaN;
  const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const month = digit(date, 5) * 10 + digit(date, 6);
  const day = digit(date, 8) * 10 + digit(date, 9);
  // NaN fails every comparison, so a non-digit anywhere ends here too.
  if (!(year >= 1 && month >= 1 && month <= 12 && day >= 1)) return NaN;
  if (day > DAYS_IN_MONTH[month] && !(month === 2 && day === 29 && isLeapYear(year))) return NaN;
  return daysFromCivil(year, month, day);
};

/** Day number of a `YYYY-MM-DD` string; throws DATE_INVALID (naming `field`) otherwise. */
export const dayNumber = (date: string, field = 'date'): number => {
  const n = dayNumberOrNaN(date);
  if (n !== n) throw new DeadlinesError('DATE_INVALID', field, date);
  return n;
};

export const isIsoDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(dayNumberOrNaN(value));

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of a day number (years 1-9999). */
export const dateOfDayNumber = (dayNumber: number): string => {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
};

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const dayOfWeek = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7;

export const isWeekend = (dayNumber: number): boolean => {
  const weekday = dayOfWeek(dayNumber);
  return weekday === 0 || weekday === 6;
};

export const yearOf = (date: string): number => Number(date.slice(0, 4));
