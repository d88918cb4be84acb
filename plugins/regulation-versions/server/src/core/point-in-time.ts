import { assertDate } from './civil-date';
import type { Regulation, RegulationEvent, RegulationVersion, RepealEvent } from './regulation';
import { buildTimeline, periodOn, type RegulationTimeline } from './timeline';
import { regulationStatusOn } from './validity';
import { DEFAULT_VALIDITY_PERIOD_RULES, type ValidityPeriodRules } from './validity-period';

/**
 * Point in time: which version was (or will be) in force on a date. The answer is a tagged union so the
 * public API can say plainly why there is no version: not yet in force, repealed, or expired.
 */

export type PointInTime =
  | {
      status: 'in_force';
      date: string;
      version: RegulationVersion;
      validity: 'valid' | 'partially_invalid';
      repealedArticles: number[];
      inForceFrom: string;
      /** The last day in force as known today (next version, expiry or repeal), or null. */
      inForceUntil: string | null;
      explanation: string;
    }
  | {
      status: 'not_yet_in_force';
      date: string;
      /** The first effective date, or null when no version has been published. */
      firstEffectiveOn: string | null;
      explanation: string;
    }
  | {
      status: 'repealed';
      date: string;
      repeal: RepealEvent;
      /** The version in force until the repeal, or null when it was repealed before taking effect. */
      lastVersion: RegulationVersion | null;
      explanation: string;
    }
  | {
      status: 'expired';
      date: string;
      /** The last day in force (有效期至). */
      expiresOn: string;
      lastVersion: RegulationVersion;
      explanation: string;
    };

export const pointInTimeFromTimeline = (timeline: RegulationTimeline, date: string): PointInTime => {
  assertDate(date);
  const { repeal } = timeline;
  if (repeal && date >= repeal.effectiveOn) {
    const last = [...timeline.periods].reverse().find((period) => period.comesIntoForce && period.effectiveOn < repeal.effectiveOn);
    return {
      status: 'repealed',
      date,
      repeal,
      lastVersion: last ? timeline.versions.get(last.versionNumber) ?? null : null,
      explanation: `该文件已由${repeal.documentNumber}废止，自${repeal.effectiveOn}起失效`,
    };
  }
  const current = periodOn(timeline, date);
  if (!current) {
    const first = timeline.periods[0]?.effectiveOn ?? null;
    return {
      status: 'not_yet_in_force',
      date,
      firstEffectiveOn: first,
      explanation: first ? `该文件自${first}起施行，${date}尚未施行` : '该文件尚无已发布的版本',
    };
  }
  const version = timeline.versions.get(current.versionNumber) as RegulationVersion;
  if (current.expiresOn && date > current.expiresOn) {
    return {
      status: 'expired',
      date,
      expiresOn: current.expiresOn,
      lastVersion: version,
      explanation: `该文件有效期至${current.expiresOn}，已因有效期届满失效`,
    };
  }
  const status = regulationStatusOn(timeline, date);
  const validity = status.status === 'partially_invalid' ? 'partially_invalid' : 'valid';
  return {
    status: 'in_force',
    date,
    version,
    validity,
    repealedArticles: status.repealedArticles,
    inForceFrom: current.effectiveOn,
    inForceUntil: current.inForceUntil,
    explanation:
      validity === 'partially_invalid'
        ? `${date}施行的是第${version.versionNumber}版（自${current.effectiveOn}起施行），其中第${status.repealedArticles.join('、')}条已失效`
        : `${date}施行的是第${version.versionNumber}版（自${current.effectiveOn}起施行）`,
  };
};

/** The version in force on `date`, or why there is none. */
export const versionInForce = (
  regulation: Regulation,
  versions: readonly RegulationVersion[],
  events: readonly RegulationEvent[],
  date: string,
  rules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES
): PointInTime => pointInTimeFromTimeline(buildTimeline(regulation, versions, events, rules), assertDate(date));
