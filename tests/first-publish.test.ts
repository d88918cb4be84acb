import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { adminAccount, buildProvince, CM_ITEMS, superAdmin } from './helpers/fixtures';

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let root: { token: string };
let reviewerA: { token: string };

const http = () => request(strapi.server.httpServer);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });
const ITEMS = 'api::disclosure-item.disclosure-item';

beforeAll(async () => {
  strapi = await startStrapi('first-publish');
  province = await buildProvince(strapi);
  root = await superAdmin(strapi);
  reviewerA = await adminAccount(strapi, 'reviewer-a@example.gov.cn', 'department-reviewer', [province.orgs.A.documentId]);
});
afterAll(async () => { await stopStrapi(strapi); });

const draft = async (title: string) => {
  const res = await http()
    .post(CM_ITEMS)
    .set(as(reviewerA))
    .send({ title, organization: province.orgs.A.documentId, category: province.category['plans'], formedDate: '2026-05-06' });
  expect(res.status).toBe(201);
  return res.body.data as { documentId: string; firstPublishedAt: string | null };
};

const storedRows = async (documentId: string) =>
  (await strapi.db.query(ITEMS).findMany({ where: { documentId }, select: ['firstPublishedAt', 'publishedAt'] })) as Array<{ firstPublishedAt: unknown; publishedAt: unknown }>;

describe('first publish time (首次发布时间)', () => {
  it('is empty on a draft and stamped on the first publish, on draft and published rows alike', async () => {
    const item = await draft('首次发布');
    expect(item.firstPublishedAt).toBeNull();
    const before = Date.now();
    const published = await http().post(`${CM_ITEMS}/${item.documentId}/actions/publish`).set(as(reviewerA)).send({});
    expect(published.status).toBe(200);
    const stamped = new Date(published.body.data.firstPublishedAt).getTime();
    expect(stamped).toBeGreaterThanOrEqual(before - 1000);
    expect(stamped).toBeLessThanOrEqual(Date.now() + 1000);
    const rows = await storedRows(item.documentId);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => new Date(r.firstPublishedAt as string).getTime())).toEqual([stamped, stamped]);
  });

  it('survives unpublish, edit and republish unchanged', async () => {
    const item = await draft('反复发布');
    const first = await http().post(`${CM_ITEMS}/${item.documentId}/actions/publish`).set(as(reviewerA)).send({});
    const stamp = first.body.data.firstPublishedAt;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await http().post(`${CM_ITEMS}/${item.documentId}/actions/unpublish`).set(as(reviewerA)).send({})).status).toBe(200);
    expect((await http().put(`${CM_ITEMS}/${item.documentId}`).set(as(reviewerA)).send({ title: '反复发布（修订）' })).status).toBe(200);
    const again = await http().post(`${CM_ITEMS}/${item.documentId}/actions/publish`).set(as(reviewerA)).send({});
    expect(again.status).toBe(200);
    expect(again.body.data.firstPublishedAt).toBe(stamp);
    expect(new Date(again.body.data.publishedAt).getTime()).toBeGreaterThan(new Date(stamp).getTime());
  });

  it('refuses any attempt to set or alter it, and keeps the stored value', async () => {
    const item = await draft('倒填日期');
    const onDraft = await http().put(`${CM_ITEMS}/${item.documentId}`).set(as(root)).send({ firstPublishedAt: '2020-01-01T00:00:00.000Z' });
    expect(onDraft.status).toBe(400);
    expect(onDraft.body.error.details.code).toBe('FIRST_PUBLISH_TIME_IMMUTABLE');
    expect(onDraft.body.error.details.errors[0].path).toEqual(['firstPublishedAt']);

    const published = await http().post(`${CM_ITEMS}/${item.documentId}/actions/publish`).set(as(root)).send({});
    const stamp = published.body.data.firstPublishedAt;
    const backdated = await http().put(`${CM_ITEMS}/${item.documentId}`).set(as(root)).send({ title: '倒填日期', firstPublishedAt: '2020-01-01T00:00:00.000Z' });
    expect(backdated.status).toBe(400);
    expect(backdated.body.error.details.code).toBe('FIRST_PUBLISH_TIME_IMMUTABLE');
    const cleared = await http().put(`${CM_ITEMS}/${item.documentId}`).set(as(root)).send({ firstPublishedAt: null });
    expect(cleared.status).toBe(400);

    const rows = await storedRows(item.documentId);
    expect(rows.map((r) => new Date(r.firstPublishedAt as string).toISOString())).toEqual([stamp, stamp]);
  });

  it('refuses it on creation', async () => {
    const res = await http()
      .post(CM_ITEMS)
      .set(as(root))
      .send({ title: '预置发布时间', organization: province.orgs.A.documentId, category: province.category['plans'], formedDate: '2026-05-06', firstPublishedAt: '2026-01-01T00:00:00.000Z' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('FIRST_PUBLISH_TIME_IMMUTABLE');
  });

  it('is stamped when the Document Service creates straight to published', async () => {
    const created = (await strapi.documents(ITEMS as never).create({
      data: { title: '直接发布', organization: province.orgs.A.documentId, category: province.category['plans'], formedDate: '2026-05-06' },
      status: 'published',
    } as never)) as { documentId: string };
    const rows = await storedRows(created.documentId);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.firstPublishedAt)).toBe(true);
  });

  it('is never writable through an editor form (the field is not in their permitted fields)', async () => {
    const item = await draft('编辑尝试');
    await http().post(`${CM_ITEMS}/${item.documentId}/actions/publish`).set(as(reviewerA)).send({});
    const [before] = await storedRows(item.documentId);
    const res = await http().put(`${CM_ITEMS}/${item.documentId}`).set(as(reviewerA)).send({ title: '编辑尝试', firstPublishedAt: '2020-01-01T00:00:00.000Z' });
    expect(res.status).toBe(200);
    const [after] = await storedRows(item.documentId);
    expect(new Date(after.firstPublishedAt as string).getTime()).toBe(new Date(before.firstPublishedAt as string).getTime());
  });
});
