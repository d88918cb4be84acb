import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { adminAccount, buildProvince, CM_ITEMS, superAdmin, UID } from './helpers/fixtures';

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let editorA: { token: string };
let root: { token: string };

const http = () => request(strapi.server.httpServer);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });
const sequenceOf = (indexNumber: string) => Number(indexNumber.split('-').pop());
/** The stored index numbers of a document's rows, draft first. */
const numbersOf = async (documentId: string): Promise<Array<string | null>> =>
  (await strapi.db.query(UID.item).findMany({ where: { documentId }, select: ['indexNumber', 'publishedAt'], orderBy: { id: 'asc' } })).map(
    (row: { indexNumber: string | null }) => row.indexNumber
  );

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

  it('leaves no gap when a creation fails', async () => {
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
    // Stored as answered; the source's draft and published rows keep their own number.
    expect(await numbersOf(clone.body.data.documentId)).toEqual(['002482162/2026-00023']);
    expect(await numbersOf(source.body.data.documentId)).toEqual(['002482162/2026-00022', '002482162/2026-00022']);
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

/**
 * The number is drawn as the write's last statements (after the rows, their relations and every
 * other plugin's rules), then written to every row of the new document and into the answer.
 * These use organisation P (002482001) and 2024, a counter of their own.
 */
describe('索引号 drawn last in the write', () => {
  const documents = () => strapi.documents(UID.item as never);
  const itemOfP = (title: string) => ({
    title,
    organization: province.orgs.P.documentId,
    category: province.category['plans'],
    formedDate: '2024-03-02',
    disclosureAttribute: 'proactive',
  });
  type Item = { id: number; documentId: string; indexNumber: string | null; publishedAt: string | null };

  it('a create with status published answers with the number that its draft and published rows carry', async () => {
    const created = (await documents().create({ data: itemOfP('直接发布'), status: 'published' } as never)) as Item;
    expect(created.publishedAt).toBeTruthy();
    expect(created.indexNumber).toBe('002482001/2024-00001');
    expect(await numbersOf(created.documentId)).toEqual(['002482001/2024-00001', '002482001/2024-00001']);
  });

  it('the REST create of an integrator (create and publish at once) answers with the number', async () => {
    const token = await http().post('/admin/api-tokens').set(as(root)).send({ name: 'index-number', type: 'full-access', lifespan: null });
    expect(token.status).toBe(201);
    const res = await http().post('/api/disclosure-items').set({ Authorization: `Bearer ${token.body.data.accessKey}` }).send({ data: itemOfP('接口发布') });
    expect(res.status).toBe(201);
    expect(res.body.data.indexNumber).toBe('002482001/2024-00002');
    expect(await numbersOf(res.body.data.documentId)).toEqual(['002482001/2024-00002', '002482001/2024-00002']);
  });

  it("a Document Service clone answers { documentId, entries } with a fresh number; the source keeps its own", async () => {
    const source = (await documents().create({ data: itemOfP('克隆源'), status: 'published' } as never)) as Item;
    expect(source.indexNumber).toBe('002482001/2024-00003');
    const clone = (await documents().clone({ documentId: source.documentId, data: { title: '克隆件' } } as never)) as { documentId: string; entries: Item[] };
    expect(clone.documentId).not.toBe(source.documentId);
    expect(clone.entries.map((e) => e.indexNumber)).toEqual(['002482001/2024-00004']);
    expect(await numbersOf(clone.documentId)).toEqual(['002482001/2024-00004']);
    expect(await numbersOf(source.documentId)).toEqual(['002482001/2024-00003', '002482001/2024-00003']);
  });

  it('a creation rolled back after its number was drawn gives the number back', async () => {
    let drawn: string | null = null;
    await expect(
      strapi.db.transaction(async () => {
        drawn = ((await documents().create({ data: itemOfP('回滚'), status: 'published' } as never)) as Item).indexNumber;
        throw new Error('rolled back');
      })
    ).rejects.toThrow('rolled back');
    expect(drawn).toBe('002482001/2024-00005');
    const next = (await documents().create({ data: itemOfP('回滚之后') } as never)) as Item;
    expect(next.indexNumber).toBe('002482001/2024-00005');
  });

  it('gives 10 concurrent creations with status published 10 consecutive numbers, each on both its rows', async () => {
    const created = (await Promise.all(
      Array.from({ length: 10 }, (_, i) => documents().create({ data: itemOfP(`并发发布 ${i}`), status: 'published' } as never))
    )) as Item[];
    expect(created.map((c) => sequenceOf(c.indexNumber!)).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 6));
    for (const item of created) expect(await numbersOf(item.documentId)).toEqual([item.indexNumber, item.indexNumber]);
  });
});
