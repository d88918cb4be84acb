import { diffArrays } from 'diff';

/**
 * Lines up two sequences (articles, or paragraphs within an article): identical items are matched by
 * `diffArrays`; between those anchors, a removed item and an added one that are alike enough are taken
 * as one item changed, the rest as removed or added. Pairs never cross, so the order of both sides holds.
 */

export type Aligned<T> =
  | { kind: 'same'; before: T; after: T }
  | { kind: 'changed'; before: T; after: T }
  | { kind: 'removed'; before: T }
  | { kind: 'added'; after: T };

export interface AlignOptions<T> {
  same: (a: T, b: T) => boolean;
  /** 0 … 1; pairs below `threshold` are not taken as the same item. */
  score: (a: T, b: T) => number;
  threshold: number;
}

// Beyond this many candidate pairs in one run, items are paired by position instead of by score.
const MAX_SCORED_PAIRS = 2500;

const pairRun = <T>(removed: T[], added: T[], options: AlignOptions<T>): Map<number, number> => {
  const pairs = new Map<number, number>();
  if (removed.length === 0 || added.length === 0) return pairs;
  if (removed.length * added.length > MAX_SCORED_PAIRS) {
    for (let i = 0; i < Math.min(removed.length, added.length); i += 1) pairs.set(i, i);
    return pairs;
  }
  const candidates: { i: number; j: number; score: number }[] = [];
  removed.forEach((before, i) =>
    added.forEach((after, j) => {
      const score = options.score(before, after);
      if (score >= options.threshold) candidates.push({ i, j, score });
    })
  );
  // Best pairs first; a pair is taken when it does not cross one already taken.
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.i - x.j) - Math.abs(y.i - y.j) || x.i - y.i);
  const taken: [number, number][] = [];
  for (const { i, j } of candidates) {
    if (pairs.has(i) || taken.some(([ti, tj]) => tj === j || (ti < i) !== (tj < j))) continue;
    pairs.set(i, j);
    taken.push([i, j]);
  }
  return pairs;
};

const flushRun = <T>(removed: T[], added: T[], options: AlignOptions<T>, out: Aligned<T>[]): void => {
  const pairs = pairRun(removed, added, options);
  const byAdded = new Map([...pairs].map(([i, j]) => [j, i]));
  let nextRemoved = 0;
  added.forEach((after, j) => {
    const i = byAdded.get(j);
    if (i === undefined) {
      out.push({ kind: 'added', after });
      return;
    }
    // Removed items before the paired one go first, keeping the old order.
    for (; nextRemoved < i; nextRemoved += 1) out.push({ kind: 'removed', before: removed[nextRemoved] });
    out.push({ kind: 'changed', before: removed[i], after });
    nextRemoved = i + 1;
  });
  for (; nextRemoved < removed.length; nextRemoved += 1) out.push({ kind: 'removed', before: removed[nextRemoved] });
  removed.length = 0;
  added.length = 0;
};

export const align = <T>(before: readonly T[], after: readonly T[], options: AlignOptions<T>): Aligned<T>[] => {
  const out: Aligned<T>[] = [];
  const removed: T[] = [];
  const added: T[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays([...before], [...after], { comparator: options.same })) {
    const count = change.value.length;
    if (change.removed) {
      removed.push(...before.slice(i, i + count));
      i += count;
    } else if (change.added) {
      added.push(...after.slice(j, j + count));
      j += count;
    } else {
      flushRun(removed, added, options, out);
      for (let k = 0; k < count; k += 1) out.push({ kind: 'same', before: before[i + k], after: after[j + k] });
      i += count;
      j += count;
    }
  }
  flushRun(removed, added, options, out);
  return out;
};
