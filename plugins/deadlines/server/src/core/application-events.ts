import type { ResultCode } from './result-codes';

/**
 * What can happen to a disclosure application (依申请公开). An application's history is an
 * append-only list of these events; its state and due date are always derived from the list
 * (see application-clock.ts), never stored beside it.
 */

export type ApplicationEvent =
  /** The application was received; `date` is the receipt date of Art. 31 (see receipt-date.ts). */
  | { type: 'registered'; date: string }
  /** Supplement notice (补正, Art. 30): stops the clock; the applicant must supplement by `dueBy`. */
  | { type: 'supplement_requested'; date: string; dueBy: string }
  /** The supplemented application arrived: the full reply period restarts from this date. */
  | { type: 'supplement_received'; date: string }
  /** No supplement by `dueBy`: the application is deemed abandoned (视为放弃申请). */
  | { type: 'supplement_expired'; date: string }
  /**
   * Consultation of a third party (Art. 32) or of co-authoring agencies (Art. 34) started: the clock
   * pauses and keeps its remaining working days. `partyReceivedOn` is when the consulted party received
   * the request, from which its 15 working days run (defaults to `date`).
   */
  | { type: 'consultation_started'; date: string; party?: ConsultedParty; partyReceivedOn?: string }
  | { type: 'consultation_ended'; date: string }
  /** The one extension of Art. 33: `days` working days added to the reply period. */
  | { type: 'extension_granted'; date: string; days: number; approver: string; applicantNotifiedOn: string }
  /** Fee notice (国办函〔2020〕109号): pauses the clock until the fee is paid. */
  | { type: 'fee_notice_issued'; date: string; amountYuan?: number; payBy?: string }
  | { type: 'fee_paid'; date: string }
  /** The fee was not paid in time: processing ends (result other_fee_unpaid). */
  | { type: 'fee_expired'; date: string }
  /** The reply was made (答复): one of the leaf result codes of the annual report. */
  | { type: 'result_recorded'; date: string; resultCode: ResultCode }
  | { type: 'delivered'; date: string }
  | { type: 'closed'; date: string }
  /** A closed application is handled again (e.g. a review decision ordered a new reply). */
  | { type: 'reopened'; date: string; reason?: string };

export type ApplicationEventType = ApplicationEvent['type'];

export type ConsultedParty = 'third_party' | 'co_authoring_agency';

export const APPLICATION_EVENT_LABELS: Record<ApplicationEventType, string> = {
  registered: '登记收到申请',
  supplement_requested: '告知补正',
  supplement_received: '收到补正',
  supplement_expired: '逾期未补正',
  consultation_started: '开始征求意见',
  consultation_ended: '征求意见结束',
  extension_granted: '延长答复期限',
  fee_notice_issued: '发出收费通知',
  fee_paid: '缴纳费用',
  fee_expired: '逾期未缴费',
  result_recorded: '作出答复',
  delivered: '答复送达',
  closed: '办结归档',
  reopened: '重新办理',
};

export const isApplicationEventType = (value: unknown): value is ApplicationEventType =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(APPLICATION_EVENT_LABELS, value);

export type ApplicationState = 'open' | 'awaiting_supplement' | 'in_consultation' | 'awaiting_fee' | 'answered' | 'delivered' | 'closed' | 'abandoned';

export const APPLICATION_STATE_LABELS: Record<ApplicationState, string> = {
  open: '办理中',
  awaiting_supplement: '等待补正',
  in_consultation: '征求意见中',
  awaiting_fee: '等待缴费',
  answered: '已答复',
  delivered: '已送达',
  closed: '已办结',
  abandoned: '视为放弃',
};
