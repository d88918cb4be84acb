import { isIsoDate } from './civil-date';
import { refusal, type Refusal } from './errors';

/**
 * The date an application counts as received (收到申请之日, Art. 31). It starts the reply clock, so
 * it is derived from what happened on each channel rather than typed in.
 */

export const RECEIPT_CHANNELS = {
  in_person: { label: '当面提交', rule: '以申请人提交政府信息公开申请之日为收到申请之日' },
  registered_post: { label: '邮寄（需签收）', rule: '以行政机关签收之日为收到申请之日' },
  ordinary_letter: { label: '平常信函', rule: '以行政机关与申请人确认之日为收到申请之日' },
  online: { label: '互联网渠道', rule: '以双方确认之日为收到申请之日' },
  fax: { label: '传真', rule: '以双方确认之日为收到申请之日' },
} as const;

export type ReceiptChannel = keyof typeof RECEIPT_CHANNELS;

export interface ReceiptFacts {
  /** The day the applicant handed in, posted or sent the application. */
  submittedOn: string;
  /** Registered post: the day the agency signed for it. */
  signedForOn?: string | null;
  /** Ordinary letter, online, fax: the day the agency and the applicant confirmed receipt. */
  confirmedOn?: string | null;
}

export type ReceiptDateResult = { ok: true; date: string } | { ok: false; error: Refusal };

const fail = (error: Refusal): ReceiptDateResult => ({ ok: false, error });

const isChannel = (channel: unknown): channel is ReceiptChannel =>
  typeof channel === 'string' && Object.prototype.hasOwnProperty.call(RECEIPT_CHANNELS, channel);

/** The receipt date of an application sent through `channel`, or the refusal naming the missing fact. */
export const receiptDate = (channel: ReceiptChannel, facts: ReceiptFacts): ReceiptDateResult => {
  if (!isChannel(channel)) return fail(refusal('RECEIPT_CHANNEL_UNKNOWN', 'channel', channel));
  const { submittedOn, signedForOn, confirmedOn } = facts ?? ({} as ReceiptFacts);
  if (submittedOn === undefined || submittedOn === null || submittedOn === '') return fail(refusal('SUBMITTED_ON_REQUIRED', 'submittedOn'));
  if (!isIsoDate(submittedOn)) return fail(refusal('DATE_INVALID', 'submittedOn', submittedOn));

  let field: 'submittedOn' | 'signedForOn' | 'confirmedOn';
  if (channel === 'in_person') field = 'submittedOn';
  else if (channel === 'registered_post') field = 'signedForOn';
  else field = 'confirmedOn';

  const date = field === 'submittedOn' ? submittedOn : field === 'signedForOn' ? signedForOn : confirmedOn;
  if (date === undefined || date === null || date === '') {
    return fail(refusal(field === 'signedForOn' ? 'SIGNED_FOR_ON_REQUIRED' : 'CONFIRMED_ON_REQUIRED', field));
  }
  if (!isIsoDate(date)) return fail(refusal('DATE_INVALID', field, date));
  // Signing for or confirming something cannot precede sending it.
  if (date < submittedOn) return fail(refusal('RECEIPT_BEFORE_SUBMISSION', field, date));
  return { ok: true, date };
};
