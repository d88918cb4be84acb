import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { adminAccount, buildProvince, CM_ITEMS, createItem } from './helpers/fixtures';

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let editorA: { token: string };
let reviewerA: { token: string };
let supervisor: { token: string };
let itemA: { documentId: string };
let itemB: { documentId: string };

const http = () => request(strapi.server.httpServer);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });

beforeAll(async () => {
  strapi = await startStrapi('organization-scope');
  province = await buildProvince(strapi);
  editorA = await adminAccount(strapi, 'editor-a@example.gov.cn', 'department-editor', [province.orgs.A.documentId]);
  reviewerA = await adminAccount(strapi, 'reviewer-a@example.gov.cn', 'department-reviewer', [province.orgs.A.documentId]);
  supervisor = await adminAccount(strapi, 'supervisor@example.gov.cn', 'supervisor');
  itemA = await createItem(strapi, { title: 'A 的信息', organization: province.orgs.A.documentId, category: province.category['plans'] });
  itemB = await createItem(strapi, { title: 'B 的信息', organization: province.orgs.B.documentId, category: province.category['plans'] });
});
afterAll(async () => { await stopStrapi(strapi); });

describe('department editor of organisation A', () => {
  it('reads its own item through the admin API', async () => {
    const res = await http().get(`${CM_ITEMS}/${itemA.documentId}`).set(as(editorA));
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('A 的信息');
  });

  it("gets 403 reading B's item", async () => {
    const res = await http().get(`${CM_ITEMS}/${itemB.documentId}`).set(as(editorA));
    expect(res.status).toBe(403);
  });

  it("gets 403 changing B's item, and B's item is unchanged", async () => {
    const res = await http().put(`${CM_ITEMS}/${itemB.documentId}`).set(as(editorA)).send({ title: '被篡改' });
    expect(res.status).toBe(403);
    const stored = await strapi.documents('api::disclosure-item.disclosure-item' as never).findOne({ documentId: itemB.documentId } as never);
    expect((stored as unknown as { title: string }).title).toBe('B 的信息');
  });

  it("gets 403 deleting or publishing B's item", async () => {
    expect((await http().delete(`${CM_ITEMS}/${itemB.documentId}`).set(as(editorA))).status).toBe(403);
    expect((await http().post(`${CM_ITEMS}/${itemB.documentId}/actions/publish`).set(as(editorA)).send({})).status).toBe(403);
  });

  it('sees only its own organisation in the list', async () => {
    const res = await http().get(CM_ITEMS).set(as(editorA));
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { title: string }) => r.title)).toEqual(['A 的信息']);
  });

  it('creates for its own organisation and gets an index number', async () => {
    const res = await http()
      .post(CM_ITEMS)
      .set(as(editorA))
      .send({ title: 'A 新建', organization: { connect: [{ documentId: province.orgs.A.documentId }] }, category: province.category['plans'], formedDate: '2026-04-01' });
    expect(res.status).toBe(201);
    expect(res.body.data.indexNumber).toMatch(/^002482162\/2026-\d{5}$/);
  });

  it('is refused creating for organisation B, and nothing is stored', async () => {
    const before = await strapi.documents('api::disclosure-item.disclosure-item' as never).count({} as never);
    const res = await http()
      .post(CM_ITEMS)
      .set(as(editorA))
      .send({ title: '冒名', organization: province.orgs.B.documentId, category: province.category['plans'], formedDate: '2026-04-01' });
    expect(res.status).toBe(403);
    expect(res.body.error.details.code).toBe('ORGANIZATION_OUT_OF_SCOPE');
    expect(await strapi.documents('api::disclosure-item.disclosure-item' as never).count({} as never)).toBe(before);
  });

  it('is refused moving its own item to organisation B', async () => {
    const res = await http().put(`${CM_ITEMS}/${itemA.documentId}`).set(as(editorA)).send({ organization: { connect: [{ documentId: province.orgs.B.documentId }], disconnect: [] } });
    expect(res.status).toBe(403);
    expect(res.body.error.details.code).toBe('ORGANIZATION_OUT_OF_SCOPE');
  });

  it('cannot publish (only reviewers publish)', async () => {
    const res = await http().post(`${CM_ITEMS}/${itemA.documentId}/actions/publish`).set(as(editorA)).send({});
    expect(res.status).toBe(403);
  });
});

describe('department reviewer of organisation A', () => {
  it('publishes its own item', async () => {
    const res = await http().post(`${CM_ITEMS}/${itemA.documentId}/actions/publish`).set(as(reviewerA)).send({});
    expect(res.status).toBe(200);
    expect(res.body.data.publishedAt).toBeTruthy();
  });

  it("cannot publish B's item", async () => {
    const res = await http().post(`${CM_ITEMS}/${itemB.documentId}/actions/publish`).set(as(reviewerA)).send({});
    expect(res.status).toBe(403);
  });
});

describe('supervisor', () => {
  it('reads every organisation', async () => {
    const res = await http().get(CM_ITEMS).set(as(supervisor));
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { title: string }) => r.title).sort()).toEqual(expect.arrayContaining(['A 的信息', 'B 的信息']));
  });

  it('edits nothing', async () => {
    expect((await http().put(`${CM_ITEMS}/${itemB.documentId}`).set(as(supervisor)).send({ title: 'x' })).status).toBe(403);
    expect((await http().post(CM_ITEMS).set(as(supervisor)).send({ title: 'x', organization: province.orgs.B.documentId })).status).toBe(403);
    expect((await http().post(`${CM_ITEMS}/${itemB.documentId}/actions/publish`).set(as(supervisor)).send({})).status).toBe(403);
  });
});
