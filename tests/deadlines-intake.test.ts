import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { buildProvince } from './helpers/fixtures';
import { createCalendar } from '../plugins/deadlines/server/src/core/calendar';

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
const http = () => request(strapi.server.httpServer);
const APPLICATION = 'plugin::deadlines.application';
const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

const form = () => ({
  organization: '002482162',
  applicantType: 'natural_person',
  applicantName: '王小明',
  idDocumentType: 'resident_id',
  idNumber: '11010519491231002X',
  contact: { phone: '13800001234', email: 'wang@example.com' },
  requestDescription: '申请公开2025年某某项目的环境影响评价批复文件',
  purpose: '了解周边建设项目情况',
  deliveryMethod: 'email',
  format: 'electronic',
});

beforeAll(async () => {
  process.env.APPLICATION_RATE_LIMIT_MAX = '6';
  strapi = await startStrapi('deadlines-intake');
  province = await buildProvince(strapi);
});
afterAll(async () => {
  delete process.env.APPLICATION_RATE_LIMIT_MAX;
  await stopStrapi(strapi);
});

describe('public online intake (依申请公开)', () => {
  let receipt: { trackingCode: string; secret: string; dueDate: string; receivedOn: string };

  it('registers an application and returns a tracking code and a secret', async () => {
    const res = await http().post('/api/deadlines/applications').send(form());
    expect(res.status).toBe(201);
    receipt = res.body.data;
    expect(receipt.trackingCode).toMatch(/^YSQ\d{8}[A-Z2-9]{6}$/);
    expect(receipt.secret).toMatch(/^[A-Z2-9]{12}$/);
    expect(receipt.receivedOn).toBe(today());
    expect(receipt.dueDate).toBe(createCalendar().addWorkingDays(today(), 20));
    const stored = await strapi.db.query(APPLICATION).findOne({ where: { trackingCode: receipt.trackingCode }, populate: { organization: true } });
    expect(stored).toMatchObject({ channel: 'online', idNumber: '11010519491231002X', state: 'open', organizationDocumentId: province.orgs.A.documentId });
    expect(stored.accessSecretHash).not.toContain(receipt.secret);
  });

  it('shows the applicant only status and dates, with the right secret', async () => {
    const res = await http().post('/api/deadlines/applications/status').send({ trackingCode: receipt.trackingCode, secret: receipt.secret });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ trackingCode: receipt.trackingCode, state: 'open', stateLabel: expect.any(String), receivedOn: today(), dueDate: receipt.dueDate, resultOn: null });
    const wrong = await http().post('/api/deadlines/applications/status').send({ trackingCode: receipt.trackingCode, secret: 'AAAAAAAAAAAA' });
    expect(wrong.status).toBe(404);
    expect(JSON.stringify(wrong.body)).not.toContain('王小明');
  });

  it('never exposes applications or their ID numbers over the public APIs', async () => {
    for (const path of ['/api/deadlines/applications', '/api/applications', `/api/deadlines/applications/${receipt.trackingCode}`]) {
      const res = await http().get(path);
      expect([403, 404, 405]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain('11010519491231002X');
    }
    const graphql = await http().post('/graphql').send({ query: '{ applications { trackingCode } }' });
    expect(JSON.stringify(graphql.body)).not.toContain(receipt.trackingCode);
    expect(graphql.body.errors?.[0]?.message).toMatch(/Cannot query field "applications"/);
  });

  it('answers bad input with 400 per field and stores nothing', async () => {
    const before = await strapi.db.query(APPLICATION).count();
    const res = await http()
      .post('/api/deadlines/applications')
      .send({ ...form(), applicantType: 'robot', idNumber: '110105194912310021', contact: {}, format: undefined });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    const fields = res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')).sort();
    expect(fields).toEqual(['applicantType', 'contact', 'format', 'idNumber']);
    expect(res.body.error.details.errors.find((e: { path: string[] }) => e.path[0] === 'idNumber').code).toBe('APPLICATION_ID_INVALID');
    expect(await strapi.db.query(APPLICATION).count()).toBe(before);
  });

  it('refuses an unknown organisation', async () => {
    const res = await http().post('/api/deadlines/applications').send({ ...form(), organization: '999999999' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('APPLICATION_ORGANIZATION_UNKNOWN');
  });

  it('quotes fees publicly, by page or by application count', async () => {
    const pages = await http().post('/api/deadlines/fees/quote').send({ method: 'per_page', pages: 150 });
    expect(pages.body.data.amountYuan).toBe(70 * 10 + 50 * 20);
    const count = await http().post('/api/deadlines/fees/quote').send({ method: 'per_application', applicationsThisMonth: 31 });
    expect(count.body.data.amountYuan).toBe(200);
    const staffOnly = await http().post('/api/deadlines/fees/quote').send({ method: 'per_application', applicationDocumentId: 'x' });
    expect(staffOnly.status).toBe(400);
  });

  it('rate-limits submissions per client address', async () => {
    // Three submissions so far from this address (bad ones count too); the limit is 6 per window.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await http().post('/api/deadlines/applications').send(form())).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await http().post('/api/deadlines/applications').send(form());
    expect(limited.status).toBe(429);
    expect(limited.body.error.details.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
