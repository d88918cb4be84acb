import { checkValidityPeriodRules, DEFAULT_VALIDITY_PERIOD_RULES, periodEnd, periodYears, reviewReminderDate, type ValidityPeriodRules } from './validity-period';

describe('validity periods of normative documents', () => {
  it('default to 5 years, 2 for 试行/暂行, none for rules, review 6 months before expiry', () => {
    expect(periodYears(DEFAULT_VALIDITY_PERIOD_RULES, 'normative_document', false)).toBe(5);
    expect(periodYears(DEFAULT_VALIDITY_PERIOD_RULES, 'normative_document', true)).toBe(2);
    expect(periodYears(DEFAULT_VALIDITY_PERIOD_RULES, 'rule', false)).toBeNull();
    expect(DEFAULT_VALIDITY_PERIOD_RULES.reviewReminderMonths).toBe(6);
    expect(DEFAULT_VALIDITY_PERIOD_RULES.amendmentRestartsPeriod).toBe(true);
    expect(checkValidityPeriodRules(DEFAULT_VALIDITY_PERIOD_RULES)).toEqual([]);
  });

  it('end the day before the anniversary of the effective date', () => {
    expect(periodEnd('2021-01-01', 5)).toBe('2025-12-31');
    expect(periodEnd('2021-07-15', 2)).toBe('2023-07-14');
    expect(periodEnd('2024-03-01', 5)).toBe('2029-02-28');
    // In force from 29 February: the corresponding day of 28 February, not 27.
    expect(periodEnd('2024-02-29', 5)).toBe('2029-02-28');
  });

  it('send the review reminder N months before expiry, on the last day of a shorter month', () => {
    expect(reviewReminderDate('2025-12-31', DEFAULT_VALIDITY_PERIOD_RULES)).toBe('2025-06-30');
    expect(reviewReminderDate('2026-03-14', DEFAULT_VALIDITY_PERIOD_RULES)).toBe('2025-09-14');
    expect(reviewReminderDate('2026-03-14', { ...DEFAULT_VALIDITY_PERIOD_RULES, reviewReminderMonths: 3 })).toBe('2025-12-14');
  });

  it('are frozen data; local practice is a new value, checked', () => {
    expect(() => {
      (DEFAULT_VALIDITY_PERIOD_RULES as { reviewReminderMonths: number }).reviewReminderMonths = 1;
    }).toThrow(TypeError);
    const local: ValidityPeriodRules = { ...DEFAULT_VALIDITY_PERIOD_RULES, byKind: { rule: null, normative_document: { years: 3, provisionalYears: 1 } } };
    expect(periodYears(local, 'normative_document', true)).toBe(1);
    const bad = { ...DEFAULT_VALIDITY_PERIOD_RULES, byKind: { rule: { years: 0, provisionalYears: 1.5 }, normative_document: null }, reviewReminderMonths: -1 } as ValidityPeriodRules;
    expect(checkValidityPeriodRules(bad).map((r) => [r.code, r.field])).toEqual([
      ['VALIDITY_PERIOD_RULES_INVALID', 'byKind.rule.years'],
      ['VALIDITY_PERIOD_RULES_INVALID', 'byKind.rule.provisionalYears'],
      ['VALIDITY_PERIOD_RULES_INVALID', 'reviewReminderMonths'],
    ]);
  });
});
