import { complianceScore, ratio } from './score';

describe('compliance score', () => {
  it('weights timeliness 50, applications 30, freshness 20', () => {
    expect(complianceScore({ timeliness: 1, applications: 1, freshness: 1 })).toBe(100);
    expect(complianceScore({ timeliness: 0.6, applications: 0.5, freshness: ratio(1, 6) })).toBe(48.3);
  });
  it('leaves components without data out and rescales the rest', () => {
    expect(complianceScore({ timeliness: 0.5, applications: null, freshness: null })).toBe(50);
    expect(complianceScore({ timeliness: null, applications: 1, freshness: 0 })).toBe(60);
    expect(complianceScore({})).toBeNull();
  });
  it('is a rate only with a denominator', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(2, 3)).toBe(0.6667);
  });
});
