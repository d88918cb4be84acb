import { formatIndexNumber, parseIndexNumber } from './index-number';

describe('索引号 (index number)', () => {
  it('formats organisation code, year and a five-digit sequence', () => {
    expect(formatIndexNumber('000014349', 2018, 222)).toBe('000014349/2018-00222');
    expect(formatIndexNumber('11330000002482162W', 2026, 1)).toBe('11330000002482162W/2026-00001');
  });

  it('widens past 99999 instead of wrapping', () => {
    expect(formatIndexNumber('000014349', 2026, 123456)).toBe('000014349/2026-123456');
  });

  it('round-trips through parse', () => {
    expect(parseIndexNumber('000014349/2018-00222')).toEqual({ organizationCode: '000014349', year: 2018, sequence: 222 });
    expect(parseIndexNumber('000014349-2018-00222')).toBeNull();
  });

  it('refuses impossible parts', () => {
    expect(() => formatIndexNumber('abc', 2026, 1)).toThrow('organisation code');
    expect(() => formatIndexNumber('000014349', 2026, 0)).toThrow('sequence');
  });
});
