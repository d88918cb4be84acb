import { PACKAGED_COVERAGE, PACKAGED_DAYS } from './packaged-days';

describe('packaged holiday schedule (chinese-days)', () => {
  it('covers 2004-2026, so every year since the 2019 regulation', () => {
    expect(PACKAGED_COVERAGE).toEqual({ fromYear: 2004, toYear: 2026 });
    for (let year = 2019; year <= 2026; year += 1) {
      expect(PACKAGED_DAYS.some((d) => d.kind === 'holiday' && d.date.startsWith(`${year}-10-0`))).toBe(true);
    }
  });

  it('reads holidays and make-up working days with their Chinese names, in date order', () => {
    const national2026 = PACKAGED_DAYS.filter((d) => d.date >= '2026-09-20' && d.date <= '2026-10-10');
    expect(national2026).toEqual([
      { date: '2026-09-20', kind: 'workday', name: '国庆节' },
      { date: '2026-09-25', kind: 'holiday', name: '中秋' },
      { date: '2026-09-26', kind: 'holiday', name: '中秋' },
      { date: '2026-09-27', kind: 'holiday', name: '中秋' },
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday', name: '国庆节' })),
      { date: '2026-10-10', kind: 'workday', name: '国庆节' },
    ]);
    const sorted = [...PACKAGED_DAYS].sort((a, b) => (a.date < b.date ? -1 : 1));
    expect(PACKAGED_DAYS).toEqual(sorted);
    expect(Object.isFrozen(PACKAGED_DAYS)).toBe(true);
  });
});
