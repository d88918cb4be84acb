import { applicationClock, checkNextEvent } from './application-clock';
import type { ApplicationEvent } from './application-events';
import { createCalendar } from './calendar';
import { DEFAULT_CLOCK_RULES, type ClockRules } from './clock-rules';
import { DeadlinesError } from './errors';

const calendar = createCalendar();
const rules = DEFAULT_CLOCK_RULES;
const clock = (events: ApplicationEvent[], today: string, withRules: ClockRules = rules) => applicationClock(events, calendar, withRules, today);
const check = (events: ApplicationEvent[], next: ApplicationEvent) => checkNextEvent(events, next, calendar, rules)?.code ?? null;

const received = (date: string): ApplicationEvent => ({ type: 'registered', date });
// Receipt on Thu 2026-09-24: the worked example of the calendar, due Thu 2026-10-29.
const autumn = received('2026-09-24');
// Receipt on Mon 2026-03-02, a month without holidays: due Mon 2026-03-30.
const march = received('2026-03-02');

describe('reply clock (Art. 33)', () => {
  it('runs 20 working days from the day after receipt, with due-soon and overdue on the way', () => {
    expect(clock([autumn], '2026-10-20')).toMatchObject({
      state: 'open',
      receivedOn: '2026-09-24',
      dueDate: '2026-10-29',
      remainingWorkingDays: 7,
      dueSoon: false,
      overdue: false,
      daysLate: 0,
      lateSupplementRequest: false,
      extensionUsed: false,
      resultCode: null,
    });
    expect(clock([autumn], '2026-10-22')).toMatchObject({ remainingWorkingDays: 5, dueSoon: true, overdue: false });
    expect(clock([autumn], '2026-10-29')).toMatchObject({ remainingWorkingDays: 0, dueSoon: true, overdue: false, daysLate: 0 });
    expect(clock([autumn], '2026-10-30')).toMatchObject({ remainingWorkingDays: 0, dueSoon: false, overdue: true, daysLate: 1 });
    // Saturday after: still late, counted up to the next working day.
    expect(clock([autumn], '2026-10-31')).toMatchObject({ overdue: true, daysLate: 2 });
    expect(clock([autumn], '2026-11-02')).toMatchObject({ overdue: true, daysLate: 2 });
  });

  it('explains the due date with the holidays skipped and the make-up days counted', () => {
    const result = clock([autumn], '2026-10-01');
    expect(result.dueDateExplanation).toMatchObject({ from: '2026-09-24', workingDays: 20, dueDate: '2026-10-29', outsideCoverage: false });
    expect(result.dueDateExplanation?.skipped).toHaveLength(15);
    expect(result.dueDateExplanation?.makeUpDays.map((d) => d.date)).toEqual(['2026-10-10']);
    expect(result.trace).toEqual([
      {
        index: 0,
        event: 'registered',
        date: '2026-09-24',
        effect: 'clock_started',
        note: '收到申请，答复期限自次日起计算20个工作日（《政府信息公开条例》第三十三条）',
        state: 'open',
        dueDate: '2026-10-29',
        remainingWorkingDays: 20,
      },
    ]);
  });

  it('takes its limits from the rules it is given', () => {
    const local: ClockRules = { ...rules, reply: { ...rules.reply, workingDays: 15 }, dueSoon: { ...rules.dueSoon, workingDays: 2 } };
    expect(clock([march], '2026-03-18')).toMatchObject({ dueDate: '2026-03-30', remainingWorkingDays: 8 });
    expect(clock([march], '2026-03-18', local)).toMatchObject({ dueDate: '2026-03-23', remainingWorkingDays: 3, dueSoon: false });
  });

  it('records a late answer with its working days late, and the due date that applied', () => {
    const events: ApplicationEvent[] = [autumn, { type: 'result_recorded', date: '2026-11-02', resultCode: 'partially_disclosed' }];
    expect(clock(events, '2026-12-01')).toMatchObject({
      state: 'answered',
      dueDate: '2026-10-29',
      remainingWorkingDays: null,
      overdue: false,
      dueSoon: false,
      daysLate: 2,
      resultCode: 'partially_disclosed',
      resultOn: '2026-11-02',
    });
    expect(clock(events, '2026-12-01').trace[1]).toMatchObject({ effect: 'clock_ended', note: '作出答复：部分公开，逾期2个工作日（答复期限2026-10-29）' });
    const onTime: ApplicationEvent[] = [autumn, { type: 'result_recorded', date: '2026-10-29', resultCode: 'disclosed' }];
    expect(clock(onTime, '2026-12-01')).toMatchObject({ state: 'answered', daysLate: 0 });
  });

  it('delivers, closes and reopens with a fresh reply period', () => {
    const events: ApplicationEvent[] = [
      autumn,
      { type: 'result_recorded', date: '2026-10-20', resultCode: 'disclosed' },
      { type: 'delivered', date: '2026-10-21' },
      { type: 'closed', date: '2026-10-22' },
    ];
    expect(clock(events, '2026-11-01')).toMatchObject({ state: 'closed', dueDate: '2026-10-29', daysLate: 0, resultCode: 'disclosed' });
    expect(check(events, { type: 'delivered', date: '2026-11-02' })).toBe('APPLICATION_CLOSED');
    expect(check(events, { type: 'result_recorded', date: '2026-11-02', resultCode: 'disclosed' })).toBe('APPLICATION_CLOSED');
    const reopened: ApplicationEvent[] = [...events, { type: 'reopened', date: '2026-11-02', reason: '行政复议决定责令重新答复' }];
    expect(check(events, reopened[4])).toBeNull();
    // Mon 2 Nov + 20 working days = Mon 30 Nov.
    expect(clock(reopened, '2026-11-03')).toMatchObject({ state: 'open', dueDate: '2026-11-30', resultCode: null, remainingWorkingDays: 19 });
  });
});

describe('supplement (补正, Art. 30)', () => {
  const requested: ApplicationEvent = { type: 'supplement_requested', date: '2026-03-05', dueBy: '2026-03-20' };

  it('stops the clock, then restarts the full period from the supplement', () => {
    expect(clock([march, requested], '2026-03-10')).toMatchObject({
      state: 'awaiting_supplement',
      dueDate: null,
      remainingWorkingDays: null,
      dueSoon: false,
      overdue: false,
      supplementDueBy: '2026-03-20',
      lateSupplementRequest: false,
    });
    // Mon 16 Mar + 20 working days, Qingming (Mon 6 Apr) skipped: Tue 14 Apr.
    const restarted = clock([march, requested, { type: 'supplement_received', date: '2026-03-16' }], '2026-03-17');
    expect(restarted).toMatchObject({ state: 'open', dueDate: '2026-04-14', remainingWorkingDays: 19, supplementDueBy: null });
    expect(restarted.dueDateExplanation).toMatchObject({ from: '2026-03-16', workingDays: 20 });
    expect(restarted.dueDateExplanation?.skipped.filter((d) => d.reason === 'holiday').map((d) => d.date)).toEqual(['2026-04-04', '2026-04-05', '2026-04-06']);
    expect(restarted.trace.map((t) => [t.effect, t.dueDate])).toEqual([
      ['clock_started', '2026-03-30'],
      ['clock_stopped', null],
      ['clock_restarted', '2026-04-14'],
    ]);
  });

  it('flags a request made later than 7 working days after receipt', () => {
    // Receipt Mon 2 Mar: the 7th working day after it is Wed 11 Mar.
    expect(clock([march, { type: 'supplement_requested', date: '2026-03-11', dueBy: '2026-03-25' }], '2026-03-12').lateSupplementRequest).toBe(false);
    const late = clock([march, { type: 'supplement_requested', date: '2026-03-12', dueBy: '2026-03-25' }], '2026-03-12');
    expect(late.lateSupplementRequest).toBe(true);
    expect(late.trace[1].note).toContain('2026-03-11');
  });

  it('is deemed abandoned when the supplement does not come by the stated date', () => {
    expect(check([march, requested], { type: 'supplement_expired', date: '2026-03-20' })).toBe('SUPPLEMENT_NOT_YET_EXPIRED');
    const events: ApplicationEvent[] = [march, requested, { type: 'supplement_expired', date: '2026-03-23' }];
    expect(clock(events, '2026-04-01')).toMatchObject({
      state: 'abandoned',
      dueDate: null,
      remainingWorkingDays: null,
      overdue: false,
      resultCode: 'other_not_supplemented',
      resultOn: '2026-03-23',
    });
    expect(check(events, { type: 'result_recorded', date: '2026-03-24', resultCode: 'disclosed' })).toBe('EVENT_NOT_ALLOWED_IN_STATE');
    expect(check(events, { type: 'closed', date: '2026-03-24' })).toBeNull();
  });

  it('is allowed once, at the start, and must give a date', () => {
    expect(check([march, requested, { type: 'supplement_received', date: '2026-03-16' }], { type: 'supplement_requested', date: '2026-03-17', dueBy: '2026-03-27' })).toBe(
      'SUPPLEMENT_ALREADY_REQUESTED'
    );
    expect(check([march], { type: 'supplement_received', date: '2026-03-16' })).toBe('SUPPLEMENT_NOT_REQUESTED');
    expect(check([march, { type: 'consultation_started', date: '2026-03-03' }, { type: 'consultation_ended', date: '2026-03-04' }], requested)).toBe(
      'SUPPLEMENT_AFTER_PROCESSING_STARTED'
    );
    expect(check([march], { type: 'supplement_requested', date: '2026-03-05' } as never)).toBe('SUPPLEMENT_DUE_BY_REQUIRED');
    expect(check([march], { type: 'supplement_requested', date: '2026-03-05', dueBy: '2026-03-04' })).toBe('SUPPLEMENT_DUE_BY_BEFORE_REQUEST');
    expect(check([march, requested], { type: 'result_recorded', date: '2026-03-06', resultCode: 'disclosed' })).toBe('SUPPLEMENT_PENDING');
  });

  it('lets "unclear after supplement" be answered only after a supplement', () => {
    const unclear: ApplicationEvent = { type: 'result_recorded', date: '2026-03-20', resultCode: 'unavailable_unclear_after_supplement' };
    expect(check([march], unclear)).toBe('RESULT_REQUIRES_SUPPLEMENT');
    expect(check([march, requested, { type: 'supplement_received', date: '2026-03-16' }], unclear)).toBeNull();
  });
});

describe('consultation (Art. 32-34)', () => {
  const started: ApplicationEvent = { type: 'consultation_started', date: '2026-03-10', party: 'third_party' };

  it('pauses the clock, keeping the working days left, and resumes them from its end', () => {
    // Due Mon 30 Mar; on Tue 10 Mar 14 working days are left (11 Mar … 30 Mar).
    expect(clock([march, started], '2026-03-15')).toMatchObject({
      state: 'in_consultation',
      dueDate: null,
      remainingWorkingDays: 14,
      dueSoon: false,
      consultationEndsBy: '2026-03-31',
    });
    // Ended Fri 20 Mar: 14 working days from then, Qingming skipped: Fri 10 Apr.
    const events: ApplicationEvent[] = [march, started, { type: 'consultation_ended', date: '2026-03-20' }];
    expect(clock(events, '2026-03-23')).toMatchObject({ state: 'open', dueDate: '2026-04-10', remainingWorkingDays: 13, consultationEndsBy: null });
    expect(clock(events, '2026-03-23').trace.map((t) => [t.effect, t.dueDate, t.remainingWorkingDays])).toEqual([
      ['clock_started', '2026-03-30', 20],
      ['clock_paused', null, 14],
      ['clock_resumed', '2026-04-10', 14],
    ]);
  });

  it('stops excluding time once the consulted party’s 15 working days have run out', () => {
    // Limit: Tue 10 Mar + 15 = Tue 31 Mar; the 14 kept days then run from it: Tue 21 Apr.
    expect(clock([march, started], '2026-04-08')).toMatchObject({ state: 'in_consultation', dueDate: '2026-04-21', remainingWorkingDays: 9 });
    const endedLate: ApplicationEvent[] = [march, started, { type: 'consultation_ended', date: '2026-04-10' }];
    expect(clock(endedLate, '2026-04-10')).toMatchObject({ state: 'open', dueDate: '2026-04-21' });
    expect(clock(endedLate, '2026-04-10').trace[2].note).toContain('2026-03-31');
    // Counted from when the party received the request, if that is later.
    expect(clock([march, { ...started, partyReceivedOn: '2026-03-12' } as ApplicationEvent], '2026-03-15').consultationEndsBy).toBe('2026-04-02');
    // A province may keep the pause open until the end is recorded.
    const uncapped: ClockRules = { ...rules, consultation: { ...rules.consultation, pauseCappedAtLimit: false } };
    expect(clock([march, started], '2026-04-08', uncapped)).toMatchObject({ dueDate: null, remainingWorkingDays: 14 });
  });

  it('cannot pause a clock that has already run out', () => {
    const events: ApplicationEvent[] = [march, { type: 'consultation_started', date: '2026-04-01' }];
    expect(clock(events, '2026-04-02')).toMatchObject({ state: 'in_consultation', dueDate: '2026-03-30', overdue: true, daysLate: 3 });
    expect(clock(events, '2026-04-02').trace[1].effect).toBe('no_effect');
  });

  it('refuses impossible sequences', () => {
    expect(check([march], { type: 'consultation_ended', date: '2026-03-20' })).toBe('CONSULTATION_NOT_STARTED');
    expect(check([march, started], { type: 'consultation_started', date: '2026-03-11' })).toBe('CONSULTATION_ALREADY_STARTED');
    expect(check([march, started], { type: 'result_recorded', date: '2026-03-12', resultCode: 'disclosed' })).toBe('CONSULTATION_NOT_ENDED');
    expect(check([march], { type: 'consultation_started', date: '2026-03-10', party: 'neighbour' as never })).toBe('CONSULTATION_PARTY_INVALID');
    expect(check([march], { type: 'consultation_started', date: '2026-03-10', partyReceivedOn: '2026-03-09' })).toBe('CONSULTATION_RECEIVED_BEFORE_SENT');
  });
});

describe('extension (Art. 33)', () => {
  const extension = (date: string, days: number): ApplicationEvent => ({ type: 'extension_granted', date, days, approver: '王主任', applicantNotifiedOn: date });

  it('moves the due date by its working days, once', () => {
    // Due Thu 29 Oct + 20 working days = Thu 26 Nov.
    const events = [autumn, extension('2026-10-20', 20)];
    expect(clock(events, '2026-10-21')).toMatchObject({ dueDate: '2026-11-26', extensionUsed: true, remainingWorkingDays: 26, dueSoon: false });
    expect(clock(events, '2026-10-21').dueDateExplanation).toMatchObject({ from: '2026-09-24', workingDays: 40, dueDate: '2026-11-26' });
    expect(clock(events, '2026-10-21').trace[1]).toMatchObject({ effect: 'due_date_extended', dueDate: '2026-11-26' });
    expect(check(events, extension('2026-10-22', 5))).toBe('EXTENSION_ALREADY_GRANTED');
  });

  it('adds to the kept days when granted during a pause', () => {
    const events: ApplicationEvent[] = [march, { type: 'consultation_started', date: '2026-03-10' }, extension('2026-03-12', 10), { type: 'consultation_ended', date: '2026-03-20' }];
    expect(clock(events.slice(0, 3), '2026-03-13')).toMatchObject({ dueDate: null, remainingWorkingDays: 24 });
    // 24 working days from Fri 20 Mar: Fri 24 Apr (Qingming skipped).
    expect(clock(events, '2026-03-23').dueDate).toBe('2026-04-24');
  });

  it('refuses an extension that is too long, unapproved, unannounced or too late', () => {
    expect(check([autumn], extension('2026-10-20', 21))).toBe('EXTENSION_TOO_LONG');
    expect(check([autumn], extension('2026-10-20', 0))).toBe('EXTENSION_DAYS_INVALID');
    expect(check([autumn], { ...extension('2026-10-20', 10), approver: ' ' } as ApplicationEvent)).toBe('EXTENSION_APPROVER_REQUIRED');
    expect(check([autumn], { ...extension('2026-10-20', 10), applicantNotifiedOn: undefined } as never)).toBe('EXTENSION_NOTICE_REQUIRED');
    expect(check([autumn], { ...extension('2026-10-20', 10), applicantNotifiedOn: '2026-10-19' } as ApplicationEvent)).toBe('EXTENSION_NOTICE_BEFORE_GRANT');
    expect(check([autumn], extension('2026-10-29', 10))).toBeNull();
    expect(check([autumn], extension('2026-10-30', 10))).toBe('EXTENSION_AFTER_DUE_DATE');
  });
});

describe('fees (国办函〔2020〕109号)', () => {
  const notice: ApplicationEvent = { type: 'fee_notice_issued', date: '2026-03-16', amountYuan: 100 };

  it('pause the clock until payment, with a default payment deadline of 20 working days', () => {
    // On Mon 16 Mar 10 working days are left to Mon 30 Mar; payment due Tue 14 Apr.
    expect(clock([march, notice], '2026-03-20')).toMatchObject({ state: 'awaiting_fee', dueDate: null, remainingWorkingDays: 10, feePayBy: '2026-04-14' });
    // Paid Wed 1 Apr: 10 working days from then, Qingming skipped: Thu 16 Apr.
    expect(clock([march, notice, { type: 'fee_paid', date: '2026-04-01' }], '2026-04-02')).toMatchObject({ state: 'open', dueDate: '2026-04-16', feePayBy: null });
  });

  it('end processing when the fee is not paid in time', () => {
    expect(check([march, notice], { type: 'fee_expired', date: '2026-04-14' })).toBe('FEE_NOT_YET_EXPIRED');
    const events: ApplicationEvent[] = [march, notice, { type: 'fee_expired', date: '2026-04-15' }];
    expect(clock(events, '2026-04-20')).toMatchObject({ state: 'abandoned', dueDate: null, resultCode: 'other_fee_unpaid', resultOn: '2026-04-15' });
  });

  it('refuse impossible sequences', () => {
    expect(check([march], { type: 'fee_paid', date: '2026-03-17' })).toBe('FEE_NOT_REQUESTED');
    expect(check([march, notice, { type: 'fee_paid', date: '2026-03-18' }], { ...notice, date: '2026-03-19' } as ApplicationEvent)).toBe('FEE_ALREADY_REQUESTED');
    expect(check([march, notice], { type: 'result_recorded', date: '2026-03-17', resultCode: 'disclosed' })).toBe('FEE_NOT_PAID');
    expect(check([march], { type: 'fee_notice_issued', date: '2026-03-16', amountYuan: -5 })).toBe('FEE_AMOUNT_INVALID');
    expect(check([march], { type: 'fee_notice_issued', date: '2026-03-16', payBy: '2026-03-15' })).toBe('FEE_PAY_BY_BEFORE_NOTICE');
  });
});

describe('event sequence rules', () => {
  it('refuse what cannot happen', () => {
    expect(check([], { type: 'result_recorded', date: '2026-03-02', resultCode: 'disclosed' })).toBe('FIRST_EVENT_NOT_REGISTERED');
    expect(check([], march)).toBeNull();
    expect(check([march], received('2026-03-03'))).toBe('ALREADY_REGISTERED');
    expect(check([march], { type: 'result_recorded', date: '2026-03-01', resultCode: 'disclosed' })).toBe('EVENT_BEFORE_PREVIOUS');
    expect(check([march], { type: 'result_recorded', date: '2026-03-02', resultCode: 'disclosed' })).toBeNull();
    expect(check([march], { type: 'result_recorded', date: '2026-03-05', resultCode: 'maybe' as never })).toBe('RESULT_CODE_UNKNOWN');
    expect(check([march], { type: 'result_recorded', date: '2026-03-05', resultCode: 'other_fee_unpaid' })).toBe('RESULT_CODE_NEEDS_EVENT');
    expect(check([march], { type: 'delivered', date: '2026-03-05' })).toBe('RESULT_NOT_RECORDED');
    expect(check([march], { type: 'closed', date: '2026-03-05' })).toBe('APPLICATION_NOT_FINISHED');
    expect(check([march], { type: 'reopened', date: '2026-03-05' })).toBe('APPLICATION_NOT_CLOSED');
    expect(check([march], { type: 'archived', date: '2026-03-05' } as never)).toBe('EVENT_TYPE_UNKNOWN');
    expect(check([march], { type: 'delivered', date: '2026-3-5' })).toBe('DATE_INVALID');
    const answered: ApplicationEvent[] = [march, { type: 'result_recorded', date: '2026-03-05', resultCode: 'disclosed' }];
    expect(check(answered, { type: 'result_recorded', date: '2026-03-06', resultCode: 'withheld_state_secret' })).toBe('RESULT_ALREADY_RECORDED');
    expect(check(answered, { type: 'consultation_started', date: '2026-03-06' })).toBe('EVENT_NOT_ALLOWED_IN_STATE');
    expect(check([...answered, { type: 'delivered', date: '2026-03-06' }], { type: 'delivered', date: '2026-03-07' })).toBe('ALREADY_DELIVERED');
  });

  it('returns the refusal with a Chinese message and the field', () => {
    expect(checkNextEvent([autumn], { type: 'extension_granted', date: '2026-10-20', days: 30, approver: '王主任', applicantNotifiedOn: '2026-10-20' }, calendar, rules)).toEqual({
      code: 'EXTENSION_TOO_LONG',
      message: '延长答复的期限最长不得超过20个工作日（《政府信息公开条例》第三十三条）',
      field: 'days',
      value: 30,
    });
  });

  it('shows, but does not apply, a refused event found in a stored history', () => {
    const events: ApplicationEvent[] = [autumn, { type: 'consultation_ended', date: '2026-10-01' }, { type: 'result_recorded', date: '2026-10-20', resultCode: 'disclosed' }];
    const result = clock(events, '2026-10-21');
    expect(result.state).toBe('answered');
    expect(result.trace[1]).toMatchObject({ effect: 'ignored', state: 'open', dueDate: '2026-10-29', refusal: { code: 'CONSULTATION_NOT_STARTED' } });
  });

  it('needs a registered application and a valid today', () => {
    expect(() => clock([], '2026-01-01')).toThrow(DeadlinesError);
    expect(() => clock([autumn], '2026-13-01')).toThrow(DeadlinesError);
  });
});
