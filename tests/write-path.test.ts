import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { adminAccount, buildProvince, CM_ITEMS, superAdmin, UID } from './helpers/fixtures';

/** The shortcuts of the authenticated write path (issue 8) keep every rule's effect. */
let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let root: { token: string };
let supervisor: { token: string; id: number };

const http = () => request(strapi.server.httpServer);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });
const SCANS = 'plugin::content-security.scan-result';

beforeAll(async () => {
  strapi = await startStrapi('write-path');
  province = await buildProvince(strapi);
  root = await superAdmin(strapi);
  supervisor = await adminAccount(strapi, 'supervisor-w@example.gov.cn', 'supervisor');
});
afterAll(async () => { await stopStrapi(strapi); });

describe('admin abilities reused between requests', () => {
  const readPermission = async () =>
    strapi.db.query('admin::permission').findOne({
      where: { action: 'plugin::content-manager.explorer.read', subject: UID.item, role: { code: 'supervisor' } },
      populate: { role: { select: ['id'] } },
    });

  it('a removed permission is refused on the next request, a restored one allowed again', async () => {
    expect((await http().get(CM_ITEMS).set(as(supervisor))).status).toBe(200);
    expect((await http().get(CM_ITEMS).set(as(supervisor))).status).toBe(200);

    const permission = await readPermission();
    expect(permission).toBeTruthy();
    await strapi.db.query('admin::permission').delete({ where: { id: permission.id } });
    expect((await http().get(CM_ITEMS).set(as(supervisor))).status).toBe(403);

    const { id: _id, documentId: _documentId, createdAt: _c, updatedAt: _u, role, ...rest } = permission;
    await strapi.db.query('admin::permission').create({ data: { ...rest, role: role.id } });
    expect((await http().get(CM_ITEMS).set(as(supervisor))).status).toBe(200);
  });

  it('a changed permission (fields) applies on the next request', async () => {
    const permission = await readPermission();
    const fields: string[] = permission.properties?.fields ?? [];
    expect(fields).toContain('title');
    const created = await http().post(CM_ITEMS).set(as(root)).send({ title: '字段权限', organization: province.orgs.A.documentId, category: province.category['plans'], formedDate: '2026-11-02' });
    expect(created.status).toBe(201);
    const path = `${CM_ITEMS}/${created.body.data.documentId}`;
    expect((await http().get(path).set(as(supervisor))).body.data.title).toBe('字段权限');

    await strapi.db.query('admin::permission').update({ where: { id: permission.id }, data: { properties: { ...permission.properties, fields: fields.filter((f) => f !== 'title') } } });
    try {
      expect((await http().get(path).set(as(supervisor))).body.data.title).toBeUndefined();
    } finally {
      await strapi.db.query('admin::permission').update({ where: { id: permission.id }, data: { properties: permission.properties } });
    }
    expect((await http().get(path).set(as(supervisor))).body.data.title).toBe('字段权限');
  });
});

describe('publish from the content manager (empty draft save first)', () => {
  it('publishes through every guard once: one scan, first publish time, timeliness, and the draft is unchanged', async () => {
    const created = await http().post(CM_ITEMS).set(as(root)).send({ title: '发布路径', organization: province.orgs.A.documentId, category: province.category['plans'], formedDate: '2026-11-02' });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    const draftBefore = await strapi.db.query(UID.item).findOne({ where: { documentId, publishedAt: null } });

    const published = await http().post(`${CM_ITEMS}/${documentId}/actions/publish`).set(as(root)).send({});
    expect(published.status).toBe(200);

    const scans = await strapi.db.query(SCANS).findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } });
    expect(scans.map((s: { trigger: string }) => s.trigger)).toEqual(['create', 'publish']);

    const rows = await strapi.db.query(UID.item).findMany({ where: { documentId } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.firstPublishedAt).toBeTruthy();
      expect(row.indexNumber).toBe(draftBefore.indexNumber);
      expect(['on_time', 'late']).toContain(row.timeliness);
    }
    const draftAfter = rows.find((r: { publishedAt: unknown }) => r.publishedAt === null);
    expect(draftAfter.title).toBe('发布路径');
  });

  it('an update with content still runs the rules (scan recorded, fields checked)', async () => {
    const created = await http().post(CM_ITEMS).set(as(root)).send({ title: '更新路径', organization: province.orgs.A.documentId, category: province.category['plans'], formedDate: '2026-11-02' });
    const { documentId } = created.body.data;
    const bad = await http().put(`${CM_ITEMS}/${documentId}`).set(as(root)).send({ indexNumber: 'X-1' });
    expect(bad.status).toBe(400);
    const ok = await http().put(`${CM_ITEMS}/${documentId}`).set(as(root)).send({ summary: '摘要' });
    expect(ok.status).toBe(200);
    const scans = await strapi.db.query(SCANS).findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } });
    expect(scans.map((s: { trigger: string }) => s.trigger)).toEqual(['create', 'update']);
  });

  it('an empty save answers with the stored draft and writes nothing', async () => {
    const created = await http().post(CM_ITEMS).set(as(root)).send({ title: '空保存', organization: province.orgs.A.documentId, category: province.category['plans'], formedDate: '2026-11-02' });
    const { documentId } = created.body.data;
    const before = await strapi.db.query(UID.item).findOne({ where: { documentId, publishedAt: null } });
    const res = await http().put(`${CM_ITEMS}/${documentId}`).set(as(root)).send({});
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('空保存');
    const after = await strapi.db.query(UID.item).findOne({ where: { documentId, publishedAt: null } });
    expect(new Date(after.updatedAt).getTime()).toBe(new Date(before.updatedAt).getTime());
  });
});
