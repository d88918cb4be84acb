import { align } from './alignment';
import type { Article, Heading, LegalText } from './legal-text';
import { diffText, similarity, type DiffGranularity, type DiffPart } from './text-diff';

/**
 * The diff between two versions, by article and paragraph, as JSON the admin and the public API can
 * store or render. Articles are matched by content first (so an article that only moved because one was
 * inserted before it shows as renumbered, not changed), then, among the rest, by likeness with a
 * preference for the same number; paragraphs likewise inside a changed article; words inside a changed
 * paragraph.
 */

export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export const DIFF_STATUS_LABELS: Record<DiffStatus, string> = {
  added: '新增',
  removed: '删除',
  changed: '修改',
  unchanged: '未修改',
};

export interface ParagraphDiff {
  status: DiffStatus;
  parts: DiffPart[];
}

export interface ArticleDiff {
  status: DiffStatus;
  /** In the newer version; null for a removed article. */
  number: number | null;
  label: string | null;
  /** In the older version; null for an added article. */
  previousNumber: number | null;
  previousLabel: string | null;
  renumbered: boolean;
  /** The chapter it sits in (the newer version's; the older one's for a removed article). */
  chapter: Heading | null;
  paragraphs: ParagraphDiff[];
}

export interface VersionDiff {
  from: number;
  to: number;
  granularity: DiffGranularity;
  /** Only when both versions carry a title. */
  title: ParagraphDiff | null;
  preamble: ParagraphDiff[];
  articles: ArticleDiff[];
  summary: Record<DiffStatus, number> & { renumbered: number };
}

/** What a diff needs of a version (a `RegulationVersion` fits). */
export interface DiffableVersion {
  versionNumber: number;
  title?: string | null;
  text: LegalText;
}

export interface DiffOptions {
  /** 'word' (default) uses Intl.Segmenter word boundaries where available, else characters. */
  granularity?: DiffGranularity;
}

// Below this likeness a removed and an added paragraph (or article) are shown as such, not as one changed.
const PARAGRAPH_THRESHOLD = 0.4;
const ARTICLE_THRESHOLD = 0.4;
// Amended articles usually keep their number; among alike candidates, the same number wins.
const SAME_NUMBER_BONUS = 0.15;

const paragraph = (status: DiffStatus, parts: DiffPart[]): ParagraphDiff => ({ status, parts });
const whole = (value: string, side: 'added' | 'removed' | null): DiffPart =>
  side === 'added' ? { value, added: true } : side === 'removed' ? { value, removed: true } : { value };

export const diffParagraphs = (before: readonly string[], after: readonly string[], granularity: DiffGranularity = 'word'): ParagraphDiff[] =>
  align(before, after, { same: (a, b) => a === b, score: similarity, threshold: PARAGRAPH_THRESHOLD }).map((item) => {
    switch (item.kind) {
      case 'same':
        return paragraph('unchanged', [whole(item.after, null)]);
      case 'changed':
        return paragraph('changed', diffText(item.before, item.after, granularity));
      case 'removed':
        return paragraph('removed', [whole(item.before, 'removed')]);
      default:
        return paragraph('added', [whole(item.after, 'added')]);
    }
  });

const body = (article: Article): string => article.paragraphs.join('\n');

const articleDiff = (before: Article | null, after: Article | null, granularity: DiffGranularity): ArticleDiff => {
  const paragraphs = diffParagraphs(before?.paragraphs ?? [], after?.paragraphs ?? [], granularity);
  const status: DiffStatus = !before ? 'added' : !after ? 'removed' : paragraphs.every((p) => p.status === 'unchanged') ? 'unchanged' : 'changed';
  return {
    status,
    number: after?.number ?? null,
    label: after?.label ?? null,
    previousNumber: before?.number ?? null,
    previousLabel: before?.label ?? null,
    renumbered: !!before && !!after && before.number !== after.number,
    chapter: (after ?? before)?.chapter ?? null,
    paragraphs,
  };
};

/** The diff from version `a` (older) to version `b` (newer). */
export const diffVersions = (a: DiffableVersion, b: DiffableVersion, options: DiffOptions = {}): VersionDiff => {
  const granularity = options.granularity ?? 'word';
  const articles = align(a.text.articles, b.text.articles, {
    same: (x, y) => body(x) === body(y),
    score: (x, y) => Math.min(1, similarity(body(x), body(y)) + (x.number === y.number ? SAME_NUMBER_BONUS : 0)),
    threshold: ARTICLE_THRESHOLD,
  }).map((item) => articleDiff(item.kind === 'added' ? null : item.before, item.kind === 'removed' ? null : item.after, granularity));

  const summary = { added: 0, removed: 0, changed: 0, unchanged: 0, renumbered: 0 };
  for (const article of articles) {
    summary[article.status] += 1;
    if (article.renumbered) summary.renumbered += 1;
  }
  const title =
    a.title && b.title
      ? a.title === b.title
        ? paragraph('unchanged', [whole(b.title, null)])
        : paragraph('changed', diffText(a.title, b.title, granularity))
      : null;
  return {
    from: a.versionNumber,
    to: b.versionNumber,
    granularity,
    title,
    preamble: diffParagraphs(a.text.preamble, b.text.preamble, granularity),
    articles,
    summary,
  };
};
