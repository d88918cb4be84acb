import { AhoCorasick } from '@monyone/aho-corasick';

/**
 * Word lists matched with Aho–Corasick (@monyone/aho-corasick) in one pass over the text, whatever
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

const SKIPPED_CHARS = ' \t\n\r\f\v\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff-_·•*|~^\\/.。、,，';
/** Code units dropped by folding (whitespace, zero-width characters, filler punctuation). */
const SKIPPED = new Uint8Array(0x10000);
for (const ch of SKIPPED_CHARS) SKIPPED[ch.charCodeAt(0)] = 1;

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
  private readonly matcher: AhoCorasick | null;
  /** Folded word → the categories it is listed under. */
  private readonly categories = new Map<string, LexiconCategory[]>();
  readonly size: number;

  constructor(entries: LexiconEntry[]) {
    for (const entry of entries) {
      const word = foldWord(entry.word);
      if (word.length < 2) continue;
      const listed = this.categories.get(word) ?? [];
      if (!listed.includes(entry.category)) listed.push(entry.category);
      this.categories.set(word, listed);
    }
    this.size = this.categories.size;
    this.matcher = this.size ? new AhoCorasick([...this.categories.keys()]) : null;
  }

  /** Every occurrence, with offsets in the original text; words inside an `allow` phrase are dropped. */
  search(text: string, folded: Folded = foldText(text)): LexiconHit[] {
    if (!this.matcher || !folded.text) return [];
    const hits: LexiconHit[] = [];
    const allowed: Array<[number, number]> = [];
    for (const match of this.matcher.matchInText(folded.text)) {
      const start = folded.map[match.begin];
      const end = folded.map[match.end - 1] + 1;
      for (const category of this.categories.get(match.keyword) ?? []) {
        if (category === 'allow') allowed.push([start, end]);
        else hits.push({ word: match.keyword, category, start, end });
      }
    }
    if (!allowed.length) return hits;
    return hits.filter((h) => !allowed.some(([s, e]) => s <= h.start && h.end <= e));
  }
}

export const foldWord = (word: string): string => foldText(word.trim()).text;

/** Folds text for matching; `map[i]` is the original offset of folded character i. */
export const foldText = (text: string): Folded => {
  const map = new Uint32Array(text.length + 1);
  const parts: string[] = [];
  let buffer: number[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (SKIPPED[code]) continue;
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
