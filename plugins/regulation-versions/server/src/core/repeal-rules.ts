import { isIsoDate } from './civil-date';
import { hasDocumentNumber } from './document-number';
import { refusal, type Refusal } from './errors';
import { articleNumbers } from './legal-text';
import { publishedVersions, type PartialRepealEvent, type Regulation, type RegulationEvent, type RegulationVersion, type RepealEvent } from './regulation';
import { buildTimeline, repealedArticlesOn } from './timeline';
import { regulationStatusOn, versionStatusOn } from './validity';
import { DEFAULT_VALIDITY_PERIOD_RULES, type ValidityPeriodRules } from './validity-period';

/**
 * The write rules for repeal (废止) and partial repeal (部分失效). Something no longer in force — repealed,
 * expired, or articles already out of force — cannot be repealed again.
 */

const checkEventFields = (event: RegulationEvent, type: RegulationEvent['type']): Refusal[] => {
  const problems: Refusal[] = [];
  if (event?.type !== type) problems.push(refusal('EVENT_TYPE_UNKNOWN', 'type', event?.type));
  if (!hasDocumentNumber(event?.documentNumber)) problems.push(refusal('REPEAL_DOCUMENT_NUMBER_REQUIRED', 'documentNumber', event?.documentNumber));
  if (!isIsoDate(event?.effectiveOn)) problems.push(refusal('DATE_INVALID', 'effectiveOn', event?.effectiveOn));
  if (event?.actDate !== undefined && event?.actDate !== null && !isIsoDate(event.actDate)) problems.push(refusal('DATE_INVALID', 'actDate', event.actDate));
  return problems;
};

const existingRepeal = (events: readonly RegulationEvent[]): RepealEvent | null =>
  (events.find((event) => event.type === 'repeal') as RepealEvent | undefined) ?? null;

/** Refusals for recording that the whole regulation is repealed by `repeal`. */
export const checkRepeal = (
  regulation: Regulation,
  versions: readonly RegulationVersion[],
  events: readonly RegulationEvent[],
  repeal: RepealEvent,
  rules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES
): Refusal[] => {
  const problems = checkEventFields(repeal, 'repeal');
  if (problems.length > 0) return problems;
  const published = publishedVersions(versions);
  if (published.length === 0) return [refusal('REPEAL_WITHOUT_VERSION')];

  const earlier = existingRepeal(events);
  if (earlier) return [refusal('REPEAL_ALREADY_REPEALED', 'effectiveOn', repeal.effectiveOn, `已由${earlier.documentNumber}自${earlier.effectiveOn}起废止`)];

  const original = [...published].sort((a, b) => a.versionNumber - b.versionNumber)[0];
  if (repeal.effectiveOn < original.actDate) problems.push(refusal('REPEAL_BEFORE_REGULATION', 'effectiveOn', repeal.effectiveOn, `成文日期${original.actDate}`));

  const later = [
    ...published.filter((version) => version.effectiveOn >= repeal.effectiveOn).map((version) => `第${version.versionNumber}版自${version.effectiveOn}起施行`),
    ...events.filter((event) => event.type === 'partial_repeal' && event.effectiveOn >= repeal.effectiveOn).map((event) => `${event.documentNumber}自${event.effectiveOn}起部分失效`),
  ];
  if (later.length > 0) problems.push(refusal('REPEAL_BEFORE_LATER_CHANGE', 'effectiveOn', repeal.effectiveOn, later.join('；')));

  const status = regulationStatusOn(buildTimeline(regulation, versions, events, rules), repeal.effectiveOn);
  if (status.reason === 'expired') problems.push(refusal('REPEAL_AFTER_EXPIRY', 'effectiveOn', repeal.effectiveOn));
  return problems;
};

/** Refusals for recording that some articles of a version are repealed by `partial`. */
export const checkPartialRepeal = (
  regulation: Regulation,
  versions: readonly RegulationVersion[],
  events: readonly RegulationEvent[],
  partial: PartialRepealEvent,
  rules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES
): Refusal[] => {
  const problems = checkEventFields(partial, 'partial_repeal');
  const articles = partial?.articles;
  const articlesValid = Array.isArray(articles) && articles.length > 0 && articles.every((n) => Number.isInteger(n) && n >= 1);
  if (!articlesValid) problems.push(refusal('PARTIAL_REPEAL_ARTICLES_REQUIRED', 'articles', articles));
  if (problems.length > 0) return problems;

  const repeal = existingRepeal(events);
  if (repeal && repeal.effectiveOn <= partial.effectiveOn) {
    return [refusal('REPEAL_ALREADY_REPEALED', 'effectiveOn', partial.effectiveOn, `已由${repeal.documentNumber}自${repeal.effectiveOn}起废止`)];
  }

  const timeline = buildTimeline(regulation, versions, events, rules);
  const onDate = regulationStatusOn(timeline, partial.effectiveOn);
  if (onDate.reason === 'expired') return [refusal('REPEAL_AFTER_EXPIRY', 'effectiveOn', partial.effectiveOn)];

  let versionNumber: number | null = onDate.versionInForce;
  if (partial.versionNumber !== undefined && partial.versionNumber !== null) {
    if (!timeline.versions.has(partial.versionNumber)) return [refusal('VERSION_UNKNOWN', 'versionNumber', partial.versionNumber)];
    versionNumber = partial.versionNumber;
  }
  const target = versionNumber === null ? null : versionStatusOn(timeline, versionNumber, partial.effectiveOn);
  if (versionNumber === null || !target || (target.status !== 'valid' && target.status !== 'partially_invalid')) {
    return [refusal('PARTIAL_REPEAL_VERSION_NOT_IN_FORCE', 'versionNumber', versionNumber ?? undefined, target ? target.label : '该日期没有施行的版本')];
  }

  const existing = articleNumbers((timeline.versions.get(versionNumber) as RegulationVersion).text);
  const unknown = articles.filter((n) => !existing.includes(n));
  if (unknown.length > 0) {
    problems.push(refusal('PARTIAL_REPEAL_ARTICLE_UNKNOWN', 'articles', unknown, existing.length === 0 ? '该版本正文未分条' : `第${versionNumber}版共${existing.length}条`));
    return problems;
  }
  // Every partial repeal of this version counts, whatever its date: an article is repealed once.
  const alreadyOut = new Set(repealedArticlesOn(timeline, versionNumber, '9999-12-31'));
  const again = articles.filter((n) => alreadyOut.has(n));
  if (again.length > 0) problems.push(refusal('PARTIAL_REPEAL_ARTICLE_ALREADY_REPEALED', 'articles', again));
  const remaining = existing.filter((n) => !alreadyOut.has(n) && !articles.includes(n));
  if (again.length === 0 && remaining.length === 0) problems.push(refusal('PARTIAL_REPEAL_COVERS_ALL', 'articles', articles));
  return problems;
};
