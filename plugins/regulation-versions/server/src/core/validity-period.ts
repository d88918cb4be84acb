import { addDays, addMonths, addYears } from './civil-date';
import { refusal, type Refusal } from './errors';
import { REGULATION_KINDS, type RegulationKind } from './regulation';

/**
 * The validity period (有效期) of normative documents, as data. It is local practice — 3 or 5 years,
 * 1 or 2 years for 试行/暂行, review starting 6 months before expiry — so every function takes a
 * `ValidityPeriodRules` value and a province changes configuration, not code.
 */

export interface PeriodYears {
  years: number;
  /** For 试行 and 暂行 documents. */
  provisionalYears: number;
}

export interface ValidityPeriodRules {
  /** The period a version gets when it gives no expiry date; null: the kind has no automatic period. */
  byKind: Record<RegulationKind, PeriodYears | null>;
  /**
   * Whether an amendment starts a new period from its own effective date (true) or keeps the end date of
   * the version it amends (false). A renewal always starts a new period: that is what a renewal is.
   */
  amendmentRestartsPeriod: boolean;
  /** The review reminder goes out this many months before the expiry date. */
  reviewReminderMonths: number;
  basis: string;
  description: string;
}

export const DEFAULT_VALIDITY_PERIOD_RULES: ValidityPeriodRules = deepFreeze({
  byKind: {
    rule: null,
    normative_document: { years: 5, provisionalYears: 2 },
  },
  amendmentRestartsPeriod: true,
  reviewReminderMonths: 6,
  basis: '行政规范性文件有效期制度（各地规范性文件管理规定，可按本地要求调整）',
  description: '行政规范性文件有效期一般为5年，标注“试行”“暂行”的为2年；有效期届满前6个月开始评估，届满未延续的自动失效',
});

/** Refusals for a rules value an administrator entered (years positive, months non-negative, integers). */
export const checkValidityPeriodRules = (rules: ValidityPeriodRules): Refusal[] => {
  const problems: Refusal[] = [];
  for (const kind of REGULATION_KINDS) {
    const period = rules?.byKind?.[kind];
    if (period === null) continue;
    for (const field of ['years', 'provisionalYears'] as const) {
      const value = period?.[field];
      if (!(Number.isInteger(value) && value >= 1)) problems.push(refusal('VALIDITY_PERIOD_RULES_INVALID', `byKind.${kind}.${field}`, value));
    }
  }
  if (!(Number.isInteger(rules?.reviewReminderMonths) && rules.reviewReminderMonths >= 0)) {
    problems.push(refusal('VALIDITY_PERIOD_RULES_INVALID', 'reviewReminderMonths', rules?.reviewReminderMonths));
  }
  if (typeof rules?.amendmentRestartsPeriod !== 'boolean') {
    problems.push(refusal('VALIDITY_PERIOD_RULES_INVALID', 'amendmentRestartsPeriod', rules?.amendmentRestartsPeriod));
  }
  return problems;
};

/** Years of validity for a document of `kind`, or null when the kind has no automatic period. */
export const periodYears = (rules: ValidityPeriodRules, kind: RegulationKind, provisional: boolean): number | null => {
  const period = rules.byKind[kind];
  if (!period) return null;
  return provisional ? period.provisionalYears : period.years;
};

/**
 * The last day of a period of `years` years that starts on `effectiveOn` (that day counted): the day
 * before the anniversary, e.g. 2021-01-01 + 5 years → 2025-12-31. Counted as 民法典 第二百零三条 counts
 * periods in years — the corresponding day of the day before — so a document in force from 29 February
 * runs to 28 February, not 27.
 */
export const periodEnd = (effectiveOn: string, years: number): string => addYears(addDays(effectiveOn, -1), years);

/** The day the review reminder goes out for a document in force until `expiresOn`. */
export const reviewReminderDate = (expiresOn: string, rules: ValidityPeriodRules): string => addMonths(expiresOn, -rules.reviewReminderMonths);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value as Record<string, unknown>).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
