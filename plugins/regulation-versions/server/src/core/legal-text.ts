import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from './chinese-numerals';

/**
 * The text of a version, structured the way Chinese legal texts are: chapters (第一章), sections
 * (第一节), articles (第一条) and, within an article, paragraphs (one per line: 款 and 项 alike).
 * A text without articles (many normative documents: 通知, 意见) is one block: its preamble.
 */

export interface Heading {
  number: number;
  /** As in the source: 第一章, 第二节. */
  label: string;
  title: string;
}

export interface Article {
  number: number;
  /** As in the source: 第二十一条. */
  label: string;
  chapter?: Heading | null;
  section?: Heading | null;
  /** The first paragraph is the text after the label, the others the following lines. */
  paragraphs: string[];
}

export interface LegalText {
  /** Paragraphs before the first chapter or article (title lines, preamble); all of a text without articles. */
  preamble: string[];
  articles: Article[];
}

const SPACE = '[\\s\\u3000\\u00a0]';
const HEADING = (unit: string) => new RegExp(`^第([${CHINESE_NUMERAL_CHARS}]+)${unit}(.*)$`);
const ARTICLE_LINE = HEADING('条');
const CHAPTER_LINE = HEADING('章');
const SECTION_LINE = HEADING('节');
const LEADING_SPACE = new RegExp(`^${SPACE}+`);
const ALL_SPACE = new RegExp(`${SPACE}+`, 'g');

const trimLine = (line: string): string => line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');

/**
 * A line opens a heading when the label is followed by a space or nothing (第一条　为了…), or, for copies
 * that lost the space (第一条为了…), when it is the next number in sequence. This keeps a paragraph that
 * starts with a cross-reference (第三条规定的…) inside its article.
 */
const headingOf = (pattern: RegExp, line: string, expected: number): { number: number; label: string; rest: string } | null => {
  const match = pattern.exec(line);
  if (!match) return null;
  const number = parseChineseNumeral(match[1]);
  if (!Number.isInteger(number) || number < 1) return null;
  const rest = match[2];
  if (rest !== '' && !LEADING_SPACE.test(rest) && number !== expected) return null;
  return { number, label: line.slice(0, line.length - rest.length), rest: trimLine(rest) };
};

/** Parses plain text (one paragraph a line; blank lines ignored) into its structure. */
export const parseLegalText = (source: string): LegalText => {
  const text: LegalText = { preamble: [], articles: [] };
  let chapter: Heading | null = null;
  let section: Heading | null = null;
  let current: Article | null = null;

  for (const raw of String(source ?? '').split(/\r\n|\r|\n/)) {
    const line = trimLine(raw);
    if (!line) continue;

    const chapterHeading = headingOf(CHAPTER_LINE, line, (chapter?.number ?? 0) + 1);
    if (chapterHeading) {
      // Chapter titles are often spaced out for layout (总　则); the words carry no spaces.
      chapter = { number: chapterHeading.number, label: chapterHeading.label, title: chapterHeading.rest.replace(ALL_SPACE, '') };
      section = null;
      current = null;
      continue;
    }
    const sectionHeading = headingOf(SECTION_LINE, line, (section?.number ?? 0) + 1);
    if (sectionHeading) {
      section = { number: sectionHeading.number, label: sectionHeading.label, title: sectionHeading.rest.replace(ALL_SPACE, '') };
      current = null;
      continue;
    }
    const lastArticle = text.articles[text.articles.length - 1];
    const articleHeading = headingOf(ARTICLE_LINE, line, (lastArticle?.number ?? 0) + 1);
    if (articleHeading) {
      current = {
        number: articleHeading.number,
        label: articleHeading.label,
        ...(chapter ? { chapter } : {}),
        ...(section ? { section } : {}),
        paragraphs: articleHeading.rest ? [articleHeading.rest] : [],
      };
      text.articles.push(current);
      continue;
    }
    // A line under a heading but before its first article belongs to the article before, if any.
    if (current) current.paragraphs.push(line);
    else if (lastArticle) lastArticle.paragraphs.push(line);
    else text.preamble.push(line);
  }
  return text;
};

/** Plain text again: headings and labels followed by a full-width space, one paragraph a line. */
export const renderLegalText = (text: LegalText): string => {
  const lines = [...text.preamble];
  let chapter: Heading | null = null;
  let section: Heading | null = null;
  for (const article of text.articles) {
    if (article.chapter && article.chapter.label !== chapter?.label) {
      lines.push(`${article.chapter.label}　${article.chapter.title}`.trim());
      section = null;
    }
    chapter = article.chapter ?? null;
    if (article.section && article.section.label !== section?.label) lines.push(`${article.section.label}　${article.section.title}`.trim());
    section = article.section ?? null;
    const [first, ...rest] = article.paragraphs;
    lines.push(first === undefined ? article.label : `${article.label}　${first}`, ...rest);
  }
  return lines.join('\n');
};

export const articleNumbers = (text: LegalText): number[] => text.articles.map((article) => article.number);

export const hasArticles = (text: LegalText): boolean => text.articles.length > 0;

export const isEmptyText = (text: LegalText | null | undefined): boolean =>
  !text ||
  !(
    (Array.isArray(text.preamble) && text.preamble.some((p) => trimLine(String(p)) !== '')) ||
    (Array.isArray(text.articles) && text.articles.length > 0)
  );
