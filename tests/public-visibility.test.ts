import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { buildProvince, createItem } from './helpers/fixtures';

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let published: { documentId: string };
let draftOnly: { documentId: string };
let onApplication: { documentId: string };

const http = () => request(strapi.server.httpServer);
const ITEMS = 'api::disclosure-item.disclosure-item';
const INTERNAL_FIELDS = ['internalNote', 'organizationDocumentId', 'nonDisclosureReason', 'createdBy', 'updatedBy', 'editors'];
const graphql = (query: string) => http().post('/graphql').send({ query });

beforeAll(async () => {
  strapi = await startStrapi('public-visibility');
  province = await buildProvince(strapi);
  // Policy documents, in a category that needs no interpretation: the 三同步 rules have tests of their own.
  const base = { organization: province.orgs.A.documentId, category: province.category['rules'] };
  published = await createItem(strapi, { ...base, title: '已发布的政策', internalNote: '内部：请勿外传' }, true);
  // An unpublished change on top of the published version.
  await strapi.documents(ITEMS as never).update({ documentId: published.documentId, data: { title: '尚未发布的修改稿', summary: '草稿摘要' } } as never);
  draftOnly = await createItem(strapi, { ...base, title: '从未发布的草稿' });
  onApplication = await createItem(strapi, { ...base, title: '依申请公开的信息', disclosureAttribute: 'on_application', nonDisclosureReason: '涉及第三方' }, true);
});
afterAll(async () => { await stopStrapi(strapi); });

describe('REST', () => {
  it('lists only the published version of proactive items', async () => {
    const res = await http().get('/api/disclosure-items');
    expect(res.status).toBe(200);
    expect(res.body.data.map((i: { title: string }) => i.title)).toEqual(['已发布的政策']);
  });

  it('ignores a request for drafts', async () => {
    for (const status of ['draft', 'DRAFT']) {
      const res = await http().get(`/api/disclosure-items?status=${status}`);
      expect(res.status).toBe(200);
      expect(res.body.data.map((i: { title: string }) => i.title)).toEqual(['已发布的政策']);
    }
    const one = await http().get(`/api/disclosure-items/${published.documentId}?status=draft`);
    expect(one.body.data.title).toBe('已发布的政策');
  });

  it('does not find a never-published draft or an item not proactively disclosed', async () => {
    expect((await http().get(`/api/disclosure-items/${draftOnly.documentId}`)).status).toBe(404);
    expect((await http().get(`/api/disclosure-items/${draftOnly.documentId}?status=draft`)).status).toBe(404);
    expect((await http().get(`/api/disclosure-items/${onApplication.documentId}`)).status).toBe(404);
  });

  it('never returns internal fields, even when asked for them', async () => {
    const res = await http().get(`/api/disclosure-items/${published.documentId}?populate=*`);
    expect(res.status).toBe(200);
    expect(res.body.data.indexNumber).toMatch(/^002482162\/2026-\d{5}$/);
    for (const field of INTERNAL_FIELDS) expect(res.body.data).not.toHaveProperty(field);
    expect(JSON.stringify(res.body)).not.toContain('内部：请勿外传');
    const asked = await http().get(`/api/disclosure-items?fields[0]=title&fields[1]=internalNote`);
    expect(JSON.stringify(asked.body)).not.toContain('内部：请勿外传');
    const filtered = await http().get(`/api/disclosure-items?filters[internalNote][$contains]=内部`);
    expect(filtered.status).toBe(400);
  });

  it('does not leak organisation editors through populate', async () => {
    const res = await http().get('/api/organizations?populate=*');
    expect(res.status).toBe(200);
    for (const org of res.body.data) expect(org).not.toHaveProperty('editors');
  });
});

describe('GraphQL', () => {
  it('lists only published, proactive items whatever status is asked', async () => {
    for (const status of ['PUBLISHED', 'DRAFT']) {
      const res = await graphql(`{ disclosureItems(status: ${status}) { title } }`);
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.disclosureItems.map((i: { title: string }) => i.title)).toEqual(['已发布的政策']);
    }
  });

  it('does not resolve drafts or non-proactive items by id', async () => {
    const draft = await graphql(`{ disclosureItem(documentId: "${draftOnly.documentId}", status: DRAFT) { title } }`);
    expect(draft.body.data.disclosureItem).toBeNull();
    const notProactive = await graphql(`{ disclosureItem(documentId: "${onApplication.documentId}") { title } }`);
    expect(notProactive.body.data.disclosureItem).toBeNull();
    const ok = await graphql(`{ disclosureItem(documentId: "${published.documentId}", status: DRAFT) { title indexNumber } }`);
    expect(ok.body.data.disclosureItem.title).toBe('已发布的政策');
  });

  it('has no internal fields in its schema', async () => {
    for (const field of ['internalNote', 'organizationDocumentId', 'nonDisclosureReason']) {
      const res = await graphql(`{ disclosureItems { title ${field} } }`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toContain(field);
    }
  });

  it('filters by region subtree the same way REST does', async () => {
    const res = await graphql(`{ disclosureItems(filters: { organization: { region: { path: { contains: "/330000/" } } } }) { title organization { code } } }`);
    expect(res.body.data.disclosureItems).toEqual([{ title: '已发布的政策', organization: { code: '002482162' } }]);
  });
});
