import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { adminAccount, buildProvince, CM_ITEMS, superAdmin } from './helpers/fixtures';

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let editorA: { token: string };
let root: { token: string };

const http = () => request(strapi.server.httpServer);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });
const sequenceOf = (indexNumber: string) => Number(indexNumber.split('-').pop());

beforeAll(async () => {
  strapi = await startStrapi('index-number');
  province = await buildProvince(strapi);
  editorA = await adminAccount(strapi, 'editor-a@example.gov.cn', 'department-editor', [province.orgs.A.documentId]);
  root = await superAdmin(strapi);
});
afterAll(async () => { await stopStrapi(strapi); });

const newItem = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  organization: { connect: [{ documentId: province.orgs.A.documentId }] },
  category: { connect: [{ documentId: province.category['plans'] }] },
  formedDate: '2026-05-06',
  ...extra,
});

describe('索引号 assignment', () => {
  it('gives 20 concurrent creations 20 distinct, consecutive numbers', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => http().post(CM_ITEMS).set(as(editorA)).send(newItem(`并发 ${i}`))));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = responses.map((r) => r.body.data.indexNumber as string);
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.every((n) => n.startsWith('002482162/2026-'))).toBe(true);
    expect(numbers.map(sequenceOf).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('leaves no gap when a creation fails after its number was drawn', async () => {
    const failed = await http().post(CM_ITEMS).set(as(editorA)).send(newItem('x'.repeat(600)));
    expect(failed.status).toBe(400);
    const next = await http().post(CM_ITEMS).set(as(editorA)).send(newItem('紧接着'));
    expect(next.status).toBe(201);
    expect(next.body.data.indexNumber).toBe('002482162/2026-00021');
  });

  it('counts per organisation and per year of the formed date', async () => {
    const otherYear = await http().post(CM_ITEMS).set(as(root)).send(newItem('2025 年的信息', { formedDate: '2025-12-30' }));
    expect(otherYear.body.data.indexNumber).toBe('002482162/2025-00001');
    const otherOrg = await http()
      .post(CM_ITEMS)
      .set(as(root))
      .send(newItem('B 的第一条', { organization: { connect: [{ documentId: province.orgs.B.documentId }] } }));
    expect(otherOrg.body.data.indexNumber).toBe('002489001/2026-00001');
  });

  it('gives a clone its own number and no publish time', async () => {
    const source = await http().post(CM_ITEMS).set(as(root)).send(newItem('原件'));
    await http().post(`${CM_ITEMS}/${source.body.data.documentId}/actions/publish`).set(as(root)).send({});
    const clone = await http().post(`/content-manager/collection-types/api::disclosure-item.disclosure-item/clone/${source.body.data.documentId}`).set(as(root)).send({ title: '复制件' });
    expect(clone.status).toBe(200);
    expect(clone.body.data.indexNumber).toBe('002482162/2026-00023');
    expect(clone.body.data.firstPublishedAt).toBeNull();
  });

  it('refuses a hand-typed index number with 400 naming the field', async () => {
    const res = await http().post(CM_ITEMS).set(as(root)).send(newItem('手填索引号', { indexNumber: '002482162/2026-09999' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('INDEX_NUMBER_READ_ONLY');
    expect(res.body.error.details.errors[0].path).toEqual(['indexNumber']);
  });

  it('keeps the number when the item is edited', async () => {
    const created = await http().post(CM_ITEMS).set(as(root)).send(newItem('将被修改'));
    const updated = await http().put(`${CM_ITEMS}/${created.body.data.documentId}`).set(as(root)).send({ ...newItem('已修改'), indexNumber: created.body.data.indexNumber });
    expect(updated.status).toBe(200);
    expect(updated.body.data.indexNumber).toBe(created.body.data.indexNumber);
  });
});
