import { assertDate } from './civil-date';
import type { Regulation, RegulationEvent, RegulationVersion } from './regulation';
import { buildTimeline, changeDates, periodOn, repealedArticlesOn, type RegulationTimeline } from './timeline';
import { DEFAULT_VALIDITY_PERIOD_RULES, type ValidityPeriodRules } from './validity-period';

/**
 * 有效性, derived from dates and amend/repeal relations — never typed by hand. The same five values
 * (and labels) as the catalogue's 有效性 field, so the glue can write them there.
 */

export const VALIDITY_STATUSES = ['not_yet_effective', 'valid', 'amended', 'partially_invalid', 'invalid'] as const;
export type ValidityStatus = (typeof VALIDITY_STATUSES)[number];

export const VALIDITY_STATUS_LABELS: Record<ValidityStatus, string> = {
  not_yet_effective: '尚未生效',
  valid: '有效',
  amended: '已修改',
  partially_invalid: '部分失效',
  invalid: '失效',
};

/** Why a status is what it is, where the status alone does not say: 失效 is repealed or expired. */
export type StatusReason = 'repealed' | 'expired' | 'superseded' | 'partially_repealed';

export const STATUS_REASON_LABELS: Record<StatusReason, string> = {
  repealed: '已废止',
  expired: '有效期届满',
  superseded: '已被新版本修改',
  partially_repealed: '部分条款已失效',
};

export interface StatusOn {
  status: ValidityStatus;
  label: string;
  reason: StatusReason | null;
  /** Articles no longer in force (部分失效), ascending; empty otherwise. */
  repealedArticles: number[];
}

export interface VersionValidity extends StatusOn {
  versionNumber: number;
}

export interface RegulationValidity extends StatusOn {
  date: string;
  /** The version in force on `date` (有效 or 部分失效), or null. */
  versionInForce: number | null;
  /** Every published version's own status, by version number. */
  versions: VersionValidity[];
}

const statusOn = (status: ValidityStatus, reason: StatusReason | null = null, repealedArticles: number[] = []): StatusOn => ({
  status,
  label: VALIDITY_STATUS_LABELS[status],
  reason,
  repealedArticles,
});

/**
 * The status of one version on `date`: 已修改 once a later version has taken effect (even if the
 * regulation is repealed later: the history keeps saying what replaced it), otherwise that of the
 * regulation while this version is the current one.
 */
export const versionStatusOn = (timeline: RegulationTimeline, versionNumber: number, date: string): StatusOn => {
  const index = timeline.periods.findIndex((period) => period.versionNumber === versionNumber);
  // A draft or unknown version has no force at all.
  if (index < 0) return statusOn('invalid');
  const period = timeline.periods[index];
  const next = timeline.periods[index + 1];
  const repealOn = timeline.repeal?.effectiveOn ?? null;
  if (next && next.effectiveOn <= date && (repealOn === null || next.effectiveOn < repealOn)) return statusOn('amended', 'superseded');
  if (repealOn !== null && date >= repealOn) return statusOn('invalid', 'repealed');
  if (date < period.effectiveOn) return statusOn('not_yet_effective');
  if (period.expiresOn && date > period.expiresOn) return statusOn('invalid', 'expired');
  const repealed = repealedArticlesOn(timeline, versionNumber, date);
  return repealed.length > 0 ? statusOn('partially_invalid', 'partially_repealed', repealed) : statusOn('valid');
};

/** The regulation's status on `date` and the version in force, from an already built timeline. */
export const regulationStatusOn = (timeline: RegulationTimeline, date: string): StatusOn & { versionInForce: number | null } => {
  if (timeline.repeal && date >= timeline.repeal.effectiveOn) return { ...statusOn('invalid', 'repealed'), versionInForce: null };
  const current = periodOn(timeline, date);
  if (!current) return { ...statusOn('not_yet_effective'), versionInForce: null };
  const own = versionStatusOn(timeline, current.versionNumber, date);
  const inForce = own.status === 'valid' || own.status === 'partially_invalid';
  return { ...own, versionInForce: inForce ? current.versionNumber : null };
};

export const validityFromTimeline = (timeline: RegulationTimeline, date: string): RegulationValidity => {
  assertDate(date);
  const versions = [...timeline.versions.keys()]
    .sort((a, b) => a - b)
    .map((versionNumber) => ({ versionNumber, ...versionStatusOn(timeline, versionNumber, date) }));
  return { date, ...regulationStatusOn(timeline, date), versions };
};

/** The status on `date` of the regulation as a whole and of each published version. */
export const validityOn = (
  regulation: Regulation,
  versions: readonly RegulationVersion[],
  events: readonly RegulationEvent[],
  date: string,
  rules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES
): RegulationValidity => validityFromTimeline(buildTimeline(regulation, versions, events, rules), assertDate(date));

export interface StatusTransition {
  from: ValidityStatus;
  to: ValidityStatus;
}

export interface StatusChange {
  /** The first day with the new status. */
  on: string;
  /** Null when only versions change (e.g. a superseded version's status cannot change again). */
  regulation: StatusTransition | null;
  versions: (StatusTransition & { versionNumber: number })[];
  /** The full status on `on`, ready to store. */
  validity: RegulationValidity;
}

// A further partial repeal keeps 部分失效 but changes which articles are out of force: also a change.
const keyOf = (status: StatusOn): string => `${status.status}:${status.repealedArticles.join(',')}`;

/**
 * The next day after `date` on which the stored status of the regulation or of any version changes, or
 * null when nothing further is scheduled. The scheduled job stores `validity` on that day (and can sleep
 * until then).
 */
export const nextStatusChange = (
  regulation: Regulation,
  versions: readonly RegulationVersion[],
  events: readonly RegulationEvent[],
  date: string,
  rules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES
): StatusChange | null => {
  assertDate(date);
  const timeline = buildTimeline(regulation, versions, events, rules);
  const now = validityFromTimeline(timeline, date);
  for (const candidate of changeDates(timeline)) {
    if (candidate <= date) continue;
    const then = validityFromTimeline(timeline, candidate);
    const changedVersions = then.versions
      .map((version, index) => ({ version, before: now.versions[index] }))
      .filter(({ version, before }) => keyOf(version) !== keyOf(before))
      .map(({ version, before }) => ({ versionNumber: version.versionNumber, from: before.status, to: version.status }));
    const regulationChanged = keyOf(then) !== keyOf(now);
    if (regulationChanged || changedVersions.length > 0) {
      return { on: candidate, regulation: regulationChanged ? { from: now.status, to: then.status } : null, versions: changedVersions, validity: then };
    }
  }
  return null;
};
