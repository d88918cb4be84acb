import { addDays, firstDayOfYear, lastDayOfYear } from './civil-date';
import { RegulationError, type Refusal } from './errors';
import { publishedVersions, REGULATION_KINDS, type RegulationKind, type RegulationRecord } from './regulation';
import { buildTimeline } from './timeline';
import { regulationStatusOn } from './validity';
import { DEFAULT_VALIDITY_PERIOD_RULES, type ValidityPeriodRules } from './validity-period';

/**
 * The rules-and-normative-documents rows of the annual report's proactive-disclosure table (国办公开办函
 * 〔2021〕30号): 本年制发件数 / 本年废止件数 / 现行有效件数, for the statistical year 1 January – 31 December.
 *
 * - Made this year: the original version (the lowest version number) was **published** in the year.
 *   制发 is "made and issued": a document is made when it is issued to the public, which is also when it
 *   becomes disclosure work of that year. The signing date (成文日期) may fall in a year in which nothing
 *   was public yet, and the effective date may be months later (a document issued in December and in force
 *   from March would otherwise be made in no report that mentions its issue). Amendments and renewals are
 *   not new documents and are not counted again.
 * - Repealed this year: the repeal took effect in the year (the first day it is no longer in force), the
 *   same date that moves it out of the register, so the two columns describe the same events.
 * - Expired this year (counted separately): the day after its last day in force falls in the year and it
 *   was not renewed. Whether the table's 废止 column includes expiry is local practice: a setting.
 * - Currently valid: 有效 or 部分失效 on 31 December.
 */

export interface AnnualReportCountRules {
  /** Count documents that expired in the year in the 本年废止件数 column too. */
  countExpiryAsRepeal: boolean;
}

export const DEFAULT_ANNUAL_REPORT_COUNT_RULES: AnnualReportCountRules = Object.freeze({ countExpiryAsRepeal: false });

export interface KindCounts {
  made: number;
  repealed: number;
  expired: number;
  currentlyValid: number;
}

/** The three cells the table prints for a kind. */
export interface KindTableRow {
  made: number;
  repealed: number;
  currentlyValid: number;
}

export interface AnnualReportCounts {
  year: number;
  /** The date currently-valid is counted on: 31 December of the year. */
  asOf: string;
  counts: Record<RegulationKind, KindCounts>;
  table: Record<RegulationKind, KindTableRow>;
  /** Regulations left out because their data cannot be read, by position in the input. */
  excluded: { index: number; refusal: Refusal }[];
}

export const annualReportCounts = (
  records: readonly RegulationRecord[],
  year: number,
  validityRules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES,
  countRules: AnnualReportCountRules = DEFAULT_ANNUAL_REPORT_COUNT_RULES
): AnnualReportCounts => {
  if (!(Number.isInteger(year) && year >= 1 && year <= 9999)) throw new RegulationError('REPORT_YEAR_INVALID', 'year', year);
  const first = firstDayOfYear(year);
  const last = lastDayOfYear(year);
  const inYear = (date: string | null | undefined): boolean => typeof date === 'string' && date >= first && date <= last;
  const counts = Object.fromEntries(REGULATION_KINDS.map((kind) => [kind, { made: 0, repealed: 0, expired: 0, currentlyValid: 0 }])) as Record<RegulationKind, KindCounts>;
  const excluded: AnnualReportCounts['excluded'] = [];

  records.forEach(({ regulation, versions, events }, index) => {
    const row = counts[regulation?.kind];
    if (!row) {
      excluded.push({ index, refusal: new RegulationError('REGULATION_KIND_INVALID', 'kind', regulation?.kind).toRefusal() });
      return;
    }
    try {
      const timeline = buildTimeline(regulation, versions, events, validityRules);
      const original = publishedVersions(versions).sort((a, b) => a.versionNumber - b.versionNumber)[0];
      if (original && inYear(original.publishedOn)) row.made += 1;
      if (timeline.repeal && inYear(timeline.repeal.effectiveOn)) row.repealed += 1;
      const final = timeline.periods[timeline.periods.length - 1];
      if (final?.endedBy === 'expired' && final.expiresOn && inYear(addDays(final.expiresOn, 1))) row.expired += 1;
      const status = regulationStatusOn(timeline, last).status;
      if (status === 'valid' || status === 'partially_invalid') row.currentlyValid += 1;
    } catch (error) {
      if (!(error instanceof RegulationError)) throw error;
      excluded.push({ index, refusal: error.toRefusal() });
    }
  });

  const table = Object.fromEntries(
    REGULATION_KINDS.map((kind) => {
      const row = counts[kind];
      return [kind, { made: row.made, repealed: row.repealed + (countRules.countExpiryAsRepeal ? row.expired : 0), currentlyValid: row.currentlyValid }];
    })
  ) as Record<RegulationKind, KindTableRow>;
  return { year, asOf: last, counts, table, excluded };
};
