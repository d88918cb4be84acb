import { assertDate } from './civil-date';
import type { Regulation, RegulationEvent, RegulationRecord, RegulationVersion } from './regulation';
import { buildTimeline } from './timeline';
import { regulationStatusOn, type ValidityStatus } from './validity';
import { DEFAULT_VALIDITY_PERIOD_RULES, type ValidityPeriodRules } from './validity-period';

/**
 * The currently-valid register (现行有效目录, key-point task 1.2): regulations in force on a date.
 * 部分失效 counts as in force — the rest of the document still applies — and is listed with the
 * articles that are not.
 */

const IN_FORCE: readonly ValidityStatus[] = ['valid', 'partially_invalid'];

export const isCurrentlyValid = (
  regulation: Regulation,
  versions: readonly RegulationVersion[],
  events: readonly RegulationEvent[],
  date: string,
  rules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES
): boolean => IN_FORCE.includes(regulationStatusOn(buildTimeline(regulation, versions, events, rules), assertDate(date)).status);

export interface RegisterEntry<R extends Regulation = Regulation> {
  regulation: R;
  status: 'valid' | 'partially_invalid';
  version: RegulationVersion;
  repealedArticles: number[];
}

/** The register on `date`, in the order given (the glue sorts and filters by region, organ, kind, topic). */
export const currentlyValidRegister = <R extends Regulation>(
  records: readonly RegulationRecord<R>[],
  date: string,
  rules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES
): RegisterEntry<R>[] => {
  assertDate(date);
  const entries: RegisterEntry<R>[] = [];
  for (const { regulation, versions, events } of records) {
    const timeline = buildTimeline(regulation, versions, events, rules);
    const status = regulationStatusOn(timeline, date);
    if (status.versionInForce === null || !IN_FORCE.includes(status.status)) continue;
    entries.push({
      regulation,
      status: status.status as RegisterEntry['status'],
      version: timeline.versions.get(status.versionInForce) as RegulationVersion,
      repealedArticles: status.repealedArticles,
    });
  }
  return entries;
};
