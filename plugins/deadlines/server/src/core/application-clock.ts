import {
  APPLICATION_STATE_LABELS,
  isApplicationEventType,
  type ApplicationEvent,
  type ApplicationEventType,
  type ApplicationState,
} from './application-events';
import type { DayDescription, WorkingDayCalendar } from './calendar';
import { isIsoDate } from './civil-date';
import type { ClockRules } from './clock-rules';
import { DeadlinesError, refusal, type Refusal } from './errors';
import { isResultCode, RESULT_CODES, type ResultCode } from './result-codes';

/**
 * The reply clock of a disclosure application (Art. 30-33), replayed from its append-only event list.
 *
 * The clock is a starting day plus a number of working days: the due date is always
 * `addWorkingDays(anchor, days)`. Pausing (consultation, fee) keeps the working days still left;
 * resuming counts them again from the day after the resume. A supplement notice stops the clock and the
 * supplement restarts the full period. An extension adds its days. This keeps every due date
 * explainable as one `explainAddWorkingDays` call.
 */

type Clock =
  | { mode: 'running'; anchor: string; days: number }
  /** `resumesAfter`: the consultation limit, after which the pause no longer counts (see ClockRules). */
  | { mode: 'paused'; kept: number; resumesAfter: string | null }
  | { mode: 'stopped' }
  /** Answered: the due date that applied, kept for lateness and explanation. */
  | { mode: 'ended'; anchor: string; days: number };

/** Everything the replay knows after a prefix of the events. */
interface Progress {
  state: ApplicationState;
  lastDate: string;
  receivedOn: string;
  clock: Clock;
  supplementRequests: number;
  supplement: { requestedOn: string; dueBy: string; receivedOn: string | null } | null;
  /** `paused`: whether the consultation paused the clock (it does not once the clock has run out). */
  consultation: { startedOn: string; limitEndsOn: string; paused: boolean } | null;
  feeNotices: number;
  fee: { issuedOn: string; payBy: string } | null;
  extensions: number;
  /** A consultation, extension or fee notice has happened: too late for a supplement notice. */
  processingStarted: boolean;
  lateSupplementRequest: boolean;
  resultCode: ResultCode | null;
  resultOn: string | null;
}

export type ClockEffect =
  | 'clock_started'
  | 'clock_stopped'
  | 'clock_restarted'
  | 'clock_paused'
  | 'clock_resumed'
  | 'due_date_extended'
  | 'clock_ended'
  | 'no_effect'
  | 'ignored';

export interface ClockTraceEntry {
  index: number;
  event: ApplicationEventType | string;
  date: string;
  effect: ClockEffect;
  /** What the event did to the clock, in Chinese, for the user. */
  note: string;
  state: ApplicationState | null;
  /** The due date after the event; null while the clock is paused or stopped. */
  dueDate: string | null;
  /** Working days left after the event: kept while paused, counted from the event date while running. */
  remainingWorkingDays: number | null;
  /** Why the event was ignored (only with effect `ignored`: it should have been refused on entry). */
  refusal?: Refusal;
}

export interface DueDateExplanation {
  /** The day the current count started from (receipt, supplement, resume …); it is not counted. */
  from: string;
  workingDays: number;
  dueDate: string;
  skipped: DayDescription[];
  makeUpDays: DayDescription[];
  outsideCoverage: boolean;
}

export interface ApplicationClock {
  state: ApplicationState;
  receivedOn: string;
  dueDate: string | null;
  remainingWorkingDays: number | null;
  dueSoon: boolean;
  overdue: boolean;
  /** Working days late: of the reply when answered, or so far when overdue; 0 otherwise. */
  daysLate: number;
  lateSupplementRequest: boolean;
  extensionUsed: boolean;
  resultCode: ResultCode | null;
  resultOn: string | null;
  /** While waiting for a supplement: the applicant's deadline. */
  supplementDueBy: string | null;
  /** While in consultation: when the consulted party's time runs out. */
  consultationEndsBy: string | null;
  /** While waiting for the fee: the payment deadline. */
  feePayBy: string | null;
  trace: ClockTraceEntry[];
  /** How the current (or, once answered, the applicable) due date was counted; null without one. */
  dueDateExplanation: DueDateExplanation | null;
}

interface Context {
  calendar: WorkingDayCalendar;
  rules: ClockRules;
}

// ---------------------------------------------------------------------------------------------
// The clock

/** The clock as it stands on `date`: a paused consultation resumes by itself once its limit has passed. */
const clockOn = (clock: Clock, date: string): Clock =>
  clock.mode === 'paused' && clock.resumesAfter !== null && date > clock.resumesAfter
    ? { mode: 'running', anchor: clock.resumesAfter, days: clock.kept }
    : clock;

type CountingClock = Extract<Clock, { mode: 'running' | 'ended' }>;

const isCounting = (clock: Clock): clock is CountingClock => clock.mode === 'running' || clock.mode === 'ended';

const dueDateOf = (clock: CountingClock, { calendar }: Context): string => calendar.addWorkingDays(clock.anchor, clock.days);

const dueOf = (clock: Clock, ctx: Context): string | null => (isCounting(clock) ? dueDateOf(clock, ctx) : null);

/** The replay keeps these facts in step with the state; a missing one is a bug here, not bad input. */
const present = <T>(value: T | null | undefined, what: string): T => {
  if (value === null || value === undefined) throw new Error(`application clock: ${what} missing`);
  return value;
};

/** Working days late on `date` against `due`; a non-working `date` counts as the next working day. */
const workingDaysLate = (due: string, date: string, { calendar }: Context): number =>
  date <= due ? 0 : calendar.workingDaysBetween(due, date) + (calendar.isWorkingDay(date) ? 0 : 1);

/** Working days left on `date` against `due`, 0 once it has passed. */
const workingDaysLeft = (due: string, date: string, { calendar }: Context): number => (date >= due ? 0 : calendar.workingDaysBetween(date, due));

/**
 * Pause a running clock on `date`, keeping the working days still left. A clock that already ran out
 * is not paused: time already overdue cannot be taken back by consulting or charging afterwards.
 */
const pause = (clock: Clock, date: string, resumesAfter: string | null, ctx: Context): { clock: Clock; kept: number | null } => {
  const current = clockOn(clock, date);
  if (current.mode !== 'running') return { clock: current, kept: null };
  const due = dueDateOf(current, ctx);
  if (date > due) return { clock: current, kept: null };
  const kept = workingDaysLeft(due, date, ctx);
  return { clock: { mode: 'paused', kept, resumesAfter }, kept };
};

const resume = (clock: Clock, date: string): Clock => {
  const current = clockOn(clock, date);
  return current.mode === 'paused' ? { mode: 'running', anchor: date, days: current.kept } : current;
};

// ---------------------------------------------------------------------------------------------
// Which event may come next

const RESULT_CODES_SET_BY_EVENTS: readonly ResultCode[] = ['other_not_supplemented', 'other_fee_unpaid'];

const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const notNow = (state: ApplicationState, type: string): Refusal =>
  refusal('EVENT_NOT_ALLOWED_IN_STATE', 'type', type, `当前状态：${APPLICATION_STATE_LABELS[state]}`);

/** Why `event` cannot follow `progress` (null: the application has no event yet), or null if it can. */
const refusalFor = (progress: Progress | null, event: ApplicationEvent, ctx: Context): Refusal | null => {
  const candidate = event as Partial<ApplicationEvent> & Record<string, unknown>;
  if (!candidate || !isApplicationEventType(candidate.type)) return refusal('EVENT_TYPE_UNKNOWN', 'type', candidate?.type);
  if (!isIsoDate(candidate.date)) return refusal('DATE_INVALID', 'date', candidate.date);
  if (progress === null) return event.type === 'registered' ? null : refusal('FIRST_EVENT_NOT_REGISTERED', 'type', event.type);
  if (event.type === 'registered') return refusal('ALREADY_REGISTERED', 'type', event.type);
  if (event.date < progress.lastDate) return refusal('EVENT_BEFORE_PREVIOUS', 'date', event.date, `上一环节日期：${progress.lastDate}`);
  const { state } = progress;
  if (state === 'closed' && event.type !== 'reopened') return refusal('APPLICATION_CLOSED', 'type', event.type);
  const { rules } = ctx;

  switch (event.type) {
    case 'supplement_requested': {
      if (progress.supplementRequests >= rules.supplementNotice.maxTimes) return refusal('SUPPLEMENT_ALREADY_REQUESTED', 'type', event.type);
      if (state !== 'open') return notNow(state, event.type);
      if (progress.processingStarted) return refusal('SUPPLEMENT_AFTER_PROCESSING_STARTED', 'type', event.type);
      if (blank(event.dueBy)) return refusal('SUPPLEMENT_DUE_BY_REQUIRED', 'dueBy');
      if (!isIsoDate(event.dueBy)) return refusal('DATE_INVALID', 'dueBy', event.dueBy);
      if (event.dueBy < event.date) return refusal('SUPPLEMENT_DUE_BY_BEFORE_REQUEST', 'dueBy', event.dueBy);
      return null;
    }
    case 'supplement_received':
      return state === 'awaiting_supplement' ? null : refusal('SUPPLEMENT_NOT_REQUESTED', 'type', event.type);
    case 'supplement_expired': {
      if (state !== 'awaiting_supplement') return refusal('SUPPLEMENT_NOT_REQUESTED', 'type', event.type);
      const { dueBy } = present(progress.supplement, 'supplement');
      if (event.date <= dueBy) return refusal('SUPPLEMENT_NOT_YET_EXPIRED', 'date', event.date, `补正期限：${dueBy}`);
      return null;
    }
    case 'consultation_started':
      if (state === 'in_consultation') return refusal('CONSULTATION_ALREADY_STARTED', 'type', event.type);
      if (state !== 'open') return notNow(state, event.type);
      if (event.party !== undefined && event.party !== 'third_party' && event.party !== 'co_authoring_agency') {
        return refusal('CONSULTATION_PARTY_INVALID', 'party', event.party);
      }
      if (!blank(event.partyReceivedOn)) {
        if (!isIsoDate(event.partyReceivedOn)) return refusal('DATE_INVALID', 'partyReceivedOn', event.partyReceivedOn);
        if (event.partyReceivedOn < event.date) return refusal('CONSULTATION_RECEIVED_BEFORE_SENT', 'partyReceivedOn', event.partyReceivedOn);
      }
      return null;
    case 'consultation_ended':
      return state === 'in_consultation' ? null : refusal('CONSULTATION_NOT_STARTED', 'type', event.type);
    case 'extension_granted': {
      if (progress.extensions >= rules.extension.maxTimes) return refusal('EXTENSION_ALREADY_GRANTED', 'type', event.type);
      if (state !== 'open' && state !== 'in_consultation' && state !== 'awaiting_fee') return notNow(state, event.type);
      if (!(Number.isInteger(event.days) && event.days >= 1)) return refusal('EXTENSION_DAYS_INVALID', 'days', event.days);
      if (event.days > rules.extension.workingDays) return refusal('EXTENSION_TOO_LONG', 'days', event.days);
      if (blank(event.approver)) return refusal('EXTENSION_APPROVER_REQUIRED', 'approver');
      if (blank(event.applicantNotifiedOn)) return refusal('EXTENSION_NOTICE_REQUIRED', 'applicantNotifiedOn');
      if (!isIsoDate(event.applicantNotifiedOn)) return refusal('DATE_INVALID', 'applicantNotifiedOn', event.applicantNotifiedOn);
      if (event.applicantNotifiedOn < event.date) return refusal('EXTENSION_NOTICE_BEFORE_GRANT', 'applicantNotifiedOn', event.applicantNotifiedOn);
      const due = dueOf(clockOn(progress.clock, event.date), ctx);
      if (due !== null && event.date > due) return refusal('EXTENSION_AFTER_DUE_DATE', 'date', event.date, `答复期限：${due}`);
      return null;
    }
    case 'fee_notice_issued':
      if (progress.feeNotices >= 1) return refusal('FEE_ALREADY_REQUESTED', 'type', event.type);
      if (state !== 'open') return notNow(state, event.type);
      if (event.amountYuan !== undefined && event.amountYuan !== null && !(typeof event.amountYuan === 'number' && event.amountYuan >= 0)) {
        return refusal('FEE_AMOUNT_INVALID', 'amountYuan', event.amountYuan);
      }
      if (!blank(event.payBy)) {
        if (!isIsoDate(event.payBy)) return refusal('DATE_INVALID', 'payBy', event.payBy);
        if (event.payBy < event.date) return refusal('FEE_PAY_BY_BEFORE_NOTICE', 'payBy', event.payBy);
      }
      return null;
    case 'fee_paid':
      return state === 'awaiting_fee' ? null : refusal('FEE_NOT_REQUESTED', 'type', event.type);
    case 'fee_expired': {
      if (state !== 'awaiting_fee') return refusal('FEE_NOT_REQUESTED', 'type', event.type);
      const { payBy } = present(progress.fee, 'fee');
      if (event.date <= payBy) return refusal('FEE_NOT_YET_EXPIRED', 'date', event.date, `缴费期限：${payBy}`);
      return null;
    }
    case 'result_recorded':
      if (!isResultCode(event.resultCode)) return refusal('RESULT_CODE_UNKNOWN', 'resultCode', event.resultCode);
      if (RESULT_CODES_SET_BY_EVENTS.includes(event.resultCode)) return refusal('RESULT_CODE_NEEDS_EVENT', 'resultCode', event.resultCode);
      if (state === 'answered' || state === 'delivered') return refusal('RESULT_ALREADY_RECORDED', 'type', event.type);
      if (state === 'in_consultation') return refusal('CONSULTATION_NOT_ENDED', 'type', event.type);
      if (state === 'awaiting_fee') return refusal('FEE_NOT_PAID', 'type', event.type);
      if (state === 'awaiting_supplement') return refusal('SUPPLEMENT_PENDING', 'type', event.type);
      if (state !== 'open') return notNow(state, event.type);
      if (event.resultCode === 'unavailable_unclear_after_supplement' && !progress.supplement?.receivedOn) {
        return refusal('RESULT_REQUIRES_SUPPLEMENT', 'resultCode', event.resultCode);
      }
      return null;
    case 'delivered':
      if (state === 'delivered') return refusal('ALREADY_DELIVERED', 'type', event.type);
      return state === 'answered' ? null : refusal('RESULT_NOT_RECORDED', 'type', event.type);
    case 'closed':
      return state === 'delivered' || state === 'abandoned' ? null : refusal('APPLICATION_NOT_FINISHED', 'type', event.type);
    case 'reopened':
      return state === 'closed' ? null : refusal('APPLICATION_NOT_CLOSED', 'type', event.type);
    default:
      return refusal('EVENT_TYPE_UNKNOWN', 'type', (event as { type?: unknown }).type);
  }
};

// ---------------------------------------------------------------------------------------------
// What an accepted event does

interface Step {
  progress: Progress;
  effect: ClockEffect;
  note: string;
}

const started = (event: Extract<ApplicationEvent, { type: 'registered' }>, { rules }: Context): Progress => ({
  state: 'open',
  lastDate: event.date,
  receivedOn: event.date,
  clock: { mode: 'running', anchor: event.date, days: rules.reply.workingDays },
  supplementRequests: 0,
  supplement: null,
  consultation: null,
  feeNotices: 0,
  fee: null,
  extensions: 0,
  processingStarted: false,
  lateSupplementRequest: false,
  resultCode: null,
  resultOn: null,
});

/** Apply an event `refusalFor` accepted. */
const apply = (before: Progress | null, event: ApplicationEvent, ctx: Context): Step => {
  const { calendar, rules } = ctx;
  if (before === null) {
    const progress = started(event as Extract<ApplicationEvent, { type: 'registered' }>, ctx);
    return { progress, effect: 'clock_started', note: `收到申请，答复期限自次日起计算${rules.reply.workingDays}个工作日（${rules.reply.basis}）` };
  }
  const p: Progress = { ...before, lastDate: event.date };

  switch (event.type) {
    case 'supplement_requested': {
      const latestOn = calendar.addWorkingDays(p.receivedOn, rules.supplementNotice.workingDays);
      p.lateSupplementRequest = event.date > latestOn;
      p.supplementRequests += 1;
      p.supplement = { requestedOn: event.date, dueBy: event.dueBy, receivedOn: null };
      p.state = 'awaiting_supplement';
      p.clock = { mode: 'stopped' };
      const late = p.lateSupplementRequest ? `；晚于收到申请后${rules.supplementNotice.workingDays}个工作日（${latestOn}），不符合${rules.supplementNotice.basis}` : '';
      return { progress: p, effect: 'clock_stopped', note: `告知补正，答复期限停止计算，申请人应于${event.dueBy}前补正${late}` };
    }
    case 'supplement_received': {
      const supplement = { ...present(p.supplement, 'supplement'), receivedOn: event.date };
      p.supplement = supplement;
      p.state = 'open';
      p.clock = { mode: 'running', anchor: event.date, days: rules.reply.workingDays };
      const late = event.date > supplement.dueBy ? `（晚于补正期限${supplement.dueBy}）` : '';
      return { progress: p, effect: 'clock_restarted', note: `收到补正${late}，答复期限自次日起重新计算${rules.reply.workingDays}个工作日` };
    }
    case 'supplement_expired':
      p.state = 'abandoned';
      p.clock = { mode: 'stopped' };
      p.resultCode = 'other_not_supplemented';
      p.resultOn = event.date;
      return { progress: p, effect: 'clock_ended', note: `申请人逾期未补正（补正期限${present(p.supplement, 'supplement').dueBy}），视为放弃申请` };
    case 'consultation_started': {
      const limitEndsOn = calendar.addWorkingDays(event.partyReceivedOn || event.date, rules.consultation.workingDays);
      const paused = pause(p.clock, event.date, rules.consultation.pauseCappedAtLimit ? limitEndsOn : null, ctx);
      p.clock = paused.clock;
      p.consultation = { startedOn: event.date, limitEndsOn, paused: paused.kept !== null };
      p.processingStarted = true;
      p.state = 'in_consultation';
      if (paused.kept === null) {
        return { progress: p, effect: 'no_effect', note: `开始征求意见（期限至${limitEndsOn}）；答复期限已届满，征求意见不再中止计算` };
      }
      return {
        progress: p,
        effect: 'clock_paused',
        note: `开始征求意见，答复期限暂停计算，剩余${paused.kept}个工作日；被征求意见方应于${limitEndsOn}前提出意见（${rules.consultation.basis}）`,
      };
    }
    case 'consultation_ended': {
      const { paused, limitEndsOn } = present(p.consultation, 'consultation');
      // The pause may already have ended by itself at the consultation limit (see ClockRules.consultation).
      const resumedByItself = paused && clockOn(p.clock, event.date).mode === 'running';
      p.clock = resume(p.clock, event.date);
      p.consultation = null;
      p.state = 'open';
      if (!paused) return { progress: p, effect: 'no_effect', note: '征求意见结束' };
      if (resumedByItself) {
        return { progress: p, effect: 'clock_resumed', note: `征求意见结束；征求意见期限已于${limitEndsOn}届满，答复期限自该日次日起已恢复计算` };
      }
      return { progress: p, effect: 'clock_resumed', note: `征求意见结束，剩余${(p.clock as { days: number }).days}个工作日自次日起继续计算` };
    }
    case 'extension_granted': {
      p.extensions += 1;
      p.processingStarted = true;
      const current = clockOn(p.clock, event.date);
      if (current.mode === 'paused') p.clock = { ...current, kept: current.kept + event.days };
      else if (current.mode === 'running') p.clock = { ...current, days: current.days + event.days };
      return {
        progress: p,
        effect: 'due_date_extended',
        note: `经${event.approver}批准延长答复期限${event.days}个工作日，已于${event.applicantNotifiedOn}告知申请人（${rules.extension.basis}）`,
      };
    }
    case 'fee_notice_issued': {
      const payBy = event.payBy || calendar.addWorkingDays(event.date, rules.feePayment.workingDays);
      const paused = pause(p.clock, event.date, null, ctx);
      p.clock = paused.clock;
      p.fee = { issuedOn: event.date, payBy };
      p.feeNotices += 1;
      p.processingStarted = true;
      p.state = 'awaiting_fee';
      if (paused.kept === null) return { progress: p, effect: 'no_effect', note: `发出收费通知，缴费期限至${payBy}；答复期限已届满，不再中止计算` };
      return { progress: p, effect: 'clock_paused', note: `发出收费通知，答复期限暂停计算，剩余${paused.kept}个工作日；缴费期限至${payBy}（${rules.feePayment.basis}）` };
    }
    case 'fee_paid': {
      const wasPaused = p.clock.mode === 'paused';
      p.clock = resume(p.clock, event.date);
      p.fee = null;
      p.state = 'open';
      if (!wasPaused) return { progress: p, effect: 'no_effect', note: '申请人已缴费' };
      return { progress: p, effect: 'clock_resumed', note: `申请人已缴费，剩余${(p.clock as { days: number }).days}个工作日自次日起继续计算` };
    }
    case 'fee_expired':
      p.state = 'abandoned';
      p.clock = { mode: 'stopped' };
      p.resultCode = 'other_fee_unpaid';
      p.resultOn = event.date;
      return { progress: p, effect: 'clock_ended', note: `申请人逾期未缴费（缴费期限${present(p.fee, 'fee').payBy}），不再处理该申请` };
    case 'result_recorded': {
      const current = clockOn(p.clock, event.date);
      const due = dueOf(current, ctx);
      if (current.mode === 'running') p.clock = { mode: 'ended', anchor: current.anchor, days: current.days };
      p.state = 'answered';
      p.resultCode = event.resultCode;
      p.resultOn = event.date;
      const late = due === null ? 0 : workingDaysLate(due, event.date, ctx);
      const timing = late > 0 ? `，逾期${late}个工作日（答复期限${due}）` : due === null ? '' : `，在答复期限（${due}）内`;
      return { progress: p, effect: 'clock_ended', note: `作出答复：${RESULT_CODES[event.resultCode].label}${timing}` };
    }
    case 'delivered':
      p.state = 'delivered';
      return { progress: p, effect: 'no_effect', note: '答复已送达申请人' };
    case 'closed':
      p.state = 'closed';
      return { progress: p, effect: 'no_effect', note: '办结归档' };
    case 'reopened':
      p.state = 'open';
      p.clock = { mode: 'running', anchor: event.date, days: rules.reply.workingDays };
      p.resultCode = null;
      p.resultOn = null;
      p.consultation = null;
      p.fee = null;
      return { progress: p, effect: 'clock_restarted', note: `重新办理${event.reason ? `（${event.reason}）` : ''}，答复期限自次日起重新计算${rules.reply.workingDays}个工作日` };
    default:
      return { progress: p, effect: 'no_effect', note: '' };
  }
};

// ---------------------------------------------------------------------------------------------
// Replay

const replay = (events: readonly ApplicationEvent[], ctx: Context): { progress: Progress | null; trace: ClockTraceEntry[] } => {
  let progress: Progress | null = null;
  const trace: ClockTraceEntry[] = [];
  (events ?? []).forEach((event, index) => {
    const refused = refusalFor(progress, event, ctx);
    if (refused) {
      // An append-only history should never hold a refused event; if one slipped in, it is shown, not applied.
      trace.push({
        index,
        event: String((event as { type?: unknown })?.type),
        date: String((event as { date?: unknown })?.date),
        effect: 'ignored',
        note: `该环节不符合办理规则，未计入：${refused.message}`,
        state: progress?.state ?? null,
        dueDate: progress ? dueOf(progress.clock, ctx) : null,
        remainingWorkingDays: null,
        refusal: refused,
      });
      return;
    }
    const step = apply(progress, event, ctx);
    progress = step.progress;
    const clock = clockOn(step.progress.clock, event.date);
    const dueDate = dueOf(clock, ctx);
    trace.push({
      index,
      event: event.type,
      date: event.date,
      effect: step.effect,
      note: step.note,
      state: step.progress.state,
      dueDate,
      remainingWorkingDays: clock.mode === 'paused' ? clock.kept : clock.mode === 'running' ? workingDaysLeft(dueDateOf(clock, ctx), event.date, ctx) : null,
    });
  });
  return { progress, trace };
};

/**
 * Why `next` cannot be appended to `events`, or null if it can. The Strapi glue calls this before
 * every append, so the stored history only ever holds sequences the regulation allows.
 */
export const checkNextEvent = (
  events: readonly ApplicationEvent[],
  next: ApplicationEvent,
  calendar: WorkingDayCalendar,
  rules: ClockRules
): Refusal | null => {
  const ctx = { calendar, rules };
  return refusalFor(replay(events, ctx).progress, next, ctx);
};

/** The state and due date of an application on `today`, with the trace that explains them. */
export const applicationClock = (
  events: readonly ApplicationEvent[],
  calendar: WorkingDayCalendar,
  rules: ClockRules,
  today: string
): ApplicationClock => {
  if (!isIsoDate(today)) throw new DeadlinesError('DATE_INVALID', 'today', today);
  const ctx = { calendar, rules };
  const { progress, trace } = replay(events, ctx);
  if (progress === null) throw new DeadlinesError('FIRST_EVENT_NOT_REGISTERED', 'events');

  const clock = clockOn(progress.clock, today);
  const dueDate = dueOf(clock, ctx);
  let remainingWorkingDays: number | null = null;
  let overdue = false;
  let dueSoon = false;
  let daysLate = 0;
  if (clock.mode === 'running') {
    const due = dueDateOf(clock, ctx);
    const left = workingDaysLeft(due, today, ctx);
    remainingWorkingDays = left;
    overdue = today > due;
    dueSoon = !overdue && left <= rules.dueSoon.workingDays;
    daysLate = workingDaysLate(due, today, ctx);
  } else if (clock.mode === 'paused') {
    remainingWorkingDays = clock.kept;
  } else if (clock.mode === 'ended') {
    daysLate = workingDaysLate(dueDateOf(clock, ctx), present(progress.resultOn, 'result date'), ctx);
  }

  let dueDateExplanation: DueDateExplanation | null = null;
  if (clock.mode === 'running' || clock.mode === 'ended') {
    const { due, skipped, makeUpDays, outsideCoverage } = calendar.explainAddWorkingDays(clock.anchor, clock.days);
    dueDateExplanation = { from: clock.anchor, workingDays: clock.days, dueDate: due, skipped, makeUpDays, outsideCoverage };
  }

  return {
    state: progress.state,
    receivedOn: progress.receivedOn,
    dueDate,
    remainingWorkingDays,
    dueSoon,
    overdue,
    daysLate,
    lateSupplementRequest: progress.lateSupplementRequest,
    extensionUsed: progress.extensions > 0,
    resultCode: progress.resultCode,
    resultOn: progress.resultOn,
    supplementDueBy: progress.state === 'awaiting_supplement' ? present(progress.supplement, 'supplement').dueBy : null,
    consultationEndsBy: progress.state === 'in_consultation' ? present(progress.consultation, 'consultation').limitEndsOn : null,
    feePayBy: progress.state === 'awaiting_fee' ? present(progress.fee, 'fee').payBy : null,
    trace,
    dueDateExplanation,
  };
};
