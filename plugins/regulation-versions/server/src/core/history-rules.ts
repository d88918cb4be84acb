import { refusal, type Refusal } from './errors';
import { isRegulationKind, type Regulation, type RegulationEvent, type RegulationVersion } from './regulation';
import { checkPartialRepeal, checkRepeal } from './repeal-rules';
import { checkNewVersion } from './version-rules';
import { DEFAULT_VALIDITY_PERIOD_RULES, type ValidityPeriodRules } from './validity-period';

/**
 * Whole-history checks, for imports and seed data: the regulation itself, then every version as if added
 * in version-number order, then every event as if recorded in date order — the same rules the admin
 * applies one write at a time, so an imported history is one the admin could have built.
 */

export const checkRegulation = (regulation: Regulation): Refusal[] => {
  const problems: Refusal[] = [];
  if (!isRegulationKind(regulation?.kind)) problems.push(refusal('REGULATION_KIND_INVALID', 'kind', regulation?.kind));
  if (typeof regulation?.title !== 'string' || regulation.title.trim() === '') problems.push(refusal('TITLE_REQUIRED', 'title', regulation?.title));
  return problems;
};

const under = (prefix: string, problems: Refusal[]): Refusal[] =>
  problems.map((problem) => ({ ...problem, field: problem.field ? `${prefix}.${problem.field}` : prefix }));

export const checkHistory = (
  regulation: Regulation,
  versions: readonly RegulationVersion[],
  events: readonly RegulationEvent[],
  rules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES
): Refusal[] => {
  const problems = checkRegulation(regulation);
  if (problems.length > 0) return problems;

  const accepted: RegulationVersion[] = [];
  const byNumber = versions.map((version, index) => ({ version, index })).sort((a, b) => a.version.versionNumber - b.version.versionNumber);
  for (const { version, index } of byNumber) {
    problems.push(...under(`versions[${index}]`, checkNewVersion(regulation, accepted, [], version, rules)));
    accepted.push(version);
  }
  if (problems.length > 0) return problems; // events are checked against a valid line of versions only

  const recorded: RegulationEvent[] = [];
  const byDate = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.effectiveOn < b.event.effectiveOn ? -1 : a.event.effectiveOn > b.event.effectiveOn ? 1 : a.index - b.index));
  for (const { event, index } of byDate) {
    const found =
      event?.type === 'repeal'
        ? checkRepeal(regulation, versions, recorded, event, rules)
        : event?.type === 'partial_repeal'
          ? checkPartialRepeal(regulation, versions, recorded, event, rules)
          : [refusal('EVENT_TYPE_UNKNOWN', 'type', (event as { type?: unknown })?.type)];
    problems.push(...under(`events[${index}]`, found));
    recorded.push(event);
  }
  return problems;
};
