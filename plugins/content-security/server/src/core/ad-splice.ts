import type { Folded, Lexicon, LexiconHit } from './lexicon';

/**
 * Advertising spliced into an ordinary sentence: a platform or brand name glued to 体育, 娱乐,
 * 官网, app or 下载 ("……推进营商环境，开云体育app下载，优化……"), a Latin-letter brand with the
 * same suffixes ("KY体育", "bob官网"), and "澳门…娱乐" style phrases.
 */

export interface SpliceHit {
  phrase: string;
  start: number;
  end: number;
  rule: 'brand_suffix' | 'latin_brand_suffix' | 'macau_phrase';
}

const SUFFIX = /^(?:[\s\u200b-\u200d·\-_]*(?:体育|娱乐|官网|官方网站|app|APP|ＡＰＰ|App|下载|注册|开户|入口|平台|彩票|棋牌)){1,3}/;
/** Latin-letter brands: a suffix of a company name (KY体育, BOB官网); not 平台 (5G平台, GIS平台 are everyday words). */
const LATIN_BRAND = /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{1,11})(?:[\s\u200b-\u200d]*(?:体育|娱乐|官网|官方网站|下载|注册|开户|彩票|棋牌|app|APP)){1,3}/g;
/** Words before 下载 or 官网 that are file formats or ordinary apps, not brands. */
const LATIN_ALLOWED = new Set(['app', 'apk', 'ios', 'android', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'ofd', 'zip', 'rar', 'txt', 'csv', 'ppt', 'pptx', 'excel', 'word', 'cad', 'caj', 'exe', 'wifi', 'cba', 'nba', 'fifa', 'cctv']);
const MACAU = /澳门[\u4e00-\u9fa5A-Za-z0-9]{0,6}?(娱乐城|娱乐场|娱乐|赌场|博彩|彩票|葡京|百家乐)/g;

export const findSplicedAds = (text: string, lexicon: Lexicon | null, folded?: Folded, brandHits?: LexiconHit[]): SpliceHit[] => {
  const hits: SpliceHit[] = [];
  const brands = brandHits ?? (lexicon ? lexicon.search(text, folded).filter((h) => h.category === 'brand') : []);
  for (const brand of brands) {
    const after = SUFFIX.exec(text.slice(brand.end, brand.end + 12));
    if (!after) continue;
    // A Latin brand word must stand alone (bob, not "bobcat"; ob, not "job").
    if (/[A-Za-z0-9]/.test(text[brand.start - 1] ?? '') && /[A-Za-z]/.test(text[brand.start])) continue;
    const end = brand.end + after[0].length;
    hits.push({ phrase: text.slice(brand.start, end), start: brand.start, end, rule: 'brand_suffix' });
  }
  if (/[A-Za-z]/.test(text)) {
    for (const m of text.matchAll(LATIN_BRAND)) {
      const start = m.index ?? 0;
      if (LATIN_ALLOWED.has(m[1].toLowerCase())) continue;
      if (hits.some((h) => h.start <= start && start < h.end)) continue;
      hits.push({ phrase: m[0], start, end: start + m[0].length, rule: 'latin_brand_suffix' });
    }
  }
  if (text.includes('澳门')) {
    for (const m of text.matchAll(MACAU)) {
      const start = m.index ?? 0;
      if (hits.some((h) => h.start < start + m[0].length && start < h.end)) continue;
      hits.push({ phrase: m[0], start, end: start + m[0].length, rule: 'macau_phrase' });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
};
