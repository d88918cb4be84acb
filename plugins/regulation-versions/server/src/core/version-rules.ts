import { addDays, isIsoDate } from './civil-date';
import { hasDocumentNumber, sameDocumentNumber } from './document-number';
import { refusal, type Refusal, type RegulationErrorCode } from './errors';
import { isEmptyText } from './legal-text';
import { predecessorOf, publishedVersions, type Regulation, type RegulationEvent, type RegulationVersion } from './regulation';
import { buildTimeline } from './timeline';
import { DEFAULT_VALIDITY_PERIOD_RULES, type ValidityPeriodRules } from './validity-period';

/**
 * The write rules for a new version (an original, an amendment, a correction or a renewal), checked
 * against the versions already stored. Field names in the refusals are the incoming version's.
 *
 * The versions must form one line: each amends or renews the version in force just before it, takes
 * effect after it, and leaves no gap in which nothing was in force. That is what makes "the version in
 * force on a date" a single answer.
 */

// With the link itself wrong, where the version sits in the line means nothing.
const LINK_PROBLEMS: readonly RegulationErrorCode[] = ['PREDECESSOR_REQUIRED', 'PREDECESSOR_UNKNOWN', 'AMENDMENT_BEFORE_AMENDED'];

const describe = (version: RegulationVersion): string => `第${version.versionNumber}版，施行日期${version.effectiveOn}`;

const checkFields = (incoming: RegulationVersion, others: readonly RegulationVersion[]): Refusal[] => {
  const problems: Refusal[] = [];
  const { versionNumber } = incoming;
  if (!(Number.isInteger(versionNumber) && versionNumber >= 1)) {
    problems.push(refusal('VERSION_NUMBER_INVALID', 'versionNumber', versionNumber));
  } else {
    const next = others.reduce((max, version) => Math.max(max, version.versionNumber), 0) + 1;
    if (versionNumber !== next) problems.push(refusal('VERSION_NUMBER_NOT_NEXT', 'versionNumber', versionNumber, `应为${next}`));
  }
  for (const field of ['actDate', 'publishedOn', 'effectiveOn'] as const) {
    if (!isIsoDate(incoming[field])) problems.push(refusal('DATE_INVALID', field, incoming[field]));
  }
  if (incoming.expiresOn !== undefined && incoming.expiresOn !== null && !isIsoDate(incoming.expiresOn)) {
    problems.push(refusal('DATE_INVALID', 'expiresOn', incoming.expiresOn));
  }
  if (!hasDocumentNumber(incoming.actDocumentNumber)) problems.push(refusal('ACT_DOCUMENT_NUMBER_REQUIRED', 'actDocumentNumber', incoming.actDocumentNumber));
  if (isEmptyText(incoming.text)) problems.push(refusal('TEXT_EMPTY', 'text'));
  if (problems.some((problem) => problem.code === 'DATE_INVALID')) return problems;
  if (incoming.publishedOn < incoming.actDate) problems.push(refusal('PUBLISHED_BEFORE_ACT', 'publishedOn', incoming.publishedOn, `成文日期${incoming.actDate}`));
  if (incoming.expiresOn && incoming.expiresOn < incoming.effectiveOn) {
    problems.push(refusal('EXPIRY_BEFORE_EFFECTIVE', 'expiresOn', incoming.expiresOn, `施行日期${incoming.effectiveOn}`));
  }
  return problems;
};

/** Refusals for storing `incoming` next to `versions` (the other versions, drafts included). */
export const checkNewVersion = (
  regulation: Regulation,
  versions: readonly RegulationVersion[],
  events: readonly RegulationEvent[],
  incoming: RegulationVersion,
  rules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES
): Refusal[] => {
  const problems = checkFields(incoming, versions);
  if (problems.some((problem) => problem.code === 'DATE_INVALID')) return problems;

  const prior = publishedVersions(versions).filter((version) => version.versionNumber !== incoming.versionNumber);
  const hasAmends = typeof incoming.amends === 'number';
  const hasRenews = typeof incoming.renews === 'number';
  const predecessorNumber = predecessorOf(incoming);
  const predecessor = prior.find((version) => version.versionNumber === predecessorNumber) ?? null;

  // The link to the version before.
  if (hasAmends && hasRenews) return [...problems, refusal('PREDECESSOR_AMBIGUOUS', 'renews', incoming.renews)];
  if (prior.length === 0) {
    if (predecessorNumber !== null) problems.push(refusal('FIRST_VERSION_HAS_PREDECESSOR', hasAmends ? 'amends' : 'renews', predecessorNumber));
  } else if (predecessorNumber === null) {
    problems.push(refusal('PREDECESSOR_REQUIRED', 'amends'));
  } else if (!predecessor) {
    problems.push(refusal('PREDECESSOR_UNKNOWN', hasAmends ? 'amends' : 'renews', predecessorNumber));
  }

  if (hasRenews) {
    if (regulation.kind !== 'normative_document') problems.push(refusal('RENEWAL_NOT_NORMATIVE_DOCUMENT', 'renews', incoming.renews));
    const reused = [regulation.documentNumber, ...prior.map((version) => version.actDocumentNumber)].find((number) =>
      sameDocumentNumber(number, incoming.actDocumentNumber)
    );
    if (reused) problems.push(refusal('RENEWAL_DOCUMENT_NUMBER_NOT_NEW', 'actDocumentNumber', incoming.actDocumentNumber, `已使用：${reused}`));
  }

  if (predecessor) {
    if (incoming.effectiveOn <= predecessor.effectiveOn) {
      problems.push(refusal('AMENDMENT_BEFORE_AMENDED', 'effectiveOn', incoming.effectiveOn, describe(predecessor)));
    } else if (incoming.actDate < predecessor.actDate) {
      problems.push(refusal('AMENDMENT_BEFORE_AMENDED', 'actDate', incoming.actDate, `第${predecessor.versionNumber}版成文日期${predecessor.actDate}`));
    }
  }

  // Overlap and gaps, on the periods (derived expiry dates included) of the line with `incoming` in it.
  const clash = prior.find((version) => version.effectiveOn === incoming.effectiveOn);
  if (clash) {
    problems.push(refusal('VERSION_PERIODS_OVERLAP', 'effectiveOn', incoming.effectiveOn, describe(clash)));
  } else if (prior.length > 0 && !problems.some((problem) => LINK_PROBLEMS.includes(problem.code))) {
    const { periods } = buildTimeline(regulation, [...prior, { ...incoming, draft: false }], [], rules);
    const at = periods.findIndex((period) => period.versionNumber === incoming.versionNumber);
    const before = periods[at - 1];
    const after = periods[at + 1];
    if (after) {
      // A version in force from a later date already exists: the new one would run alongside it.
      problems.push(refusal('VERSION_PERIODS_OVERLAP', 'effectiveOn', incoming.effectiveOn, describe(prior.find((v) => v.versionNumber === after.versionNumber) as RegulationVersion)));
    } else if (before && before.versionNumber !== predecessorNumber) {
      const running = prior.find((version) => version.versionNumber === before.versionNumber) as RegulationVersion;
      if (!before.expiresOn || before.expiresOn >= incoming.effectiveOn) problems.push(refusal('VERSION_PERIODS_OVERLAP', 'effectiveOn', incoming.effectiveOn, describe(running)));
      else problems.push(refusal('PREDECESSOR_NOT_LATEST', hasAmends ? 'amends' : 'renews', predecessorNumber, `应为第${before.versionNumber}版`));
    } else if (before?.expiresOn && addDays(before.expiresOn, 1) < incoming.effectiveOn) {
      problems.push(refusal('VERSION_AFTER_EXPIRY', 'effectiveOn', incoming.effectiveOn, `第${before.versionNumber}版有效期至${before.expiresOn}`));
    }
  }

  // Events already recorded.
  for (const event of events) {
    if (event.type === 'repeal' && event.effectiveOn <= incoming.effectiveOn) {
      problems.push(refusal('VERSION_AFTER_REPEAL', 'effectiveOn', incoming.effectiveOn, `已由${event.documentNumber}自${event.effectiveOn}起废止`));
    }
    if (event.type === 'partial_repeal' && event.effectiveOn >= incoming.effectiveOn && prior.length > 0) {
      problems.push(refusal('VERSION_BEFORE_PARTIAL_REPEAL', 'effectiveOn', incoming.effectiveOn, `${event.documentNumber}自${event.effectiveOn}起宣布部分条款失效`));
    }
  }
  return problems;
};
