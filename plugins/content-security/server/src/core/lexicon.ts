import AhoCorasick from 'modern-ahocorasick';

/**
 * Word lists matched with Aho–Corasick (modern-ahocorasick) in one pass over the text, whatever
 * the number of words. Text and words are folded the same way first — full-width to half-width,
 * lower case, whitespace, zero-width characters and filler punctuation dropped — because injected
 * spam is typed as 澳 门 赌 场, 澳-门-赌-场 or ＡＰＰ to slip past naive filters. Offsets are mapped
 * back to the original text.
 */

export const LEXICON_CATEGORIES = ['gambling', 'pornography', 'fraud', 'app_ad', 'sensitive', 'brand', 'allow'] as const;
export type LexiconCategory = (typeof LEXICON_CATEGORIES)[number];

export interface LexiconEntry {
  word: string;
  category: LexiconCategory;
}

export interface LexiconHit {
  word: string;
  category: LexiconCategory;
  start: number;
  end: number;
}

const SKIPPED = /[\s\u200b-\u200d\u2060\ufeff\-_·•*|~^\\/.。、,，]/;

export interface Folded {
  text: string;
  /** Original offset of every folded character. */
  map: Uint32Array;
}

const foldChar = (code: number): number => {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0; // full-width ASCII
  if (code >= 65 && code <= 90) code += 32; // A-Z
  return code;
};

/** A compiled word list. Build once per list version and reuse for every scan. */
export class Lexicon {
  private readonly matcher: AhoCorasick<LexiconEntry> | null;
  readonly size: number;

  constructor(entries: LexiconEntry[]) {
    const seen = new Map<string, LexiconEntry>();
    for (const entry of entries) {
      const word = foldWord(entry.word);
      if (word.length >= 2 && !seen.has(`${entry.category}|${word}`)) seen.set(`${entry.category}|${word}`, { word, category: entry.category });
    }
    const patterns = [...seen.values()];
    this.size = patterns.length;
    this.matcher = patterns.length ? new AhoCorasick(patterns.map((p) => ({ pattern: p.word, data: p }))) : null;
  }

  /** Every occurrence, with offsets in the original text; words inside an `allow` phrase are dropped. */
  search(text: string, folded: Folded = foldText(text)): LexiconHit[] {
    if (!this.matcher || !folded.text) return [];
    const hits: LexiconHit[] = [];
    const allowed: Array<[number, number]> = [];
    for (const match of this.matcher.iterate(folded.text)) {
      const entry = match.data as LexiconEntry;
      const start = folded.map[match.start];
      const end = folded.map[match.end - 1] + 1;
      if (entry.category === 'allow') allowed.push([start, end]);
      else hits.push({ word: entry.word, category: entry.category, start, end });
    }
    if (!allowed.length) return hits;
    return hits.filter((h) => !allowed.some(([s, e]) => s <= h.start && h.end <= e));
  }
}

export const foldWord = (word: string): string => foldText(word.trim()).text;

/** fold() without the chunking subtlety: map indices follow the folded string one to one. */
export const foldText = (text: string): Folded => {
  const map = new Uint32Array(text.length + 1);
  const parts: string[] = [];
  let buffer: number[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Fast path for CJK and ordinary letters; the skip test only for the rest.
    if (code < 0x4e00 || code > 0x9fff) {
      if (SKIPPED.test(text[i])) continue;
    }
    map[n++] = i;
    buffer.push(foldChar(code));
    if (buffer.length === 4096) {
      parts.push(String.fromCharCode(...buffer));
      buffer = [];
    }
  }
  parts.push(String.fromCharCode(...buffer));
  return { text: parts.join(''), map };
};

/** Parses an admin-edited list: one word per line (commas and 、 also separate), # starts a comment. */
export const parseWordList = (raw: string | null | undefined): string[] =>
  (raw ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split(/[,，、;；]/))
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
