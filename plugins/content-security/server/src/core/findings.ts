import { createHash } from 'crypto';

/**
 * What a scan reports. A finding never carries the personal data itself: its preview is masked,
 * and its fingerprint (type + place + a hash of the value) lets a supervisor's override follow the
 * same finding across later scans even when the text around it moves.
 */

export type FindingType =
  | 'id_number'
  | 'bank_card'
  | 'mobile'
  | 'address'
  | 'lexicon'
  | 'ad_splice'
  | 'hidden_element'
  | 'external_link'
  | 'script_element';

export const BLOCKING_CODES = {
  PERSONAL_DATA_FOUND: '内容含有个人信息（身份证号、银行卡号、手机号或详细住址），发布前须去标识化处理；可使用“脱敏并发布”',
  SPAM_CONTENT_FOUND: '内容含有赌博、色情、诈骗或APP下载等广告信息，政府网站及政务新媒体不得刊登商业广告',
  HIDDEN_CONTENT_FOUND: '内容含有隐藏元素（暗链或隐藏文字），读者不可见的内容不得发布',
  EXTERNAL_LINK_NOT_ALLOWED: '内容含有指向白名单以外域名的链接',
  SENSITIVE_TERM_FOUND: '内容含有本地配置的敏感词',
} as const;
export type BlockingCode = keyof typeof BLOCKING_CODES;

/** The order in which codes are reported as `details.code` when several are found. */
export const CODE_PRIORITY: BlockingCode[] = ['PERSONAL_DATA_FOUND', 'SPAM_CONTENT_FOUND', 'HIDDEN_CONTENT_FOUND', 'EXTERNAL_LINK_NOT_ALLOWED', 'SENSITIVE_TERM_FOUND'];

export const FINDING_LABELS: Record<FindingType, string> = {
  id_number: '身份证号',
  bank_card: '银行卡号',
  mobile: '手机号',
  address: '详细住址',
  lexicon: '敏感词',
  ad_splice: '拼接广告',
  hidden_element: '隐藏元素',
  external_link: '外部链接',
  script_element: '脚本',
};

export interface FindingLocation {
  /** The content field (title, summary, body, …). */
  field?: string;
  /** An attachment: its media file id and name. */
  attachment?: { id?: number; name: string };
  sheet?: string;
  row?: number;
  column?: string;
  page?: number;
  line?: number;
}

export interface Finding {
  type: FindingType;
  code: BlockingCode;
  location: FindingLocation;
  /** Masked for personal data; the offending phrase, domain or hidden text otherwise. */
  preview: string;
  /** Word-list category, hiding technique, link host … */
  detail?: string;
  fingerprint: string;
  /** Set when a supervisor overrode the finding. */
  overridden?: { by: string; reason: string; at: string };
}

export const PERSONAL_TYPES: FindingType[] = ['id_number', 'bank_card', 'mobile', 'address'];

const locationKey = (l: FindingLocation) =>
  [l.field ?? '', l.attachment?.name ?? '', l.sheet ?? '', l.column ?? '', l.row ?? '', l.page ?? ''].join('|');

export const fingerprintOf = (type: FindingType, location: FindingLocation, value: string): string =>
  createHash('sha256').update(`${type}\u0000${locationKey(location)}\u0000${value}`).digest('hex').slice(0, 24);

export const makeFinding = (type: FindingType, code: BlockingCode, location: FindingLocation, value: string, preview: string, detail?: string): Finding => ({
  type,
  code,
  location,
  preview,
  ...(detail ? { detail } : {}),
  fingerprint: fingerprintOf(type, location, value),
});

/** Where a finding is, in words an editor reads: 正文, 附件“名单.xlsx”第 3 行 C 列. */
export const describeLocation = (l: FindingLocation): string => {
  const parts: string[] = [];
  if (l.field) parts.push(`字段 ${l.field}`);
  if (l.attachment) parts.push(`附件“${l.attachment.name}”`);
  if (l.sheet) parts.push(`工作表“${l.sheet}”`);
  if (l.page) parts.push(`第 ${l.page} 页`);
  if (l.row) parts.push(`第 ${l.row} 行`);
  if (l.column) parts.push(`${l.column} 列`);
  if (l.line) parts.push(`第 ${l.line} 行`);
  return parts.join(' ');
};

/** The findings that still stop publication (not overridden), and the code to report first. */
export const blockingOf = (findings: Finding[]): { code: BlockingCode | null; blocking: Finding[] } => {
  const blocking = findings.filter((f) => !f.overridden);
  const code = CODE_PRIORITY.find((c) => blocking.some((f) => f.code === c)) ?? null;
  return { code, blocking };
};
