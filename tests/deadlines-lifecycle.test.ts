import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { adminAccount, buildProvince, createItem, superAdmin } from './helpers/fixtures';
import { createCalendar } from '../plugins/deadlines/server/src/core/calendar';

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let handlerA: { token: string };
let editorB: { token: string };
let supervisor: { token: string };
let root: { token: string };

const calendar = createCalendar();
const http = () => request(strapi.server.httpServer);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });
const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

const form = (extra: Record<string, unknown> = {}) => ({
  organization: '002482162',
  applicantType: 'commercial_enterprise',
  applicantName: '杭州某某科技有限公司',
  idDocumentType: 'unified_social_credit_code',
  idNumber: '91350100M000100Y43',
  contact: { phone: '0571-88886666', address: '杭州市西湖区文三路1号' },
  requestDescription: '申请公开某某路段改造工程的立项批复',
  deliveryMethod: 'post',
  format: 'paper',
  ...extra,
});

const register = (account: { token: string }, extra: Record<string, unknown>) => http().post('/deadlines/applications').set(as(account)).send(form(extra));
const event = (account: { token: string }, documentId: string, body: Record<string, unknown>) =>
  http().post(`/deadlines/applications/${documentId}/events`).set(as(account)).send(body);
const clock = (account: { token: string }, documentId: string) => http().get(`/deadlines/applications/${documentId}/clock`).set(as(account));

beforeAll(async () => {
  strapi = await startStrapi('deadlines-lifecycle');
  province = await buildProvince(strapi);
  handlerA = await adminAccount(strapi, 'reviewer-a@example.gov.cn', 'department-reviewer', [province.orgs.A.documentId]);
  editorB = await adminAccount(strapi, 'editor-b@example.gov.cn', 'department-editor', [province.orgs.B.documentId]);
  supervisor = await adminAccount(strapi, 'supervisor@example.gov.cn', 'supervisor');
  root = await superAdmin(strapi);
});
afterAll(async () => { await stopStrapi(strapi); });

describe('staff registration (Art. 31 receipt dates)', () => {
  it('dates an application handed in on Thursday 24 Sep 2026 and counts 20 working days past Mid-Autumn and National Day', async () => {
    const res = await register(handlerA, { channel: 'in_person', submittedOn: '2026-09-24' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ receivedOn: '2026-09-24', dueDate: '2026-10-29', state: 'open' });
    const explained = await clock(handlerA, res.body.data.documentId);
    expect(explained.status).toBe(200);
    const explanation = explained.body.data.clock.dueDateExplanation;
    expect(explanation.skipped.map((d: { date: string }) => d.date)).toEqual(expect.arrayContaining(['2026-09-25', '2026-10-01', '2026-10-07']));
    expect(explanation.makeUpDays.map((d: { date: string }) => d.date)).toEqual(['2026-10-10']);
    expect(explained.body.data.idNumberMasked).toBe('91*************Y43');
  });

  it('takes the day signed for on registered post and requires it', async () => {
    const missing = await register(handlerA, { channel: 'registered_post', submittedOn: '2026-10-30' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.code).toBe('SIGNED_FOR_ON_REQUIRED');
    const res = await register(handlerA, { channel: 'registered_post', submittedOn: '2026-10-30', signedForOn: '2026-11-02' });
    expect(res.body.data.receivedOn).toBe('2026-11-02');
  });

  it("refuses to register for another organisation's handler", async () => {
    const res = await register(editorB, { channel: 'in_person', submittedOn: '2026-11-02' });
    expect(res.status).toBe(403);
  });
});

describe('the event timeline moves the due date', () => {
  let id: string;

  it('runs through supplement, consultation, extension, fee, result, delivery, closing and reopening', async () => {
    id = (await register(handlerA, { channel: 'in_person', submittedOn: '2026-09-24' })).body.data.documentId;

    let res = await event(handlerA, id, { type: 'supplement_requested', date: '2026-09-28', dueBy: '2026-10-15' });
    expect(res.status).toBe(201);
    expect(res.body.data.clock).toMatchObject({ state: 'awaiting_supplement', dueDate: null, lateSupplementRequest: false });

    res = await event(handlerA, id, { type: 'supplement_received', date: '2026-10-12' });
    const restarted = calendar.addWorkingDays('2026-10-12', 20);
    expect(res.body.data.clock).toMatchObject({ state: 'open', dueDate: restarted });

    // Judged today, an old consultation would have run past its 15 days; the trace shows the pause as it happened.
    res = await event(handlerA, id, { type: 'consultation_started', date: '2026-10-14', party: 'third_party' });
    expect(res.body.data.clock.trace.at(-1)).toMatchObject({ effect: 'clock_paused', state: 'in_consultation', dueDate: null, remainingWorkingDays: calendar.workingDaysBetween('2026-10-14', restarted) });

    res = await event(handlerA, id, { type: 'consultation_ended', date: '2026-10-21' });
    const resumed = calendar.addWorkingDays('2026-10-21', calendar.workingDaysBetween('2026-10-14', restarted));
    expect(res.body.data.clock).toMatchObject({ state: 'open', dueDate: resumed });

    res = await event(handlerA, id, { type: 'extension_granted', date: '2026-10-22', days: 20, approver: '赵主任', applicantNotifiedOn: '2026-10-22' });
    const extended = calendar.addWorkingDays(resumed, 20);
    expect(res.body.data.clock).toMatchObject({ dueDate: extended, extensionUsed: true });

    const again = await event(handlerA, id, { type: 'extension_granted', date: '2026-10-23', days: 5, approver: '赵主任', applicantNotifiedOn: '2026-10-23' });
    expect(again.status).toBe(400);
    expect(again.body.error.details.code).toBe('EXTENSION_ALREADY_GRANTED');

    res = await event(handlerA, id, { type: 'fee_notice_issued', date: '2026-10-26', amountYuan: 100 });
    expect(res.body.data.clock.state).toBe('awaiting_fee');
    res = await event(handlerA, id, { type: 'fee_paid', date: '2026-10-28' });
    expect(res.body.data.clock.state).toBe('open');

    res = await event(handlerA, id, { type: 'result_recorded', date: '2026-11-02', resultCode: 'partially_disclosed' });
    expect(res.body.data.clock).toMatchObject({ state: 'answered', resultCode: 'partially_disclosed', resultOn: '2026-11-02', overdue: false });
    expect((await event(handlerA, id, { type: 'delivered', date: '2026-11-03' })).body.data.clock.state).toBe('delivered');
    expect((await event(handlerA, id, { type: 'closed', date: '2026-11-04' })).body.data.clock.state).toBe('closed');
    const closedEvent = await event(handlerA, id, { type: 'fee_paid', date: '2026-11-05' });
    expect(closedEvent.body.error.details.code).toBe('APPLICATION_CLOSED');
    res = await event(handlerA, id, { type: 'reopened', date: '2026-11-05', reason: '行政复议决定重新答复' });
    expect(res.body.data.clock).toMatchObject({ state: 'open', dueDate: calendar.addWorkingDays('2026-11-05', 20) });

    const timeline = (await clock(handlerA, id)).body.data.timeline.map((e: { type: string }) => e.type);
    expect(timeline).toEqual([
      'registered', 'supplement_requested', 'supplement_received', 'consultation_started', 'consultation_ended',
      'extension_granted', 'fee_notice_issued', 'fee_paid', 'result_recorded', 'delivered', 'closed', 'reopened',
    ]);
    const stored = await strapi.db.query('plugin::deadlines.application').findOne({ where: { documentId: id } });
    expect(stored).toMatchObject({ state: 'open', extensionUsed: true, resultCode: null });
  });

  it('flags a supplement request later than 7 working days, and an expired supplement abandons the application', async () => {
    const app = (await register(handlerA, { channel: 'in_person', submittedOn: '2026-10-09' })).body.data.documentId;
    const late = await event(handlerA, app, { type: 'supplement_requested', date: '2026-10-21', dueBy: '2026-10-30' });
    expect(late.body.data.clock.lateSupplementRequest).toBe(true);
    const early = await event(handlerA, app, { type: 'supplement_expired', date: '2026-10-30' });
    expect(early.status).toBe(400);
    expect(early.body.error.details.code).toBe('SUPPLEMENT_NOT_YET_EXPIRED');
    const expired = await event(handlerA, app, { type: 'supplement_expired', date: '2026-11-02' });
    expect(expired.body.data.clock).toMatchObject({ state: 'abandoned', resultCode: 'other_not_supplemented' });
  });

  it('refuses impossible or future events with a code naming the rule', async () => {
    const app = (await register(handlerA, { channel: 'in_person', submittedOn: '2026-11-02' })).body.data.documentId;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'consultation_ended', date: '2026-11-03' }, 'CONSULTATION_NOT_STARTED'],
      [{ type: 'extension_granted', date: '2026-11-03', days: 25, approver: '赵主任', applicantNotifiedOn: '2026-11-03' }, 'EXTENSION_TOO_LONG'],
      [{ type: 'result_recorded', date: '2026-11-03', resultCode: 'maybe' }, 'RESULT_CODE_UNKNOWN'],
      [{ type: 'fee_paid', date: '2026-11-01' }, 'EVENT_BEFORE_PREVIOUS'],
      [{ type: 'delivered', date: '2099-01-01' }, 'EVENT_IN_FUTURE'],
      [{ type: 'teleported', date: '2026-11-03' }, 'EVENT_TYPE_UNKNOWN'],
    ];
    for (const [body, code] of cases) {
      const res = await event(handlerA, app, body);
      expect([res.status, res.body.error?.details?.code]).toEqual([400, code]);
    }
    expect((await clock(handlerA, app)).body.data.timeline).toHaveLength(1);
  });
});

describe('department scoping and evidence', () => {
  let id: string;
  beforeAll(async () => {
    id = (await register(handlerA, { channel: 'in_person', submittedOn: '2026-11-02' })).body.data.documentId;
  });

  it("keeps another organisation's handler out, reads for the supervisor, and lets only handlers act", async () => {
    expect((await clock(editorB, id)).status).toBe(403);
    expect((await event(editorB, id, { type: 'delivered', date: '2026-11-03' })).status).toBe(403);
    expect((await clock(supervisor, id)).status).toBe(200);
    expect((await event(supervisor, id, { type: 'consultation_started', date: '2026-11-03' })).status).toBe(403);
    const list = await http().get('/content-manager/collection-types/plugin::deadlines.application').set(as(editorB));
    expect(list.status).toBe(200);
    expect(list.body.results).toEqual([]);
    const desk = await http().get('/deadlines/applications').set(as(editorB));
    expect([desk.status, desk.body.pagination.total]).toEqual([200, 0]);
    const own = await http().get('/deadlines/applications?state=open&pageSize=100').set(as(handlerA));
    expect(own.body.results.length).toBeGreaterThan(0);
    expect(own.body.results.every((r: { state: string; organization: { code: string } }) => r.state === 'open' && r.organization.code === '002482162')).toBe(true);
    expect(JSON.stringify(own.body)).not.toContain('idNumber');
  });

  it('refuses edits and deletions of applications through the content manager, even for a super admin', async () => {
    const put = await http().put(`/content-manager/collection-types/plugin::deadlines.application/${id}`).set(as(root)).send({ state: 'closed' });
    expect(put.status).toBe(400);
    expect(put.body.error.details.code).toBe('APPLICATION_RECORDS_IMMUTABLE');
    const del = await http().delete(`/content-manager/collection-types/plugin::deadlines.application/${id}`).set(as(root));
    expect(del.status).toBe(400);
    expect(await strapi.db.query('plugin::deadlines.application').count({ where: { documentId: id } })).toBe(1);
  });
});

describe('proactive disclosure timeliness (Art. 26)', () => {
  it('gives every item a due date from its category limit and tracks pending, overdue and late', async () => {
    const base = { organization: province.orgs.A.documentId };
    const pending = await createItem(strapi, { ...base, title: '刚形成的规划', category: province.category['plans'], formedDate: today() });
    const late = await createItem(strapi, { ...base, title: '许可决定', category: province.category['licensing-decisions'], formedDate: '2026-11-02' });
    const read = (documentId: string) =>
      strapi.db.query('api::disclosure-item.disclosure-item').findOne({ where: { documentId, publishedAt: null }, select: ['disclosureDueDate', 'timeliness', 'daysLate'] });

    expect(await read(pending.documentId)).toMatchObject({ disclosureDueDate: calendar.addWorkingDays(today(), 20), timeliness: 'pending', daysLate: 0 });
    const due = calendar.addWorkingDays('2026-11-02', 7);
    expect(await read(late.documentId)).toMatchObject({ disclosureDueDate: due, timeliness: 'overdue' });
    await strapi.documents('api::disclosure-item.disclosure-item' as never).publish({ documentId: late.documentId } as never);
    expect(await read(late.documentId)).toMatchObject({ disclosureDueDate: due, timeliness: 'late', daysLate: calendar.workingDaysBetween(due, today()) });
  });
});

describe('calendar changes', () => {
  it('recompute open deadlines and record the move on each application', async () => {
    const app = (await register(handlerA, { channel: 'in_person', submittedOn: '2026-11-20' })).body.data;
    const before = calendar.addWorkingDays('2026-11-20', 20);
    expect(app.dueDate).toBe(before);
    const res = await http()
      .post('/content-manager/collection-types/plugin::deadlines.calendar-day')
      .set(as(root))
      .send({ date: '2026-12-01', kind: 'holiday', name: '地方性假日' });
    expect(res.status).toBe(201);
    const after = calendar.withOverrides([{ date: '2026-12-01', kind: 'holiday' }]).addWorkingDays('2026-11-20', 20);
    expect(after).not.toBe(before);
    const explained = (await clock(handlerA, app.documentId)).body.data;
    expect(explained.clock.dueDate).toBe(after);
    const note = explained.timeline.find((e: { type: string }) => e.type === 'calendar_changed');
    expect(note.details).toMatchObject({ dueDateBefore: before, dueDateAfter: after });
    const stored = await strapi.db.query('plugin::deadlines.application').findOne({ where: { documentId: app.documentId } });
    expect(stored.dueDate).toBe(after);
  });
});

describe('annual-report figures (table 3)', () => {
  it('counts applications by applicant type and result and balances', async () => {
    const res = await http().get('/deadlines/reports/applications?year=2026&organization=002482162').set(as(supervisor));
    expect(res.status).toBe(200);
    const { cells, violations } = res.body.data;
    const total = await strapi.db.query('plugin::deadlines.application').count({ where: { organizationDocumentId: province.orgs.A.documentId } });
    expect(cells.new_this_year.total).toBe(total);
    expect(cells.new_this_year.commercial_enterprise).toBe(total);
    expect(cells.carried_in.total).toBe(0);
    expect(cells.other_not_supplemented.total).toBe(1);
    expect(cells.new_this_year.total + cells.carried_in.total).toBe(cells.handled_total.total + cells.carried_out.total);
    expect(violations).toEqual([]);
    expect((await http().get('/deadlines/reports/applications?year=2026').set(as(handlerA))).status).toBe(403);
  });
});
