import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import Redis from 'ioredis';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { buildProvince, CM_ITEMS, createItem, superAdmin } from './helpers/fixtures';

/**
 * Two instances behind one imaginary load balancer: this process (A) and a child process (B) on the
 * same database and the same Redis (REDIS_URL, default redis://127.0.0.1:6379), with a key prefix of
 * this run's own. A write on one instance is never followed by an old read on the other.
 */
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-public-cache:${process.pid}-${Date.now()}:`;

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let root: { token: string };
let child: ChildProcess;
let baseB: string;

const A = () => request(strapi.server.httpServer);
const B = () => request(baseB);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });
const CM_ORGS = '/content-manager/collection-types/api::organization.organization';
const titles = (res: request.Response) => res.body.data.map((i: { title: string }) => i.title);
// A policy category that needs no interpretation: 三同步 has tests of its own.
const base = () => ({ organization: province.orgs.A.documentId, category: province.category['rules'] });

const startInstanceB = () =>
  new Promise<string>((resolve, reject) => {
    child = spawn(process.execPath, [path.join(__dirname, 'helpers', 'http-instance.js')], { env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`instance B did not start:\n${output}`)), 90000);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const ready = /READY (\d+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${ready[1]}`);
      }
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`instance B exited (${code}):\n${output}`)));
  });

beforeAll(async () => {
  process.env.REDIS_URL = redisUrl;
  process.env.PUBLIC_CACHE_KEY_PREFIX = prefix;
  strapi = await startStrapi('public-cache-instances');
  province = await buildProvince(strapi);
  root = await superAdmin(strapi);
  baseB = await startInstanceB();
}, 180000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await stopStrapi(strapi);
  delete process.env.REDIS_URL;
  delete process.env.PUBLIC_CACHE_KEY_PREFIX;
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe('two instances sharing the database and Redis', () => {
  it('uses Redis and shares entries: what A stored, B serves', async () => {
    expect((strapi.plugin('public-cache').service('cache') as { kind(): string }).kind()).toBe('redis');
    await createItem(strapi, { ...base(), title: '共享条目' }, true);
    const onA = await A().get('/api/disclosure-items?pagination[pageSize]=7');
    expect(onA.headers['x-cache']).toBe('MISS');
    const onB = await B().get('/api/disclosure-items?pagination[pageSize]=7');
    expect(onB.headers['x-cache']).toBe('HIT');
    expect(onB.headers.etag).toBe(onA.headers.etag);
    expect((await B().get('/api/disclosure-items?pagination[pageSize]=7').set('If-None-Match', onA.headers.etag)).status).toBe(304);
  });

  it('publish on A, read on B at once', async () => {
    const created = await A().post(CM_ITEMS).set(as(root)).send({ ...base(), title: '甲实例发布', formedDate: '2026-03-02', disclosureAttribute: 'proactive', topic: 'general_affairs' });
    expect(created.status).toBe(201);
    const list = '/api/disclosure-items?pagination[pageSize]=100';
    await B().get(list);
    expect((await B().get(list)).headers['x-cache']).toBe('HIT');
    expect((await A().post(`${CM_ITEMS}/${created.body.data.documentId}/actions/publish`).set(as(root)).send({})).status).toBe(200);
    expect(titles(await B().get(list))).toContain('甲实例发布');
    expect((await B().get(`/api/disclosure-items/${created.body.data.documentId}`)).body.data.title).toBe('甲实例发布');
  });

  it('unpublish on B, read on A at once (REST and GraphQL)', async () => {
    const item = await createItem(strapi, { ...base(), title: '乙实例撤回' }, true);
    const one = `/api/disclosure-items/${item.documentId}`;
    const query = `{ disclosureItem(documentId: "${item.documentId}") { title } }`;
    await A().get(one);
    expect((await A().get(one)).headers['x-cache']).toBe('HIT');
    await A().post('/graphql').send({ query });
    expect((await A().post('/graphql').send({ query })).body.data.disclosureItem.title).toBe('乙实例撤回');

    expect((await B().post(`${CM_ITEMS}/${item.documentId}/actions/unpublish`).set(as(root)).send({})).status).toBe(200);
    expect((await A().get(one)).status).toBe(404);
    expect((await A().post('/graphql').send({ query })).body.data.disclosureItem).toBeNull();
  });

  it('a relation edited on B shows on the related item read on A', async () => {
    const path = `/api/regions/${province.regions.ningbo.documentId}?populate=organizations`;
    await A().get(path);
    expect((await A().get(path)).headers['x-cache']).toBe('HIT');
    const moved = await B().put(`${CM_ORGS}/${province.orgs.P.documentId}`).set(as(root)).send({ region: { connect: [{ documentId: province.regions.ningbo.documentId }], disconnect: [] } });
    expect(moved.status).toBe(200);
    expect((await A().get(path)).body.data.organizations.map((o: { code: string }) => o.code)).toContain(province.orgs.P.code);
  });

  it('an edit republished on A replaces what B had cached', async () => {
    const item = await createItem(strapi, { ...base(), title: '旧版' }, true);
    const one = `/api/disclosure-items/${item.documentId}?populate=organization`;
    await B().get(one);
    expect((await B().get(one)).body.data.title).toBe('旧版');
    expect((await A().put(`${CM_ITEMS}/${item.documentId}`).set(as(root)).send({ title: '新版' })).status).toBe(200);
    expect((await B().get(one)).body.data.title).toBe('旧版');
    expect((await A().post(`${CM_ITEMS}/${item.documentId}/actions/publish`).set(as(root)).send({})).status).toBe(200);
    expect((await B().get(one)).body.data.title).toBe('新版');
  });
});
