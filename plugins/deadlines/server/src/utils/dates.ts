/** Calendar days in Asia/Shanghai (fixed +08:00; no daylight saving since 1991). */
const OFFSET_MS = 8 * 60 * 60 * 1000;

export const shanghaiToday = (now: Date = new Date()): string => new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** A stored date (string, Date or timestamp, as SQLite and PostgreSQL return them) as `YYYY-MM-DD`. */
export const toIsoDay = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  // A DATE column read raw from PostgreSQL is a Date at local midnight; a timestamp is an instant.
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  const date = new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : shanghaiToday(date);
};

/**
 * The Asia/Shanghai day of an instant (a timestamp column such as the first publish time). Unlike
 * toIsoDay, a Date here is an instant, not a DATE column at local midnight: PostgreSQL returns
 * timestamps as Dates, and their day must not depend on the server's time zone.
 */
export const shanghaiDayOf = (value: unknown): string | null => {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : shanghaiToday(value);
  return toIsoDay(value);
};
