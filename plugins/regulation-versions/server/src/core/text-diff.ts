import { diffArrays, diffChars } from 'diff';

/**
 * Diff of one paragraph's text, suited to Chinese: there are no spaces between words, so the text is cut
 * into words with `Intl.Segmenter('zh', { granularity: 'word' })` (dictionary-based in Node's full ICU)
 * and the word lists are diffed with `diffArrays`. Where the runtime has no segmenter, or on request,
 * characters are diffed with `diffChars`. Both come from the `diff` package.
 */

export type DiffGranularity = 'word' | 'char';

/** One run of text: common to both sides, only in the newer (`added`), or only in the older (`removed`). */
export interface DiffPart {
  value: string;
  added?: true;
  removed?: true;
}

interface WordSegmenter {
  segment(text: string): Iterable<{ segment: string }>;
}

// The tsconfig targets ES2020, whose lib has no Intl.Segmenter; Node 20 has it at runtime.
const SegmenterConstructor = (Intl as unknown as { Segmenter?: new (locale: string, options: { granularity: 'word' }) => WordSegmenter }).Segmenter;
let segmenter: WordSegmenter | null | undefined;

const wordSegmenter = (): WordSegmenter | null => {
  if (segmenter === undefined) {
    try {
      segmenter = SegmenterConstructor ? new SegmenterConstructor('zh', { granularity: 'word' }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
};

export const wordSegmentationAvailable = (): boolean => wordSegmenter() !== null;

/** The words (and punctuation and spaces) of `text`, in order; joined they give `text` back. */
export const words = (text: string): string[] => {
  const found = wordSegmenter();
  return found ? Array.from(found.segment(text), (piece) => piece.segment) : Array.from(text);
};

const part = (value: string, added: boolean, removed: boolean): DiffPart => ({
  value,
  ...(added ? { added: true as const } : {}),
  ...(removed ? { removed: true as const } : {}),
});

/** The parts that turn `before` into `after`, removed before added where text was replaced. */
export const diffText = (before: string, after: string, granularity: DiffGranularity = 'word'): DiffPart[] => {
  if (before === after) return before ? [part(before, false, false)] : [];
  if (granularity === 'word' && wordSegmentationAvailable()) {
    return diffArrays(words(before), words(after)).map((change) => part(change.value.join(''), change.added, change.removed));
  }
  return diffChars(before, after).map((change) => part(change.value, change.added, change.removed));
};

const bigrams = (text: string): Map<string, number> => {
  const chars = Array.from(text.replace(/[\s\u3000]+/g, ''));
  const counts = new Map<string, number>();
  if (chars.length === 1) counts.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const gram = chars[i] + chars[i + 1];
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
};

/**
 * How alike two texts are, 0 … 1: the Dice coefficient of their character bigrams. It is linear in the
 * length, so deciding which removed paragraph became which added one stays cheap; the diff proper is
 * left to the `diff` package.
 */
export const similarity = (a: string, b: string): number => {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  let total = 0;
  let common = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    common += Math.min(count, left.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * common) / total;
};
