/**
 * Personal data in free text: resident ID numbers, bank card numbers, mobile numbers and detailed
 * home addresses. Every candidate is checked the way the issuer built it (check digit, birth date,
 * Luhn, number plan), so document numbers, index numbers, dates, amounts, office phone numbers and
 * long numbers that fail their checksum are not reported.
 */

export type PersonalDataType = 'id_number' | 'bank_card' | 'mobile' | 'address';

export interface PersonalMatch {
  type: PersonalDataType;
  start: number;
  end: number;
  /** The matched text as written (kept in memory only; stored results carry the masked preview). */
  value: string;
  masked: string;
}

// --- resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2) ---------------------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** First two digits of a division code: provinces, autonomous regions, municipalities, HK/Macao/Taiwan. */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

export const idCheckCharacter = (first17: string): string => {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
};

const plausibleBirthDate = (year: number, month: number, day: number, today: Date): boolean => {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= today.getTime();
};

export const isResidentIdNumber = (raw: string, today = new Date()): boolean => {
  const value = raw.toUpperCase();
  if (/^\d{17}[\dX]$/.test(value)) {
    if (!PROVINCE_PREFIXES.has(value.slice(0, 2))) return false;
    if (!plausibleBirthDate(Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14)), today)) return false;
    return idCheckCharacter(value.slice(0, 17)) === value[17];
  }
  // Legacy 15-digit numbers (before 1999): division code, YYMMDD of a 19xx birth, sequence; no check digit.
  if (/^\d{15}$/.test(value)) {
    if (!PROVINCE_PREFIXES.has(value.slice(0, 2))) return false;
    return plausibleBirthDate(1900 + Number(value.slice(6, 8)), Number(value.slice(8, 10)), Number(value.slice(10, 12)), today);
  }
  return false;
};

// --- bank cards -----------------------------------------------------------------------------------

export const luhnValid = (digits: string): boolean => {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
};

/** 16-19 digits, Luhn-valid, starting like a card of UnionPay (62), Visa (4), Mastercard (5), JCB/Amex (3) or a domestic 9-prefixed debit card. */
export const isBankCardNumber = (digits: string): boolean =>
  /^[34569]\d{15,18}$/.test(digits) && !/^(\d)\1+$/.test(digits) && luhnValid(digits);

// --- mobile numbers -------------------------------------------------------------------------------

/** Mainland mobile numbers: 1, then 3-9, then nine digits (MIIT number plan). */
export const isMobileNumber = (digits: string): boolean => /^1[3-9]\d{9}$/.test(digits);

// --- masks ----------------------------------------------------------------------------------------

const stars = (n: number) => '*'.repeat(Math.max(0, n));

/** 138****1234 */
export const maskMobile = (digits: string): string => `${digits.slice(0, 3)}${stars(digits.length - 7)}${digits.slice(-4)}`;
/** 35*************123: the first two and the last three characters stay. */
export const maskIdNumber = (value: string): string => `${value.slice(0, 2)}${stars(value.length - 5)}${value.slice(-3)}`;
/** 6222***********1234 */
export const maskBankCard = (digits: string): string => `${digits.slice(0, 4)}${stars(digits.length - 8)}${digits.slice(-4)}`;
/** 张*三, 张*, 欧*娜娜: the second character is masked. */
export const maskName = (name: string): string => {
  const chars = Array.from(name);
  if (chars.length < 2) return name;
  chars[1] = '*';
  return chars.join('');
};
/** Keeps the road, village or estate and masks every digit of the house, building, unit and room. */
export const maskAddress = (place: string, detail: string): string => place + detail.replace(/[0-9０-９一二三四五六七八九十百零〇]/g, '*');

// --- scanning -------------------------------------------------------------------------------------

/** Runs of digits standing alone: not touching other digits, letters, a decimal point, a slash or a hyphen-digit (index numbers, dates, codes). */
const DIGIT_RUN = /(?<![0-9A-Za-z.．\/\-－])\d{10,19}[\dXx]?(?![0-9A-Za-z\/]|[.．]\d|[-－]\d)/g;
/** Grouped forms people type: 138 1234 5678, 6222 0212 3456 7890 123, 330106 19900101 123X. */
const GROUPED = /(?<![0-9A-Za-z.．\/\-－])(?:\d{3}[ -]\d{4}[ -]\d{4}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?|\d{6}[ -]\d{8}[ -]\d{3}[\dXx])(?![0-9A-Za-z\/]|[.．]\d|[-－]\d)/g;

const DETAIL_UNIT = '[0-9０-９一二三四五六七八九十百零〇]{1,5}(?:号楼|号院|号|幢|栋|单元|室|组|弄|户|排)(?:[之\\-－][0-9０-９]{1,4}号?)?';
/** House-number detail (12号, 3幢2单元501室, 5组7号) right after a road, village or estate name. */
const ADDRESS_DETAIL = new RegExp(`(?<=(?:村|社区|小区|花园|公寓|苑|路|街|巷|大道|里|新村|大街|胡同|屯|庄|组|院|大厦|园|城)(?:[东西南北中]段?)?)(?:${DETAIL_UNIT}){1,4}`, 'g');
const DETAIL_LEVELS = new RegExp(DETAIL_UNIT, 'g');
const PLACE_BEFORE = /[\u4e00-\u9fa5]{1,24}$/;

/** Amount or money context right after or before a number: not personal data. */
const MONEY_AFTER = /^\s*(?:元|万元|亿元|千元|美元|块|%|％)/;
const MONEY_BEFORE = /(?:￥|¥|RMB|人民币|金额|合计|总计)\s*[:：]?\s*$/;

export interface ScanOptions {
  /** The text is a cell or a row of a list (spreadsheet, CSV, table): a single house number counts as a home address. */
  tabular?: boolean;
  today?: Date;
}

const classifyDigits = (digits: string, today: Date): PersonalDataType | null => {
  if ((digits.length === 18 || digits.length === 15) && isResidentIdNumber(digits, today)) return 'id_number';
  if (digits.length === 11 && isMobileNumber(digits)) return 'mobile';
  if (digits.length === 13 && digits.startsWith('86') && isMobileNumber(digits.slice(2))) return 'mobile';
  if (digits.length >= 16 && digits.length <= 19 && isBankCardNumber(digits)) return 'bank_card';
  return null;
};

const maskFor = (type: PersonalDataType, value: string, digits: string): string => {
  switch (type) {
    case 'id_number':
      return maskIdNumber(digits.toUpperCase());
    case 'mobile':
      return maskMobile(digits.length === 13 ? digits.slice(2) : digits);
    case 'bank_card':
      return maskBankCard(digits);
    case 'address':
      return value;
  }
};

/** Every piece of personal data in `text`, in order of position. */
export const findPersonalData = (text: string, options: ScanOptions = {}): PersonalMatch[] => {
  const today = options.today ?? new Date();
  const found: PersonalMatch[] = [];
  if (!text) return found;

  const consider = (value: string, start: number) => {
    const digits = value.replace(/[^\dXx]/g, '');
    // An X is only ever the check character of an ID number.
    if (/[Xx]/.test(digits) && !(digits.length === 18 && /[Xx]$/.test(digits))) return;
    if (MONEY_AFTER.test(text.slice(start + value.length, start + value.length + 4)) || MONEY_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return;
    const type = classifyDigits(digits, today);
    if (type) found.push({ type, start, end: start + value.length, value, masked: maskFor(type, value, digits) });
  };
  for (const match of text.matchAll(DIGIT_RUN)) consider(match[0], match.index ?? 0);
  if (/\d[ -]\d/.test(text)) for (const match of text.matchAll(GROUPED)) consider(match[0], match.index ?? 0);

  if (/[号幢栋室组弄户排]/.test(text)) {
    for (const match of text.matchAll(ADDRESS_DETAIL)) {
      const detailStart = match.index ?? 0;
      const levels = match[0].match(DETAIL_LEVELS)?.length ?? 0;
      // In running text a single house number is usually an office or a landmark; two levels (号+室, 幢+单元, 组+号) are a home.
      if (levels < 2 && !options.tabular) continue;
      const place = PLACE_BEFORE.exec(text.slice(Math.max(0, detailStart - 24), detailStart));
      const start = detailStart - (place ? place[0].length : 0);
      const end = detailStart + match[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ type: 'address', start, end, value: text.slice(start, end), masked: maskAddress(text.slice(start, detailStart), match[0]) });
    }
  }

  return found.sort((a, b) => a.start - b.start);
};

/** Rewrites every piece of personal data in `text` with its mask. */
export const maskPersonalData = (text: string, options: ScanOptions = {}): { text: string; masked: PersonalMatch[] } => {
  const matches = findPersonalData(text, options);
  if (!matches.length) return { text, masked: [] };
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + m.masked;
    at = m.end;
  }
  return { text: out + text.slice(at), masked: matches };
};

/**
 * Names of people listed next to their personal data: "姓名：张三" and, in a row that holds
 * personal data, a cell of two to four Chinese characters. Used by "mask and publish" only.
 */
export const NAME_LABEL = /(姓名|户主|申请人|联系人|收款人|领取人)([:：\s]\s*)([\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])/g;

export const maskLabelledNames = (text: string): { text: string; names: string[] } => {
  const names: string[] = [];
  const out = text.replace(NAME_LABEL, (_all, label: string, sep: string, name: string) => {
    names.push(maskName(name));
    return `${label}${sep}${maskName(name)}`;
  });
  return { text: out, names };
};
