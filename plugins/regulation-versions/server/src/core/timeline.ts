import { addDays, assertDate, isIsoDate } from './civil-date';
import { RegulationError } from './errors';
import {
  flagsOf,
  isProvisional,
  publishedVersions,
  type PartialRepealEvent,
  type Regulation,
  type RegulationEvent,
  type RegulationVersion,
  type RepealEvent,
} from './regulation';
import { DEFAULT_VALIDITY_PERIOD_RULES, periodEnd, periodYears, type ValidityPeriodRules } from './validity-period';

/**
 * The in-force periods of a regulation's published versions, from their dates and the events. Every
 * derived status (validity, point in time, register, annual counts) reads this, so they cannot disagree.
 *
 * Versions are ordered by effective date; each is in force from its effective date until the day before
 * the next one takes effect, its expiry date, or the day before the repeal, whichever comes first. The
 * order does not trust the amends/renews links: the write rules make them agree with the dates.
 */

export type ExpirySource = 'explicit' | 'derived' | 'inherited';
export type PeriodEnd = 'superseded' | 'expired' | 'repealed';

export interface VersionPeriod {
  versionNumber: number;
  effectiveOn: string;
  /** The last day the version's own terms allow (有效期至), or null without a period. */
  expiresOn: string | null;
  expirySource: ExpirySource | null;
  /** The last day actually in force as far as known today; null while open-ended. */
  inForceUntil: string | null;
  endedBy: PeriodEnd | null;
  /** False for a version repealed (or superseded) before it took effect. */
  comesIntoForce: boolean;
}

export interface ResolvedPartialRepeal {
  event: PartialRepealEvent;
  /** The version whose articles it repeals (given, or the one in force on its date). */
  versionNumber: number;
}

export interface RegulationTimeline {
  /** By effective date. */
  periods: VersionPeriod[];
  versions: Map<number, RegulationVersion>;
  /** The earliest repeal, if several were (wrongly) recorded. */
  repeal: RepealEvent | null;
  partialRepeals: ResolvedPartialRepeal[];
}

const versionLabel = (version: RegulationVersion): string => `第${version.versionNumber}版`;

const checkedDate = (value: unknown, field: string, detail: string): string => {
  if (!isIsoDate(value)) throw new RegulationError('DATE_INVALID', field, value, detail);
  return value;
};

const expiryOf = (
  regulation: Regulation,
  version: RegulationVersion,
  previous: VersionPeriod | undefined,
  byNumber: Map<number, VersionPeriod>,
  rules: ValidityPeriodRules
): { expiresOn: string | null; expirySource: ExpirySource | null } => {
  if (version.expiresOn) return { expiresOn: checkedDate(version.expiresOn, 'expiresOn', versionLabel(version)), expirySource: 'explicit' };
  if (version.openEnded) return { expiresOn: null, expirySource: null };
  const years = periodYears(rules, regulation.kind, isProvisional(flagsOf(regulation, version)));
  if (years === null) return { expiresOn: null, expirySource: null };
  const isAmendment = typeof version.amends === 'number' && typeof version.renews !== 'number';
  if (isAmendment && !rules.amendmentRestartsPeriod) {
    const amended = byNumber.get(version.amends as number) ?? previous;
    if (amended) return { expiresOn: amended.expiresOn, expirySource: amended.expiresOn ? 'inherited' : null };
  }
  return { expiresOn: periodEnd(version.effectiveOn, years), expirySource: 'derived' };
};

export const buildTimeline = (
  regulation: Regulation,
  versions: readonly RegulationVersion[],
  events: readonly RegulationEvent[],
  rules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES
): RegulationTimeline => {
  const published = publishedVersions(versions ?? []);
  for (const version of published) {
    checkedDate(version.effectiveOn, 'effectiveOn', versionLabel(version));
  }
  const sorted = [...published].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.versionNumber - b.versionNumber));

  let repeal: RepealEvent | null = null;
  const partialEvents: PartialRepealEvent[] = [];
  for (const event of events ?? []) {
    checkedDate(event?.effectiveOn, 'effectiveOn', event?.documentNumber ?? '');
    if (event.type === 'repeal') {
      if (!repeal || event.effectiveOn < repeal.effectiveOn) repeal = event;
    } else if (event.type === 'partial_repeal') {
      partialEvents.push(event);
    } else {
      throw new RegulationError('EVENT_TYPE_UNKNOWN', 'type', (event as { type?: unknown })?.type);
    }
  }

  const periods: VersionPeriod[] = [];
  const byNumber = new Map<number, VersionPeriod>();
  sorted.forEach((version) => {
    const { expiresOn, expirySource } = expiryOf(regulation, version, periods[periods.length - 1], byNumber, rules);
    const period: VersionPeriod = {
      versionNumber: version.versionNumber,
      effectiveOn: version.effectiveOn,
      expiresOn,
      expirySource,
      inForceUntil: null,
      endedBy: null,
      comesIntoForce: true,
    };
    periods.push(period);
    byNumber.set(version.versionNumber, period);
  });

  periods.forEach((period, index) => {
    // Candidates for the last day in force; on a tie the earlier-listed reason wins.
    const ends: [string, PeriodEnd][] = [];
    const next = periods[index + 1];
    if (next) ends.push([addDays(next.effectiveOn, -1), 'superseded']);
    if (repeal) ends.push([addDays(repeal.effectiveOn, -1), 'repealed']);
    if (period.expiresOn) ends.push([period.expiresOn, 'expired']);
    let best: [string, PeriodEnd] | null = null;
    for (const end of ends) if (!best || end[0] < best[0]) best = end;
    if (best) {
      period.inForceUntil = best[0];
      period.endedBy = best[1];
      period.comesIntoForce = best[0] >= period.effectiveOn;
    }
  });

  const partialRepeals: ResolvedPartialRepeal[] = [];
  for (const event of [...partialEvents].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0))) {
    const versionNumber =
      typeof event.versionNumber === 'number' ? event.versionNumber : periodOn({ periods } as RegulationTimeline, event.effectiveOn)?.versionNumber;
    if (typeof versionNumber === 'number' && byNumber.has(versionNumber)) partialRepeals.push({ event, versionNumber });
  }

  return { periods, versions: new Map(sorted.map((version) => [version.versionNumber, version])), repeal, partialRepeals };
};

/** The period of the latest version that has taken effect by `date` (in force or not), if any. */
export const periodOn = (timeline: Pick<RegulationTimeline, 'periods'>, date: string): VersionPeriod | null => {
  assertDate(date);
  let found: VersionPeriod | null = null;
  for (const period of timeline.periods) {
    if (period.effectiveOn <= date) found = period;
    else break;
  }
  return found;
};

/** Articles of `versionNumber` repealed by partial repeals in effect on `date`, ascending. */
export const repealedArticlesOn = (timeline: RegulationTimeline, versionNumber: number, date: string): number[] => {
  const articles = new Set<number>();
  for (const { event, versionNumber: target } of timeline.partialRepeals) {
    if (target === versionNumber && event.effectiveOn <= date) for (const article of event.articles ?? []) articles.add(article);
  }
  return [...articles].sort((a, b) => a - b);
};

/** Every date on which some status may change: effective dates, days after expiry, event dates. */
export const changeDates = (timeline: RegulationTimeline): string[] => {
  const dates = new Set<string>();
  for (const period of timeline.periods) {
    dates.add(period.effectiveOn);
    if (period.expiresOn) dates.add(addDays(period.expiresOn, 1));
  }
  if (timeline.repeal) dates.add(timeline.repeal.effectiveOn);
  for (const { event } of timeline.partialRepeals) dates.add(event.effectiveOn);
  return [...dates].sort();
};
