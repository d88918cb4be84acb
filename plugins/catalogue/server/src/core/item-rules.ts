import { checkDocumentNumber } from './document-number';
import { fieldError, type FieldError } from './errors';
import { toEpochMs, toIsoDate } from './china-time';
import { deriveValidity, type Validity } from './validity';

/** The fields of a disclosure item that the catalogue's rules read. */
export interface ItemFields {
  indexNumber?: string | null;
  firstPublishedAt?: string | Date | null;
  documentNumber?: string | null;
  disclosureAttribute?: 'proactive' | 'on_application' | 'not_disclosed' | null;
  nonDisclosureReason?: string | null;
  writtenDate?: string | null;
  formedDate?: string | null;
  effectiveDate?: string | null;
  expiryDate?: string | null;
  validity?: Validity | null;
}

const has = (input: object, key: string) => Object.prototype.hasOwnProperty.call(input, key);
const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Every refusal a write of `input` over `stored` (null on create) earns. Fields the input does not
 * mention are taken from `stored`, so a partial update is judged on the item it produces.
 */
export const checkItemWrite = (input: ItemFields, stored: ItemFields | null, today: string): FieldError[] => {
  const errors: FieldError[] = [];

  // System-set evidence: an input may repeat the stored value (the admin form sends it back), never change it.
  if (has(input, 'indexNumber') && !blank(input.indexNumber) && input.indexNumber !== stored?.indexNumber) {
    errors.push(fieldError('indexNumber', 'INDEX_NUMBER_READ_ONLY', input.indexNumber));
  }
  if (has(input, 'firstPublishedAt') && toEpochMs(input.firstPublishedAt) !== toEpochMs(stored?.firstPublishedAt)) {
    errors.push(fieldError('firstPublishedAt', 'FIRST_PUBLISH_TIME_IMMUTABLE', input.firstPublishedAt));
  }

  const merged: ItemFields = { ...(stored ?? {}), ...input };

  if (has(input, 'documentNumber')) {
    const documentNumberError = checkDocumentNumber(input.documentNumber);
    if (documentNumberError) errors.push(documentNumberError);
  }

  if ((merged.disclosureAttribute === 'on_application' || merged.disclosureAttribute === 'not_disclosed') && blank(merged.nonDisclosureReason)) {
    errors.push(fieldError('nonDisclosureReason', 'NON_DISCLOSURE_REASON_REQUIRED'));
  }

  const written = toIsoDate(merged.writtenDate);
  const formed = toIsoDate(merged.formedDate);
  const effective = toIsoDate(merged.effectiveDate);
  const expiry = toIsoDate(merged.expiryDate);
  if (effective && expiry && expiry < effective) {
    errors.push(fieldError('expiryDate', 'EXPIRY_BEFORE_EFFECTIVE', merged.expiryDate));
  }
  if (written && formed && formed < written) {
    errors.push(fieldError('formedDate', 'FORMED_BEFORE_WRITTEN', merged.formedDate));
  }
  if (formed && formed > today && has(input, 'formedDate')) {
    errors.push(fieldError('formedDate', 'FORMED_DATE_IN_FUTURE', merged.formedDate));
  }

  return errors;
};

/** The validity a write should store, given the item it produces. */
export const validityAfterWrite = (input: ItemFields, stored: ItemFields | null, today: string): Validity => {
  const merged: ItemFields = { ...(stored ?? {}), ...input };
  return deriveValidity(
    { effectiveDate: toIsoDate(merged.effectiveDate), expiryDate: toIsoDate(merged.expiryDate), validity: merged.validity },
    today
  );
};
