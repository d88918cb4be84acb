import { findSplicedAds } from './ad-splice';
import { analyseHtml, isAllowedHost } from './html';
import { foldText, type Lexicon, type LexiconCategory } from './lexicon';
import { findPersonalData } from './personal-data';
import { makeFinding, type BlockingCode, type Finding, type FindingLocation } from './findings';

/**
 * One scan over everything a document would publish: its text fields (titles, summaries, rich
 * text with its HTML structure) and the text extracted from its attachments.
 */

export interface TextField {
  field: string;
  value: string;
  /** Rich text: parsed for hidden elements and links before its text is scanned. */
  rich?: boolean;
}

/** A piece of attachment text with its place: a spreadsheet cell, a CSV cell, a PDF or DOCX line. */
export interface AttachmentSegment {
  text: string;
  sheet?: string;
  row?: number;
  column?: string;
  page?: number;
  line?: number;
}

export interface AttachmentText {
  id?: number;
  name: string;
  /** Cells of a table (spreadsheet, CSV) rather than running text. */
  tabular: boolean;
  segments: AttachmentSegment[];
  /** Set when the file could not be read; reported, not silently published. */
  unreadable?: string;
}

export interface ScanRules {
  lexicon: Lexicon | null;
  /** Link hosts allowed besides gov.cn. */
  allowDomains: string[];
  today?: Date;
}

const LEXICON_CODE: Record<Exclude<LexiconCategory, 'brand' | 'allow'>, BlockingCode> = {
  gambling: 'SPAM_CONTENT_FOUND',
  pornography: 'SPAM_CONTENT_FOUND',
  fraud: 'SPAM_CONTENT_FOUND',
  app_ad: 'SPAM_CONTENT_FOUND',
  sensitive: 'SENSITIVE_TERM_FOUND',
};

const context = (text: string, start: number, end: number) => {
  const before = text.slice(Math.max(0, start - 8), start).replace(/[\s\u001f]+/g, ' ');
  const after = text.slice(end, end + 8).replace(/[\s\u001f]+/g, ' ');
  return `${before}【${text.slice(start, end)}】${after}`.trim();
};

/** Personal data, words and spliced ads in one piece of text. */
export const scanText = (text: string, base: FindingLocation, rules: ScanRules, tabular = false, locate?: (offset: number) => FindingLocation): Finding[] => {
  if (!text || !text.trim()) return [];
  const findings: Finding[] = [];
  const at = (offset: number) => (locate ? locate(offset) : base);
  for (const m of findPersonalData(text, { tabular, today: rules.today })) {
    findings.push(makeFinding(m.type, 'PERSONAL_DATA_FOUND', at(m.start), m.value, m.masked));
  }
  const folded = rules.lexicon ? foldText(text) : undefined;
  const hits = rules.lexicon ? rules.lexicon.search(text, folded) : [];
  const ads = findSplicedAds(text, rules.lexicon, folded, hits.filter((h) => h.category === 'brand'));
  for (const hit of hits) {
    if (hit.category === 'brand' || hit.category === 'allow') continue;
    // A listed word inside a spliced phrase (体育app in 开云体育app下载) is one finding: the phrase.
    if (hit.category !== 'sensitive' && ads.some((a) => a.start <= hit.start && hit.end <= a.end)) continue;
    findings.push(makeFinding('lexicon', LEXICON_CODE[hit.category], at(hit.start), hit.word, context(text, hit.start, hit.end), hit.category));
  }
  for (const ad of ads) findings.push(makeFinding('ad_splice', 'SPAM_CONTENT_FOUND', at(ad.start), ad.phrase, context(text, ad.start, ad.end), ad.rule));
  return findings;
};

/** Text fields, rich text structure included. Lines of rich text are located by line number. */
export const scanField = (field: TextField, rules: ScanRules): Finding[] => {
  if (!field.value) return [];
  if (!field.rich) return scanText(field.value, { field: field.field }, rules);
  const findings: Finding[] = [];
  const html = analyseHtml(field.value);
  // Line starts of the extracted text: every finding is located by its line (binary search).
  const starts = [0];
  for (let i = html.text.indexOf('\n'); i >= 0; i = html.text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const where = (offset: number): FindingLocation => ({ field: field.field, line: lineOf(offset) });
  for (const h of html.hidden) {
    const value = `${h.tag}|${h.reason}|${h.text}|${h.links.join(',')}`;
    const preview = [h.text, ...h.links].filter(Boolean).join(' ').slice(0, 160);
    findings.push(makeFinding('hidden_element', 'HIDDEN_CONTENT_FOUND', where(h.textStart), value, preview, h.reason));
  }
  for (const link of html.links) {
    if (!link.host || isAllowedHost(link.host, rules.allowDomains)) continue;
    findings.push(makeFinding('external_link', 'EXTERNAL_LINK_NOT_ALLOWED', where(link.textStart), link.href, link.href.slice(0, 160), link.host));
  }
  if (html.scripts > 0) findings.push(makeFinding('script_element', 'HIDDEN_CONTENT_FOUND', { field: field.field }, `scripts:${html.scripts}`, `<script> × ${html.scripts}`, 'script'));
  // Words and personal data over the whole text in one pass; table rows (cells, markdown pipes) are lists, where one house number is a home address.
  findings.push(...scanText(html.text, { field: field.field }, rules, false, where));
  if (html.text.includes('\t') || html.text.includes('|')) {
    starts.forEach((start, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] - 1 : html.text.length;
      const line = html.text.slice(start, end);
      if (!(line.includes('\t') || /^\s*\|.*\|\s*$/.test(line))) return;
      for (const m of findPersonalData(line, { tabular: true, today: rules.today })) {
        if (m.type === 'address' && !findings.some((f) => f.type === 'address' && f.location.line === i + 1 && f.preview === m.masked)) {
          findings.push(makeFinding('address', 'PERSONAL_DATA_FOUND', { field: field.field, line: i + 1 }, m.value, m.masked));
        }
      }
    });
  }
  return findings;
};

/** Joins the cells of a row for one pass; a control character keeps words and numbers from running across cells. */
const CELL_SEPARATOR = '\u001f';

export const scanAttachment = (attachment: AttachmentText, rules: ScanRules): Finding[] => {
  const findings: Finding[] = [];
  const at = { ...(attachment.id !== undefined ? { id: attachment.id } : {}), name: attachment.name };
  const { segments } = attachment;
  for (let i = 0; i < segments.length; ) {
    const first = segments[i];
    // Cells of one spreadsheet or CSV row are scanned together, each finding located in its cell.
    let j = i + 1;
    if (attachment.tabular && first.row !== undefined) {
      while (j < segments.length && segments[j].row === first.row && segments[j].sheet === first.sheet) j++;
    }
    if (j === i + 1) {
      const { text, ...place } = first;
      findings.push(...scanText(text, { attachment: at, ...place }, rules, attachment.tabular));
    } else {
      const cells = segments.slice(i, j);
      const starts: number[] = [];
      let row = '';
      for (const cell of cells) {
        starts.push(row.length);
        row += cell.text + CELL_SEPARATOR;
      }
      const locate = (offset: number): FindingLocation => {
        let k = starts.length - 1;
        while (k > 0 && starts[k] > offset) k--;
        const { text: _text, ...place } = cells[k];
        return { attachment: at, ...place };
      };
      findings.push(...scanText(row, { attachment: at }, rules, true, locate));
    }
    i = j;
  }
  return findings;
};

export interface DocumentContent {
  fields: TextField[];
  attachments: AttachmentText[];
}

export const scanDocument = (content: DocumentContent, rules: ScanRules): Finding[] => [
  ...content.fields.flatMap((f) => scanField(f, rules)),
  ...content.attachments.flatMap((a) => scanAttachment(a, rules)),
];

/** The same finding reported once (the same value twice in one cell, a phrase in overlapping rules). */
export const uniqueFindings = (findings: Finding[]): Finding[] => {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.fingerprint + JSON.stringify(f.location)) ? false : (seen.add(f.fingerprint + JSON.stringify(f.location)), true)));
};
