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
/** A disclosure item of organisation A in 规划计划, formed on 2 November 2026, as the admin form sends it. */
const itemOf = (title: string, extra: Record<string, unknown> = {}) => ({ title, organization: province.orgs.A.documentId, category: province.category['plans'], formedDate: '2026-11-02', ...extra });
/** A DATE column as stored: a string (SQLite) or a Date at local midnight (PostgreSQL). */
const isoDay = (value: unknown) =>
  value instanceof Date ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}` : String(value).slice(0, 10);

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
    const created = await http().post(CM_ITEMS).set(as(root)).send(itemOf('字段权限'));
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
    const created = await http().post(CM_ITEMS).set(as(root)).send(itemOf('发布路径'));
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
    const created = await http().post(CM_ITEMS).set(as(root)).send(itemOf('更新路径'));
    const { documentId } = created.body.data;
    const bad = await http().put(`${CM_ITEMS}/${documentId}`).set(as(root)).send({ indexNumber: 'X-1' });
    expect(bad.status).toBe(400);
    const ok = await http().put(`${CM_ITEMS}/${documentId}`).set(as(root)).send({ summary: '摘要' });
    expect(ok.status).toBe(200);
    const scans = await strapi.db.query(SCANS).findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } });
    expect(scans.map((s: { trigger: string }) => s.trigger)).toEqual(['create', 'update']);
  });

  it('an empty save answers with the stored draft and writes nothing', async () => {
    const created = await http().post(CM_ITEMS).set(as(root)).send(itemOf('空保存'));
    const { documentId } = created.body.data;
    const before = await strapi.db.query(UID.item).findOne({ where: { documentId, publishedAt: null } });
    const res = await http().put(`${CM_ITEMS}/${documentId}`).set(as(root)).send({});
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('空保存');
    const after = await strapi.db.query(UID.item).findOne({ where: { documentId, publishedAt: null } });
    expect(new Date(after.updatedAt).getTime()).toBe(new Date(before.updatedAt).getTime());
  });
});

describe("the content manager's 发布 button: save and publish in one request", () => {
  // A new entry published without saving first: POST …/actions/publish with the form's data.
  it('creates and publishes a new item through every guard', async () => {
    const statements: string[] = [];
    const onQuery = (query: { sql: string }) => statements.push(query.sql);
    strapi.db.connection.on('query', onQuery);
    const res = await http().post(`${CM_ITEMS}/actions/publish`).set(as(root)).send(itemOf('一键发布'));
    strapi.db.connection.off('query', onQuery);
    expect(res.status).toBe(200);
    // The index number is drawn after the publish copied the draft, not between create and publish:
    // the counter row stays locked only until the commit.
    const counter = statements.findIndex((sql) => /insert into [`"]?catalogue_index_counters/i.test(sql));
    const inserts = statements.flatMap((sql, i) => (/insert into [`"]?disclosure_items[`"]? /i.test(sql) ? [i] : []));
    expect(inserts).toHaveLength(2);
    expect(counter).toBeGreaterThan(inserts[1]);
    const { documentId, indexNumber } = res.body.data;
    expect(indexNumber).toMatch(/\/2026-\d{5}$/);
    expect(res.body.data.publishedAt).toBeTruthy();

    const rows = await strapi.db.query(UID.item).findMany({ where: { documentId }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.indexNumber).toBe(indexNumber);
      expect(row.firstPublishedAt).toBeTruthy();
      expect(row.categoryCode).toBe('plans');
      expect(['on_time', 'late']).toContain(row.timeliness);
    }
    const scans = await strapi.db.query(SCANS).findMany({ where: { targetDocumentId: documentId }, orderBy: { id: 'asc' } });
    expect(scans.map((s: { trigger: string; outcome: string }) => [s.trigger, s.outcome])).toEqual([['create', 'clean'], ['publish', 'clean']]);
    const read = await http().get(`/api/disclosure-items/${documentId}`);
    expect(read.status).toBe(200);
    expect(read.body.data.indexNumber).toBe(indexNumber);
  });

  it('refuses a new item without organisation (400 ORGANIZATION_REQUIRED) and writes nothing, no number taken', async () => {
    const before = await http().post(`${CM_ITEMS}/actions/publish`).set(as(root)).send(itemOf('一键发布前'));
    const res = await http().post(`${CM_ITEMS}/actions/publish`).set(as(root)).send(itemOf('一键发布缺机关', { organization: undefined }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['organization'], code: 'ORGANIZATION_REQUIRED' });
    expect(await strapi.db.query(UID.item).count({ where: { title: '一键发布缺机关' } })).toBe(0);
    const after = await http().post(`${CM_ITEMS}/actions/publish`).set(as(root)).send(itemOf('一键发布后'));
    const sequence = (r: request.Response) => Number(String(r.body.data.indexNumber).split('-').pop());
    expect(sequence(after)).toBe(sequence(before) + 1);
  });

  // A saved draft published with the form's changes: POST …/:id/actions/publish with the data.
  it('updates and publishes a saved item in one request, with the rules of an update', async () => {
    const created = await http().post(CM_ITEMS).set(as(root)).send(itemOf('先保存'));
    const { documentId, indexNumber } = created.body.data;
    const refused = await http().post(`${CM_ITEMS}/${documentId}/actions/publish`).set(as(root)).send({ title: '先保存后发布', indexNumber: 'X-1' });
    expect(refused.status).toBe(400);
    expect(await strapi.db.query(UID.item).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(0);

    const res = await http().post(`${CM_ITEMS}/${documentId}/actions/publish`).set(as(root)).send({ title: '先保存后发布', summary: '摘要' });
    expect(res.status).toBe(200);
    const published = await strapi.db.query(UID.item).findOne({ where: { documentId, publishedAt: { $notNull: true } } });
    expect(published).toMatchObject({ title: '先保存后发布', summary: '摘要', indexNumber });
    expect(published.firstPublishedAt).toBeTruthy();
  });
});

describe('create and publish in one REST call with a full-access API token (the integrator path)', () => {
  const REVIEWS = 'plugin::policy-linkage.policy-review';
  const EVENTS = 'plugin::policy-linkage.review-event';
  let token: string;
  const rest = () => ({ Authorization: `Bearer ${token}` });
  const proactive = () => strapi.plugin('deadlines').service('proactive-disclosure');

  beforeAll(async () => {
    const created = await http().post('/admin/api-tokens').set(as(root)).send({ name: 'integrator', type: 'full-access', lifespan: null });
    expect(created.status).toBe(201);
    token = created.body.data.accessKey;
  });

  it('publishes through every guard: index number, first publish time, timeliness as a recomputation gives, one scan, the policy released', async () => {
    const res = await http().post('/api/disclosure-items').set(rest()).send({ data: itemOf('接口发布', { category: province.category['rules'] }) });
    expect(res.status).toBe(201);
    const { documentId } = res.body.data;

    const rows = await strapi.db.query(UID.item).findMany({ where: { documentId }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(2);
    expect((await http().get(`/api/disclosure-items/${documentId}`)).status).toBe(200);
    const [draft, published] = rows;
    expect(draft.indexNumber).toMatch(/\/2026-\d{5}$/);
    expect(published.indexNumber).toBe(draft.indexNumber);
    expect(draft.firstPublishedAt).toBeTruthy();
    expect(draft.categoryCode).toBe('rules');
    expect(draft.issuingOrgan).toBeTruthy();

    // Written with the item from the submitted data: the same as recomputing from the stored rows.
    const stored = { disclosureDueDate: draft.disclosureDueDate, timeliness: draft.timeliness, daysLate: draft.daysLate };
    expect(['on_time', 'late']).toContain(stored.timeliness);
    const recomputed = await proactive().refresh(documentId);
    expect(recomputed.timeliness).toBe(stored.timeliness);
    expect(recomputed.daysLate).toBe(stored.daysLate);
    expect(isoDay(stored.disclosureDueDate)).toBe(recomputed.disclosureDueDate);
    expect(published.timeliness).toBe(stored.timeliness);

    const scans = await strapi.db.query(SCANS).findMany({ where: { targetDocumentId: documentId } });
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ trigger: 'create', outcome: 'clean', targetTitle: '接口发布', organizationDocumentId: province.orgs.A.documentId });
    expect(scans[0].documentId).toBeTruthy();

    // 政府规章 is a policy category without the interpretation requirement: released with its review and event.
    const review = await strapi.db.query(REVIEWS).findOne({ where: { policyDocumentId: documentId } });
    expect(review).toMatchObject({ stage: 'published', organizationDocumentId: province.orgs.A.documentId });
    expect(review.releasedAt).toBeTruthy();
    const events = await strapi.db.query(EVENTS).findMany({ where: { policyDocumentId: documentId } });
    expect(events.map((e: { action: string }) => e.action)).toEqual(['publish']);
    expect(events[0].actorName).toBe('系统');
  });

  it('refuses a missing organisation (400 ORGANIZATION_REQUIRED) and writes nothing', async () => {
    const res = await http().post('/api/disclosure-items').set(rest()).send({ data: { title: '缺少机关', category: province.category['rules'], formedDate: '2026-11-02' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['organization'], code: 'ORGANIZATION_REQUIRED' });
    expect(await strapi.db.query(UID.item).count({ where: { title: '缺少机关' } })).toBe(0);
  });

  it('refuses personal data in the text (400 PERSONAL_DATA_FOUND), stores the refusal and nothing public', async () => {
    const res = await http().post('/api/disclosure-items').set(rest()).send({ data: itemOf('含身份证号', { summary: '申请人身份证号 33010619500412301X', category: province.category['rules'] }) });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('PERSONAL_DATA_FOUND');
    expect(await strapi.db.query(UID.item).count({ where: { title: '含身份证号' } })).toBe(0);
    const refusal = await strapi.db.query(SCANS).findOne({ where: { targetTitle: '含身份证号' } });
    expect(refusal).toMatchObject({ trigger: 'create', outcome: 'blocked', blockingCode: 'PERSONAL_DATA_FOUND' });
  });

  it('refuses a category that needs an interpretation until its review is approved (POLICY_NOT_APPROVED)', async () => {
    const res = await http().post('/api/disclosure-items').set(rest()).send({ data: itemOf('规范性文件直发', { category: province.category['normative-documents'] }) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('POLICY_NOT_APPROVED');
    expect(await strapi.db.query(UID.item).count({ where: { title: '规范性文件直发' } })).toBe(0);
  });
});

describe('publish uses the draft the catalogue read (write facts)', () => {
  it('a draft created on one day and published later gets the due date and timeliness a recomputation gives', async () => {
    const created = await http().post(CM_ITEMS).set(as(root)).send(itemOf('先存草稿', { category: province.category['rules'], formedDate: '2020-01-06' }));
    expect(created.status).toBe(201);
    const { documentId } = created.body.data;
    const draft = await strapi.db.query(UID.item).findOne({ where: { documentId, publishedAt: null } });
    expect(draft.timeliness).toBe('overdue');
    expect(draft.firstPublishedAt).toBeNull();

    expect((await http().post(`${CM_ITEMS}/${documentId}/actions/publish`).set(as(root)).send({})).status).toBe(200);
    const rows = await strapi.db.query(UID.item).findMany({ where: { documentId } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ timeliness: 'late' });
    expect(rows[0].daysLate).toBeGreaterThan(100);
    expect(rows[1].daysLate).toBe(rows[0].daysLate);
    const recomputed = await strapi.plugin('deadlines').service('proactive-disclosure').refresh(documentId);
    expect(recomputed).toMatchObject({ timeliness: 'late', daysLate: rows[0].daysLate });
  });
});

describe('organisation and category changes apply to the very next write', () => {
  const create = (data: Record<string, unknown>) => http().post(CM_ITEMS).set(as(root)).send({ formedDate: '2026-11-02', ...data });

  it('an organisation created a moment ago is found, and a new code and name apply to the next item at once', async () => {
    await create({ title: '缓存预热', organization: province.orgs.A.documentId, category: province.category['plans'] });
    const org = (await strapi.documents(UID.organization as never).create({ data: { name: '杭州市统计局', code: '002482999', region: province.regions.hangzhou.documentId } } as never)) as { documentId: string };
    const first = await create({ title: '新机关', organization: org.documentId, category: province.category['plans'] });
    expect(first.status).toBe(201);
    expect(first.body.data.indexNumber).toMatch(/^002482999\//);
    expect(first.body.data.issuingOrgan).toBe('杭州市统计局');

    await strapi.documents(UID.organization as never).update({ documentId: org.documentId, data: { name: '杭州市统计局（更名）', code: '002482998' } } as never);
    const second = await create({ title: '改名之后', organization: org.documentId, category: province.category['plans'] });
    expect(second.status).toBe(201);
    expect(second.body.data.indexNumber).toMatch(/^002482998\//);
    expect(second.body.data.issuingOrgan).toBe('杭州市统计局（更名）');

    await strapi.documents(UID.organization as never).delete({ documentId: org.documentId } as never);
    const third = await create({ title: '机关已删除', organization: org.documentId, category: province.category['plans'] });
    expect(third.status).toBe(400);
    expect(third.body.error.details.errors[0]).toMatchObject({ path: ['organization'], code: 'ORGANIZATION_REFERENCE_INVALID' });
  });

  it("a category's new disclosure limit moves the next item's due date", async () => {
    const code = 'plans';
    const before = await create({ title: '期限之前', organization: province.orgs.A.documentId, category: province.category[code] });
    expect(before.status).toBe(201);
    const category = await strapi.db.query(UID.category).findOne({ where: { code } });
    await strapi.documents(UID.category as never).update({ documentId: category.documentId, data: { disclosureLimitDays: 7 } } as never);
    try {
      const after = await create({ title: '期限之后', organization: province.orgs.A.documentId, category: province.category[code] });
      expect(after.status).toBe(201);
      const rows = await strapi.db.query(UID.item).findMany({ where: { documentId: { $in: [before.body.data.documentId, after.body.data.documentId] }, publishedAt: null } });
      const due = Object.fromEntries(rows.map((r: { title: string; disclosureDueDate: unknown }) => [r.title, isoDay(r.disclosureDueDate)]));
      // 2026-11-02 + 20 working days, and + 7.
      expect(due['期限之前']).toBe('2026-11-30');
      expect(due['期限之后']).toBe('2026-11-11');
    } finally {
      await strapi.documents(UID.category as never).update({ documentId: category.documentId, data: { disclosureLimitDays: category.disclosureLimitDays } } as never);
    }
  });
});
