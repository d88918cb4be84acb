import { interpretationRatio, releaseLag, weekdaysBetween } from './release-lag';

describe('release lag', () => {
  it('counts working days after the policy, late beyond the allowance', () => {
    const between = (a: string, b: string) => weekdaysBetween(a, b);
    expect(releaseLag('2026-11-20', '2026-11-20', 0, between)).toEqual({ lagWorkingDays: 0, late: false });
    // Friday to the next Wednesday: Monday, Tuesday, Wednesday.
    expect(releaseLag('2026-11-20', '2026-11-25', 0, between)).toEqual({ lagWorkingDays: 3, late: true });
    expect(releaseLag('2026-11-20', '2026-11-25', 3, between)).toEqual({ lagWorkingDays: 3, late: false });
    expect(releaseLag('2026-11-25', '2026-11-20', 0, between)).toEqual({ lagWorkingDays: 0, late: false });
  });
  it('skips weekends without a holiday calendar', () => {
    expect(weekdaysBetween('2026-11-27', '2026-11-30')).toBe(1);
    expect(weekdaysBetween('2026-11-23', '2026-12-07')).toBe(10);
  });
  it('gives the interpretation ratio to four places, none without policies', () => {
    expect([interpretationRatio(2, 3), interpretationRatio(0, 0), interpretationRatio(5, 5)]).toEqual([0.6667, null, 1]);
  });
});
