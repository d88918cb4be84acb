import { spawn } from 'child_process';
import path from 'path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { adminAccount, buildProvince } from './helpers/fixtures';
import { startSmtpCapture } from './helpers/smtp';
import { createCalendar } from '../plugins/deadlines/server/src/core/calendar';

let strapi: Core.Strapi;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let handler: { token: string };

const http = () => request(strapi.server.httpServer);
const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const calendar = createCalendar();

/** Runs the scan in a second Strapi process sharing this one's database and SMTP server. */
const scanInSecondInstance = () =>
  new Promise<{ sent: number; candidates: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'helpers', 'scan-instance.js')], { env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() as string)) : reject(new Error(`second instance failed: ${err || out}`))));
  });

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(smtp.port);
  strapi = await startStrapi('deadlines-notifications');
  const province = await buildProvince(strapi);
  handler = await adminAccount(strapi, 'handler-a@example.gov.cn', 'department-reviewer', [province.orgs.A.documentId]);
  await adminAccount(strapi, 'handler-a2@example.gov.cn', 'department-editor', [province.orgs.A.documentId]);

  const register = (submittedOn: string) =>
    http()
      .post('/deadlines/applications')
      .set({ Authorization: `Bearer ${handler.token}` })
      .send({
        organization: '002482162',
        applicantType: 'natural_person',
        applicantName: '李四',
        idDocumentType: 'resident_id',
        idNumber: '440524198001010013',
        contact: { phone: '13900001111' },
        requestDescription: '申请公开某小区规划许可文件',
        deliveryMethod: 'pick_up',
        format: 'paper',
        channel: 'in_person',
        submittedOn,
      });
  // Overdue: received long ago. Due soon: received so that 3 working days are left. Not due: received today.
  await register('2026-09-01');
  await register('2026-09-02');
  const dueSoonReceipt = (() => {
    let day = today();
    while (calendar.workingDaysBetween(day, today()) < 17) day = new Date(new Date(`${day}T00:00:00Z`).getTime() - 86400000).toISOString().slice(0, 10);
    return day;
  })();
  await register(dueSoonReceipt);
  await register(today());
}, 180000);

afterAll(async () => {
  await stopStrapi(strapi);
  await smtp.close();
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
});

describe('due-soon and overdue reminders', () => {
  it('are sent exactly once when two instances scan at the same time', async () => {
    const [here, there] = await Promise.all([strapi.plugin('deadlines').service('notifications').scan(), scanInSecondInstance()]);
    expect(here.candidates).toBe(3);
    expect(there.candidates).toBe(3);
    expect(here.sent + there.sent).toBe(3);
    expect(smtp.messages).toHaveLength(3);
    for (const message of smtp.messages) expect(message.to.sort()).toEqual(['handler-a2@example.gov.cn', 'handler-a@example.gov.cn']);
    const subjects = smtp.messages.map((m) => /Subject: (.*)/.exec(m.raw)?.[1] ?? '');
    expect(subjects.every((s) => s.length > 0)).toBe(true);
  }, 120000);

  it('are not sent again by a later scan, and the statuses are stored', async () => {
    const again = await strapi.plugin('deadlines').service('notifications').scan();
    expect(again.sent).toBe(0);
    expect(smtp.messages).toHaveLength(3);
    const rows = await strapi.db.query('plugin::deadlines.application').findMany({ select: ['overdue', 'dueSoon'], orderBy: { receivedOn: 'asc' } });
    expect(rows.map((r: { overdue: boolean; dueSoon: boolean }) => [r.overdue, r.dueSoon])).toEqual([
      [true, false],
      [true, false],
      [false, true],
      [false, false],
    ]);
  });
});
