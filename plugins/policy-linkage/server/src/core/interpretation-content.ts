import { refusal, type Refusal } from './errors';

/** 解读形式 and 解读主体, as stored (English keys; the admin shows the Chinese labels). */
export const INTERPRETATION_FORMS = ['text', 'graphic', 'video', 'qa', 'press_conference', 'media_interview', 'expert'] as const;
export const INTERPRETERS = ['drafting_department', 'principal_leader', 'expert'] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];

export const FORM_LABELS: Record<InterpretationForm, string> = {
  text: '文字解读',
  graphic: '图解',
  video: '视频解读',
  qa: '问答',
  press_conference: '新闻发布会',
  media_interview: '媒体访谈',
  expert: '专家解读',
};

/** The sections every text interpretation must give in its own words (more are allowed). */
export const SUBSTANTIVE_SECTIONS = ['background', 'purpose', 'keyMeasures'] as const;
export type SubstantiveSection = (typeof SUBSTANTIVE_SECTIONS)[number];

export interface InterpretationContent {
  form?: string | null;
  interpreter?: string | null;
  background?: string | null;
  purpose?: string | null;
  keyMeasures?: string | null;
}

/** Share of a section's character n-grams found in the policy above which it counts as copied. */
export const COPY_THRESHOLD = 0.8;
const NGRAM = 6;

/**
 * Text as a reader compares it: markup, markdown marks, whitespace and punctuation removed, so a
 * copy does not escape by re-wrapping lines or adding bold.
 */
export const comparableText = (value: string | null | undefined): string =>
  (value ?? '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&[a-z]+;/gi, '')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();

const ngrams = (text: string): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i + NGRAM <= text.length; i++) out.add(text.slice(i, i + NGRAM));
  return out;
};

/** How much of `section` is taken word for word from `policyText`, between 0 and 1. */
export const copiedShare = (section: string, policyText: string): number => {
  const own = comparableText(section);
  const source = comparableText(policyText);
  if (!own || !source) return 0;
  if (own.length < NGRAM) return source.includes(own) ? 1 : 0;
  const sourceGrams = ngrams(source);
  let total = 0;
  let found = 0;
  for (let i = 0; i + NGRAM <= own.length; i++) {
    total++;
    if (sourceGrams.has(own.slice(i, i + NGRAM))) found++;
  }
  return found / total;
};

/**
 * Refusals for an interpretation as it will be stored: known form and interpreter, and for a text
 * interpretation the three substantive sections present and not lifted from the policy itself.
 */
export const checkInterpretationContent = (content: InterpretationContent, policyText: string): Refusal[] => {
  const out: Refusal[] = [];
  if (!INTERPRETATION_FORMS.includes(content.form as InterpretationForm)) out.push(refusal('FORM_INVALID', 'form', { value: content.form ?? null }));
  if (content.interpreter != null && !INTERPRETERS.includes(content.interpreter as never)) out.push(refusal('INTERPRETER_INVALID', 'interpreter', { value: content.interpreter }));
  if (content.form !== 'text') return out;
  for (const section of SUBSTANTIVE_SECTIONS) {
    const text = content[section];
    if (!comparableText(text)) out.push(refusal('SECTION_REQUIRED', section));
    else if (copiedShare(text as string, policyText) >= COPY_THRESHOLD) out.push(refusal('SECTION_COPIES_POLICY', section, { copiedShare: Number(copiedShare(text as string, policyText).toFixed(2)) }));
  }
  return out;
};
