/**
 * Calendar dates as seen in China. Asia/Shanghai has had no daylight saving since 1991,
 * so a fixed +08:00 offset is exact and avoids depending on the host's time-zone data.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of the given instant in Asia/Shanghai. */
export const shanghaiDate = (instant: Date = new Date()): string =>
  new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export const shanghaiYear = (instant: Date = new Date()): number => Number(shanghaiDate(instant).slice(0, 4));

/** The instant a Shanghai calendar day starts, for date-range filters on timestamps. */
export const startOfShanghaiDay = (isoDate: string): string => `${isoDate}T00:00:00.000+08:00`;

/** The instant the next Shanghai calendar day starts (exclusive upper bound of a day). */
export const startOfNextShanghaiDay = (isoDate: string): string => {
  const next = new Date(`${isoDate}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return startOfShanghaiDay(next.toISOString().slice(0, 10));
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Accepts a `YYYY-MM-DD` string, a Date or a timestamp and returns `YYYY-MM-DD`, or null. */
export const toIsoDate = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && ISO_DATE.test(value)) return value;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : shanghaiDate(date);
};

/** Milliseconds since the epoch for any stored timestamp shape (Date, ISO string, number), or null. */
export const toEpochMs = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date.getTime();
};
