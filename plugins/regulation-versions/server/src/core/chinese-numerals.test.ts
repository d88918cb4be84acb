import { formatChineseNumeral, parseChineseNumeral } from './chinese-numerals';

describe('Chinese numerals of article and chapter numbers', () => {
  it('read the forms legal texts use', () => {
    const cases: [string, number][] = [
      ['一', 1],
      ['十', 10],
      ['十一', 11],
      ['二十', 20],
      ['二十一', 21],
      ['一百', 100],
      ['一百零三', 103],
      ['一百一十', 110],
      ['一百一十二', 112],
      ['两百', 200],
      ['一千零一', 1001],
      ['21', 21],
      ['２１', 21],
    ];
    for (const [text, value] of cases) expect([text, parseChineseNumeral(text)]).toEqual([text, value]);
  });

  it('refuse what is not a numeral', () => {
    for (const bad of ['', '条', '一二', '十十', '百十百', 'a1']) expect(Number.isNaN(parseChineseNumeral(bad))).toBe(true);
  });

  it('write 1 … 9999 and round-trip', () => {
    expect(formatChineseNumeral(10)).toBe('十');
    expect(formatChineseNumeral(15)).toBe('十五');
    expect(formatChineseNumeral(21)).toBe('二十一');
    expect(formatChineseNumeral(103)).toBe('一百零三');
    expect(formatChineseNumeral(110)).toBe('一百一十');
    expect(formatChineseNumeral(1001)).toBe('一千零一');
    for (let n = 1; n <= 2000; n += 1) {
      if (parseChineseNumeral(formatChineseNumeral(n)) !== n) throw new Error(`round trip failed at ${n}`);
    }
  });
});
