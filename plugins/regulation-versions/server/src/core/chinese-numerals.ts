/**
 * Chinese numerals as legal texts write them in 第…条 / 第…章: 一 … 十, 二十一, 一百零三, 一千零一;
 * also 〇 and 两, and Arabic digits (some web copies write 第21条).
 */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a Chinese numeral up to 9999 is written with (for building patterns). */
export const CHINESE_NUMERAL_CHARS = '零〇一二三四五六七八九两十百千0-9０-９';

/** The value of a numeral such as `二十一` or `21`; NaN when it is not one. */
export const parseChineseNumeral = (text: string): number => {
  if (typeof text !== 'string' || text.length === 0) return NaN;
  // Full-width digits are digits too.
  const ascii = text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  for (const char of text) {
    if (char in DIGITS) {
      if (pending !== null && pending !== 0) return NaN; // two digits in a row: not a numeral
      pending = DIGITS[char];
    } else if (char in UNITS) {
      const unit = UNITS[char];
      if (unit >= lastUnit) return NaN; // 十百 or 百百: units must fall
      // A bare 十 at the start means 一十 (十一 = 11).
      total += (pending === null || pending === 0 ? (total === 0 && pending === null ? 1 : NaN) : pending) * unit;
      if (Number.isNaN(total)) return NaN;
      pending = null;
      lastUnit = unit;
    } else {
      return NaN;
    }
  }
  return total + (pending ?? 0);
};

const CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The numeral for 1 … 9999 in the form legal texts use: 十, 十一, 二十, 一百零三, 一百一十. */
export const formatChineseNumeral = (n: number): string => {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  const places: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let zero = false;
  for (const [value, unit] of places) {
    const digit = Math.floor(n / value) % 10;
    if (digit === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    // 10-19 are written 十, 十一 … without a leading 一.
    out += value === 10 && digit === 1 && !out ? unit : CHARS[digit] + unit;
  }
  return out;
};
