import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { buildProvince, CM_ITEMS, createItem, superAdmin, UID } from './helpers/fixtures';

/**
 * The public read cache on one instance (memory store, the default): every write that changes
 * what the public sees is visible to the very next read, over REST and GraphQL.
 */
let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let root: { token: string };

const http = () => request(strapi.server.httpServer);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });
const CM_ORGS = '/content-manager/collection-types/api::organization.organization';
const titles = (res: request.Response) => res.body.data.map((i: { title: string }) => i.title);
const graphql = (query: string) => http().post('/graphql').send({ query });

/**
 * Reads until the answer comes from the cache, so a later fresh answer proves invalidation. A write
 * finishing in the background (Strapi's own bookkeeping) may empty the cache once in a while; that
 * costs a hit, never freshness, so a few tries are allowed.
 */
const warm = async (path: string) => {
  await http().get(path);
  let again = await http().get(path);
  for (let tries = 0; again.headers['x-cache'] !== 'HIT' && tries < 3; tries++) again = await http().get(path);
  expect(again.headers['x-cache']).toBe('HIT');
  return again;
};

beforeAll(async () => {
  strapi = await startStrapi('public-cache');
  province = await buildProvince(strapi);
  root = await superAdmin(strapi);
});
afterAll(async () => { await stopStrapi(strapi); });

// A policy category that needs no interpretation: 三同步 has tests of its own.
const base = () => ({ organization: province.orgs.A.documentId, category: province.category['rules'] });

describe('REST reads', () => {
  it('serves a repeated read from the cache with an ETag, and 304 for If-None-Match', async () => {
    await createItem(strapi, { ...base(), title: '缓存测试一' }, true);
    const first = await http().get('/api/disclosure-items?pagination[pageSize]=5');
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const second = await http().get('/api/disclosure-items?pagination[pageSize]=5');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body).toEqual(first.body);
    expect(second.headers['content-type']).toMatch(/application\/json/);

    const notModified = await http().get('/api/disclosure-items?pagination[pageSize]=5').set('If-None-Match', first.headers.etag);
    expect(notModified.status).toBe(304);
    expect(notModified.text ?? '').toBe('');
    const otherTag = await http().get('/api/disclosure-items?pagination[pageSize]=5').set('If-None-Match', '"something-else"');
    expect(otherTag.status).toBe(200);
  });

  it('runs a spike of identical misses once: the others wait for the first answer', async () => {
    const path = '/api/disclosure-items?pagination[pageSize]=9&sort[0]=title:asc';
    const answers = await Promise.all(Array.from({ length: 6 }, () => http().get(path)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.headers['x-cache'] === 'MISS')).toHaveLength(1);
    expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
  });

  it('shows an item published through the admin on the very next read, and hides it after unpublish', async () => {
    const created = await http().post(CM_ITEMS).set(as(root)).send({ ...base(), title: '发布后立即可见', formedDate: '2026-03-02', disclosureAttribute: 'proactive', topic: 'general_affairs' });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;

    expect(titles(await warm('/api/disclosure-items?pagination[pageSize]=100'))).not.toContain('发布后立即可见');
    expect((await http().get(`/api/disclosure-items/${documentId}`)).status).toBe(404);

    expect((await http().post(`${CM_ITEMS}/${documentId}/actions/publish`).set(as(root)).send({})).status).toBe(200);
    const list = await http().get('/api/disclosure-items?pagination[pageSize]=100');
    expect(list.headers['x-cache']).toBe('MISS');
    expect(titles(list)).toContain('发布后立即可见');
    const one = await warm(`/api/disclosure-items/${documentId}`);
    expect(one.body.data.title).toBe('发布后立即可见');

    expect((await http().post(`${CM_ITEMS}/${documentId}/actions/unpublish`).set(as(root)).send({})).status).toBe(200);
    expect((await http().get(`/api/disclosure-items/${documentId}`)).status).toBe(404);
    expect(titles(await http().get('/api/disclosure-items?pagination[pageSize]=100'))).not.toContain('发布后立即可见');
  });

  it('shows an edit of a published item once it is republished, never the draft in between', async () => {
    const item = await createItem(strapi, { ...base(), title: '原标题' }, true);
    expect((await warm(`/api/disclosure-items/${item.documentId}`)).body.data.title).toBe('原标题');

    expect((await http().put(`${CM_ITEMS}/${item.documentId}`).set(as(root)).send({ title: '草稿里的新标题' })).status).toBe(200);
    const during = await http().get(`/api/disclosure-items/${item.documentId}`);
    expect(during.body.data.title).toBe('原标题');
    expect(JSON.stringify((await http().get('/api/disclosure-items?pagination[pageSize]=100')).body)).not.toContain('草稿里的新标题');
    expect((await http().get(`/api/disclosure-items/${item.documentId}?status=draft`)).body.data.title).toBe('原标题');

    expect((await http().post(`${CM_ITEMS}/${item.documentId}/actions/publish`).set(as(root)).send({})).status).toBe(200);
    expect((await http().get(`/api/disclosure-items/${item.documentId}`)).body.data.title).toBe('草稿里的新标题');
  });

  it('never serves a draft-only item, cached or not', async () => {
    const draft = await createItem(strapi, { ...base(), title: '只有草稿' });
    for (let i = 0; i < 2; i++) {
      expect((await http().get(`/api/disclosure-items/${draft.documentId}`)).status).toBe(404);
      expect((await http().get(`/api/disclosure-items/${draft.documentId}?status=draft`)).status).toBe(404);
      expect(titles(await http().get('/api/disclosure-items?status=draft&pagination[pageSize]=100'))).not.toContain('只有草稿');
      const gql = await graphql(`{ disclosureItems(status: DRAFT, pagination: { pageSize: 100 }) { title } }`);
      expect(gql.body.data.disclosureItems.map((i: { title: string }) => i.title)).not.toContain('只有草稿');
    }
    // A 404 is never stored.
    expect((await http().get(`/api/disclosure-items/${draft.documentId}`)).headers['x-cache']).toBeUndefined();
  });

  it('shows a relation change on the related item at once: an organisation moved to another region', async () => {
    const orgPath = `/api/regions/${province.regions.ningbo.documentId}?populate=organizations`;
    const before = await warm(orgPath);
    expect(before.body.data.organizations.map((o: { code: string }) => o.code)).not.toContain(province.orgs.C.code);

    const moved = await http().put(`${CM_ORGS}/${province.orgs.C.documentId}`).set(as(root)).send({ region: { connect: [{ documentId: province.regions.ningbo.documentId }], disconnect: [] } });
    expect(moved.status).toBe(200);
    const after = await http().get(orgPath);
    expect(after.body.data.organizations.map((o: { code: string }) => o.code)).toContain(province.orgs.C.code);
    const hangzhou = await http().get(`/api/regions/${province.regions.xihu.documentId}?populate=organizations`);
    expect(hangzhou.body.data.organizations.map((o: { code: string }) => o.code)).not.toContain(province.orgs.C.code);
  });

  it("shows a renamed organisation inside the items that populate it", async () => {
    const item = await createItem(strapi, { ...base(), organization: province.orgs.B.documentId, title: '看机构名称' }, true);
    const path = `/api/disclosure-items/${item.documentId}?populate=organization`;
    expect((await warm(path)).body.data.organization.name).toBe('宁波市财政局');
    expect((await http().put(`${CM_ORGS}/${province.orgs.B.documentId}`).set(as(root)).send({ name: '宁波市财政局（新）' })).status).toBe(200);
    expect((await http().get(path)).body.data.organization.name).toBe('宁波市财政局（新）');
  });

  it('sees writes made below the Document Service (strapi.db.query, as jobs do)', async () => {
    const item = await createItem(strapi, { ...base(), title: '作业前' }, true);
    expect((await warm(`/api/disclosure-items/${item.documentId}`)).body.data.title).toBe('作业前');
    await strapi.db.query(UID.item as never).updateMany({ where: { documentId: item.documentId }, data: { title: '作业后' } } as never);
    expect((await http().get(`/api/disclosure-items/${item.documentId}`)).body.data.title).toBe('作业后');
  });

  it('sees a write committed by a transaction of a plugin (the bump waits for the commit)', async () => {
    const item = await createItem(strapi, { ...base(), title: '事务前' }, true);
    expect((await warm(`/api/disclosure-items/${item.documentId}`)).body.data.title).toBe('事务前');
    await strapi.db.transaction(async () => {
      await strapi.db.query(UID.item as never).updateMany({ where: { documentId: item.documentId }, data: { title: '事务后' } } as never);
    });
    await (strapi.plugin('public-cache').service('cache') as { settle(): Promise<void> }).settle();
    expect((await http().get(`/api/disclosure-items/${item.documentId}`)).body.data.title).toBe('事务后');
  });

  it('sees a delete at once', async () => {
    const item = await createItem(strapi, { ...base(), title: '将被删除' }, true);
    await warm(`/api/disclosure-items/${item.documentId}`);
    expect((await http().delete(`${CM_ITEMS}/${item.documentId}`).set(as(root))).status).toBe(200);
    expect((await http().get(`/api/disclosure-items/${item.documentId}`)).status).toBe(404);
  });
});

describe('hits served in front of the pipeline', () => {
  const stats = () => ({ ...(strapi.plugin('public-cache').service('cache') as { stats: Record<string, number> }).stats });
  const OWN = new Set(['date', 'etag', 'x-cache', 'content-length', 'connection', 'keep-alive']);
  const pipelineHeaders = (res: request.Response) => Object.fromEntries(Object.entries(res.headers).filter(([name]) => !OWN.has(name)));

  it('answers a repeated GET before Koa with exactly the headers the pipeline gave the first answer', async () => {
    const path = '/api/regions?pagination[pageSize]=2&sort[0]=code:asc';
    const miss = await http().get(path);
    expect(miss.headers['x-cache']).toBe('MISS');
    // What strapi::security and strapi::poweredBy add, which a hit must not lose.
    expect(miss.headers['content-security-policy']).toContain("default-src 'self'");
    expect(miss.headers['x-powered-by']).toBe('Strapi <strapi.io>');
    const before = stats();
    const hit = await http().get(path);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(stats().fastHits).toBe(before.fastHits + 1);
    expect(pipelineHeaders(hit)).toEqual(pipelineHeaders(miss));
    expect(hit.headers.vary).toBe('Origin, Authorization');
    expect(hit.text).toBe(miss.text);
    expect(Number(hit.headers['content-length'])).toBe(Buffer.byteLength(miss.text));

    const notModified = await http().get(path).set('If-None-Match', miss.headers.etag);
    expect(notModified.status).toBe(304);
    expect(stats().fastHits).toBe(before.fastHits + 2);
  });

  it('keeps one answer per Origin, each with its own CORS headers', async () => {
    const path = '/api/regions?pagination[pageSize]=3&sort[0]=code:asc';
    const origin = 'https://www.zj.gov.cn';
    const plainMiss = await http().get(path);
    expect(plainMiss.headers['access-control-allow-origin']).not.toBe(origin);
    const corsMiss = await http().get(path).set('Origin', origin);
    expect(corsMiss.headers['x-cache']).toBe('MISS');
    expect(corsMiss.headers['access-control-allow-origin']).toBe(origin);
    const corsHit = await http().get(path).set('Origin', origin);
    expect(corsHit.headers['x-cache']).toBe('HIT');
    expect(corsHit.headers['access-control-allow-origin']).toBe(origin);
    const plainHit = await http().get(path);
    expect(plainHit.headers['x-cache']).toBe('HIT');
    expect(plainHit.headers['access-control-allow-origin']).toBe(plainMiss.headers['access-control-allow-origin']);
  });

  it('answers a repeated GraphQL POST from the front too, and hands a body it read on to Strapi', async () => {
    const query = '{ regions(sort: "code:asc", pagination: { pageSize: 2 }) { code name } }';
    const miss = await graphql(query);
    expect(miss.status).toBe(200);
    expect(miss.headers['x-cache']).toBe('MISS');
    const before = stats();
    const hit = await graphql(query);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(stats().fastHits).toBe(before.fastHits + 1);
    expect(hit.body).toEqual(miss.body);
    // A different query: read by the fast path, missed, and still answered by GraphQL from that body.
    const other = await graphql('{ regions(sort: "code:desc", pagination: { pageSize: 1 }) { code } }');
    expect(other.status).toBe(200);
    expect(other.headers['x-cache']).toBe('MISS');
    expect(other.body.data.regions).toHaveLength(1);
    // Variables are part of the key.
    const withVariables = (size: number) => http().post('/graphql').send({ query: 'query R($n: Int) { regions(pagination: { pageSize: $n }) { code } }', variables: { n: size } });
    expect((await withVariables(1)).body.data.regions).toHaveLength(1);
    expect((await withVariables(2)).body.data.regions).toHaveLength(2);
  });

  it('never answers a request with credentials from the front, and refuses a broken GraphQL body with 400', async () => {
    const path = '/api/regions?pagination[pageSize]=4';
    await warm(path);
    const before = stats();
    const withToken = await http().get(path).set('Authorization', 'Bearer not-a-token');
    expect(withToken.status).toBe(401);
    expect(withToken.headers['x-cache']).toBeUndefined();
    expect(stats().fastHits).toBe(before.fastHits);

    const broken = await http().post('/graphql').set('Content-Type', 'application/json').send('{"query": ');
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.code).toBe('GRAPHQL_BODY_INVALID');
  });
});

describe('never cached', () => {
  it('does not answer or store authenticated requests', async () => {
    const token = await strapi.service('admin::api-token').create({ name: 'cache-test', type: 'read-only', lifespan: null, permissions: [] } as never);
    const auth = { Authorization: `Bearer ${(token as { accessKey: string }).accessKey}` };
    const path = '/api/disclosure-categories?pagination[pageSize]=3';
    const before = { ...(strapi.plugin('public-cache').service('cache') as { stats: Record<string, number> }).stats };
    for (let i = 0; i < 2; i++) {
      const res = await http().get(path).set(auth);
      expect(res.status).toBe(200);
      expect(res.headers['x-cache']).toBeUndefined();
      expect(res.headers.etag).toBeUndefined();
    }
    const after = (strapi.plugin('public-cache').service('cache') as { stats: Record<string, number> }).stats;
    expect(after.stores).toBe(before.stores);
    expect(after.bypasses).toBe(before.bypasses + 2);
    // The same URL anonymously starts from an empty entry.
    expect((await http().get(path)).headers['x-cache']).toBe('MISS');
  });

  it('does not cache admin routes, per-applicant endpoints, query secrets or mutations', async () => {
    for (let i = 0; i < 2; i++) {
      const admin = await http().get('/content-manager/collection-types/api::region.region').set(as(root));
      expect(admin.status).toBe(200);
      expect(admin.headers['x-cache']).toBeUndefined();
      const status = await http().post('/api/deadlines/applications/status').send({ trackingCode: 'X', secret: 'Y' });
      expect(status.headers['x-cache']).toBeUndefined();
      const quote = await http().post('/api/deadlines/fees/quote').send({ method: 'per_page', pages: 20 });
      expect(quote.headers['x-cache']).toBeUndefined();
      const secret = await http().get('/api/regions?access_token=abc');
      expect(secret.headers['x-cache']).toBeUndefined();
      const mutation = await graphql('mutation { createRegion(data: { code: "330300", name: "温州市", level: city }) { documentId } }');
      expect(mutation.headers['x-cache']).toBeUndefined();
    }
  });
});

describe('GraphQL reads', () => {
  it('caches anonymous queries (POST and GET) and shows a publish at once', async () => {
    const query = '{ disclosureItems(pagination: { pageSize: 100 }) { title } }';
    await graphql(query);
    let hit = await graphql(query);
    // As in warm(): a stray background write of Strapi's (content-manager settings) may cost one hit.
    for (let tries = 0; hit.headers['x-cache'] !== 'HIT' && tries < 3; tries++) hit = await graphql(query);
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers.etag).toBeDefined();
    const viaGet = await http().get(`/graphql?query=${encodeURIComponent(query)}`).set('apollo-require-preflight', 'true');
    expect(viaGet.status).toBe(200);
    await createItem(strapi, { ...base(), title: 'GraphQL 发布后可见' }, true);
    const after = await graphql(query);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.disclosureItems.map((i: { title: string }) => i.title)).toContain('GraphQL 发布后可见');
    const afterGet = await http().get(`/graphql?query=${encodeURIComponent(query)}`).set('apollo-require-preflight', 'true');
    expect(afterGet.body.data.disclosureItems.map((i: { title: string }) => i.title)).toContain('GraphQL 发布后可见');
  });

  it('does not store answers with errors', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await graphql('{ disclosureItems { noSuchField } }');
      expect(res.headers['x-cache']).not.toBe('HIT');
    }
  });
});
