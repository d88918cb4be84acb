/**
 * Identity documents an applicant gives (Art. 29: 身份证明). Resident ID numbers carry a check
 * digit (GB 11643) and a birth date; unified social credit codes a check character (GB 32100).
 * Passports and permits only have a shape to check.
 */
export const ID_DOCUMENT_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_residence',
  'unified_social_credit_code',
  'other',
] as const;
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number];

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

const isPlausibleBirthDate = (yyyymmdd: string, today: string): boolean => {
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso && iso >= '1900-01-01' && iso <= today;
};

/** 18-digit resident ID with a valid check character and birth date, or a legacy 15-digit one. */
export const isResidentIdNumber = (value: string, today: string): boolean => {
  const id = value.toUpperCase();
  if (/^\d{17}[\dX]$/.test(id)) {
    const sum = RESIDENT_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
    return RESIDENT_CHECK[sum % 11] === id[17] && isPlausibleBirthDate(id.slice(6, 14), today) && Number(id.slice(0, 2)) >= 11;
  }
  if (/^\d{15}$/.test(id)) return isPlausibleBirthDate(`19${id.slice(6, 12)}`, today) && Number(id.slice(0, 2)) >= 11;
  return false;
};

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码: 18 characters from a 31-letter alphabet, the last a mod-31 check character. */
export const isUnifiedSocialCreditCode = (value: string): boolean => {
  const code = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const sum = CREDIT_WEIGHTS.reduce((total, weight, i) => total + weight * CREDIT_CHARS.indexOf(code[i]), 0);
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CHARS[check] === code[17];
};

const SHAPES: Record<Exclude<IdDocumentType, 'resident_id' | 'unified_social_credit_code'>, RegExp> = {
  passport: /^[A-Z0-9]{5,17}$/,
  hk_macao_permit: /^[HM]\d{8,10}$/,
  taiwan_permit: /^(\d{8}|T\d{8}|\d{10})$/,
  foreign_permanent_residence: /^([A-Z]{3}\d{12}|9\d{17})$/,
  other: /^[A-Za-z0-9-]{4,40}$/,
};

export const isValidIdNumber = (type: IdDocumentType, value: string, today: string): boolean => {
  const trimmed = value.trim().toUpperCase();
  if (type === 'resident_id') return isResidentIdNumber(trimmed, today);
  if (type === 'unified_social_credit_code') return isUnifiedSocialCreditCode(trimmed);
  return SHAPES[type].test(trimmed);
};

/** What staff screens show: the first 2 and last 3 characters, e.g. `35*************123`. */
export const maskIdNumber = (value: string): string =>
  value.length <= 5 ? '*'.repeat(value.length) : `${value.slice(0, 2)}${'*'.repeat(value.length - 5)}${value.slice(-3)}`;
