import type { ArticleDiff, DiffStatus, ParagraphDiff, VersionDiff } from './version-diff';
import { DIFF_STATUS_LABELS } from './version-diff';

/**
 * A version diff as an HTML fragment ready to render: article headings, `<ins>`/`<del>` for added and
 * removed text, every piece of text HTML-escaped. No scripts, no inline styles or event attributes: only
 * classes (prefix `regulation-diff`) and `data-status`, so the page's stylesheet decides the look and a
 * strict Content-Security-Policy holds.
 */

export interface RenderDiffOptions {
  /** Leave out unchanged articles (a heading count of them is kept). Default: show them. */
  hideUnchanged?: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => String(text).replace(/[&<>"']/g, (char) => ESCAPES[char]);

const CLASS = 'regulation-diff';

const renderParts = (paragraph: ParagraphDiff): string =>
  paragraph.parts
    .map((part) => (part.added ? `<ins>${escapeHtml(part.value)}</ins>` : part.removed ? `<del>${escapeHtml(part.value)}</del>` : escapeHtml(part.value)))
    .join('');

const renderParagraph = (paragraph: ParagraphDiff): string => `<p class="${CLASS}-paragraph" data-status="${paragraph.status}">${renderParts(paragraph)}</p>`;

const statusBadge = (status: DiffStatus): string => `<span class="${CLASS}-status">${DIFF_STATUS_LABELS[status]}</span>`;

const renderArticle = (article: ArticleDiff): string => {
  const label = article.label ?? article.previousLabel ?? '';
  const heading =
    article.status === 'added' ? `<ins>${escapeHtml(label)}</ins>` : article.status === 'removed' ? `<del>${escapeHtml(label)}</del>` : escapeHtml(label);
  const renumbered = article.renumbered ? `<span class="${CLASS}-renumbered">（原${escapeHtml(article.previousLabel ?? '')}）</span>` : '';
  return [
    `<section class="${CLASS}-article" data-status="${article.status}">`,
    `<h4 class="${CLASS}-article-heading">${heading}${renumbered}${statusBadge(article.status)}</h4>`,
    ...article.paragraphs.map(renderParagraph),
    '</section>',
  ].join('');
};

export const renderDiffHtml = (diff: VersionDiff, options: RenderDiffOptions = {}): string => {
  const out: string[] = [`<div class="${CLASS}" data-from="${Number(diff.from)}" data-to="${Number(diff.to)}">`];
  if (diff.title) out.push(`<h2 class="${CLASS}-title" data-status="${diff.title.status}">${renderParts(diff.title)}</h2>`);
  if (diff.preamble.length > 0) out.push(`<section class="${CLASS}-preamble">${diff.preamble.map(renderParagraph).join('')}</section>`);
  let chapter: string | null = null;
  let hidden = 0;
  const flushHidden = () => {
    if (hidden > 0) out.push(`<p class="${CLASS}-hidden">（${hidden}条未修改）</p>`);
    hidden = 0;
  };
  for (const article of diff.articles) {
    // Chapter headings follow the newer version; a removed article stays under the current heading.
    if (article.status !== 'removed' && article.chapter && article.chapter.label !== chapter) {
      flushHidden();
      chapter = article.chapter.label;
      out.push(`<h3 class="${CLASS}-chapter">${escapeHtml(`${article.chapter.label}　${article.chapter.title}`.trim())}</h3>`);
    }
    if (options.hideUnchanged && article.status === 'unchanged' && !article.renumbered) {
      hidden += 1;
      continue;
    }
    flushHidden();
    out.push(renderArticle(article));
  }
  flushHidden();
  out.push('</div>');
  return out.join('');
};
