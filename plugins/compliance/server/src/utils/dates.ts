/** Calendar days in Asia/Shanghai (fixed +08:00). */
const OFFSET_MS = 8 * 60 * 60 * 1000;

export const shanghaiToday = (now: Date = new Date()): string => new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** A stored date or timestamp (string, Date or epoch number, as SQLite and PostgreSQL return them) as `YYYY-MM-DD` (Asia/Shanghai for instants). */
export const toIsoDay = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // A DATE column read raw from PostgreSQL is a Date at local midnight.
    if (value.getHours() === 0 && value.getMinutes() === 0 && value.getSeconds() === 0 && value.getMilliseconds() === 0) {
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
    }
    return shanghaiToday(value);
  }
  const numeric = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  const date = new Date(numeric as string | number);
  return Number.isNaN(date.getTime()) ? null : shanghaiToday(date);
};

export const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
export const dayAfter = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);
