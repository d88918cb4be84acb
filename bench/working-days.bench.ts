/**
 * Throughput of the working-day calendar (not a test): `npx tsx bench/working-days.bench.ts`.
 * Prints one JSON line per measurement and exits 1 if addWorkingDays falls under 1,000,000 ops/s,
 * the rate the deadline views need to recompute every open application's clock on each request.
 */
import { createCalendar } from '../plugins/deadlines/server/src/core/calendar';
import { dateOfDayNumber, dayNumber } from '../plugins/deadlines/server/src/core/civil-date';

const TARGET_OPS_PER_SEC = 1_000_000;
const CALLS = Number(process.env.BENCH_CALLS ?? 4_000_000);
const WARM_UP_CALLS = 500_000;
const SAMPLES = 4096; // a power of two, so `i & (SAMPLES - 1)` cycles the inputs

// Deterministic pseudo-random inputs (mulberry32), so runs are comparable.
let seed = 0x5eed;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const first = dayNumber('2019-01-01');
const last = dayNumber('2026-12-31');
const dates = Array.from({ length: SAMPLES }, () => dateOfDayNumber(first + Math.floor(random() * (last - first + 1))));
const otherDates = Array.from({ length: SAMPLES }, () => dateOfDayNumber(first + Math.floor(random() * (last - first + 1))));
const counts = Array.from({ length: SAMPLES }, () => 1 + Math.floor(random() * 60));

const calendar = createCalendar({ overrides: [{ date: '2026-12-31', kind: 'holiday', name: '本地调整' }] });

// The checksum keeps the optimiser from dropping the calls and is printed so the work is observable.
const measure = (bench: string, calls: number, call: (i: number) => number) => {
  let checksum = 0;
  for (let i = 0; i < WARM_UP_CALLS; i += 1) checksum += call(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i += 1) checksum += call(i);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const opsPerSec = Math.round(calls / seconds);
  console.log(JSON.stringify({ bench, opsPerSec, calls, seconds: Number(seconds.toFixed(3)), checksum }));
  return opsPerSec;
};

const addOps = measure('addWorkingDays', CALLS, (i) => calendar.addWorkingDays(dates[i & (SAMPLES - 1)], counts[i & (SAMPLES - 1)]).charCodeAt(9));
measure('workingDaysBetween', CALLS, (i) => calendar.workingDaysBetween(dates[i & (SAMPLES - 1)], otherDates[i & (SAMPLES - 1)]));
measure('isWorkingDay', CALLS, (i) => (calendar.isWorkingDay(dates[i & (SAMPLES - 1)]) ? 1 : 0));

if (addOps < TARGET_OPS_PER_SEC) {
  console.error(`addWorkingDays: ${addOps} ops/s is under the target of ${TARGET_OPS_PER_SEC} ops/s`);
  process.exit(1);
}
