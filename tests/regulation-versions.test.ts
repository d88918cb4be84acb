import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { adminAccount, buildProvince, superAdmin } from './helpers/fixtures';

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let editorA: { token: string };
let editorB: { token: string };
let root: { token: string };

const http = () => request(strapi.server.httpServer);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });
const CM = '/content-manager/collection-types/plugin::regulation-versions.regulation';
const ADMIN = '/regulation-versions/regulations';
const PUBLIC = '/api/regulation-versions';

const TEXT_V1 = '第一条 为了规范公共数据管理，制定本办法。\n第二条 本办法适用于本市行政区域内的公共数据管理活动。\n第三条 公共数据主管部门负责统筹协调。\n第四条 本办法自2023年1月1日起施行。';
const TEXT_V2 = '第一条 为了规范公共数据管理，促进数据共享开放，制定本办法。\n第二条 本办法适用于本市行政区域内的公共数据管理活动。\n第三条 公共数据主管部门负责统筹协调和监督检查。\n第四条 本办法自2024年7月1日起施行。\n第五条 涉及<个人信息>的数据应当脱敏处理。';
const TEXT_V3 = '第一条 为了规范公共数据管理，促进数据共享开放，制定本办法。\n第二条 本办法适用于本市行政区域内的公共数据管理和服务活动。\n第三条 公共数据主管部门负责统筹协调和监督检查。\n第四条 本办法自2027年3月1日起施行。';

const createRegulation = async (account: { token: string }, data: Record<string, unknown>) => {
  const res = await http().post(CM).set(as(account)).send(data);
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const addVersion = (account: { token: string }, id: string, body: Record<string, unknown>) => http().post(`${ADMIN}/${id}/versions`).set(as(account)).send(body);
const publish = (account: { token: string }, id: string, n: number) => http().post(`${ADMIN}/${id}/versions/${n}/publish`).set(as(account)).send({});
const inForce = (id: string, date: string) => http().get(`${PUBLIC}/regulations/${id}/in-force?date=${date}`);

let dataRules: string;

beforeAll(async () => {
  strapi = await startStrapi('regulation-versions');
  province = await buildProvince(strapi);
  editorA = await adminAccount(strapi, 'editor-a@example.gov.cn', 'department-editor', [province.orgs.A.documentId]);
  editorB = await adminAccount(strapi, 'editor-b@example.gov.cn', 'department-editor', [province.orgs.B.documentId]);
  root = await superAdmin(strapi);

  dataRules = await createRegulation(editorA, { title: '杭州市公共数据管理办法', kind: 'normative_document', documentNumber: '杭政发〔2022〕30号', organization: province.orgs.A.documentId, topic: 'general_affairs' });
  const versions = [
    { change: 'original', text: TEXT_V1, actDocumentNumber: '杭政发〔2022〕30号', actDate: '2022-11-20', publishedOn: '2022-11-25', effectiveOn: '2023-01-01' },
    { change: 'amendment', text: TEXT_V2, actDocumentNumber: '杭政发〔2024〕12号', actDate: '2024-05-10', publishedOn: '2024-05-20', effectiveOn: '2024-07-01' },
    { change: 'amendment', text: TEXT_V3, actDocumentNumber: '杭政发〔2026〕8号', actDate: '2026-11-01', publishedOn: '2026-11-10', effectiveOn: '2027-03-01' },
  ];
  for (const [i, version] of versions.entries()) {
    const drafted = await addVersion(editorA, dataRules, version);
    expect(drafted.status).toBe(201);
    expect((await publish(editorA, dataRules, i + 1)).status).toBe(200);
  }
});
afterAll(async () => { await stopStrapi(strapi); });

describe('point in time', () => {
  it.each([
    ['2022-12-31', 'not_yet_in_force', null],
    ['2023-01-01', 'in_force', 1],
    ['2024-06-30', 'in_force', 1],
    ['2024-07-01', 'in_force', 2],
    ['2026-11-27', 'in_force', 2],
    ['2027-03-01', 'in_force', 3],
  ])('on %s answers %s (version %s)', async (date, status, versionNumber) => {
    const res = await inForce(dataRules, date);
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe(status);
    expect(res.body.data.version?.versionNumber ?? null).toBe(versionNumber);
    if (status === 'not_yet_in_force') expect(res.body.data.firstEffectiveOn).toBe('2023-01-01');
  });

  it('lists the versions with their own status', async () => {
    const res = await http().get(`${PUBLIC}/regulations/${dataRules}/versions`);
    expect(res.body.data.versions.map((v: { versionNumber: number; status: string }) => [v.versionNumber, v.status])).toEqual([
      [1, 'amended'],
      [2, 'valid'],
      [3, 'not_yet_effective'],
    ]);
    expect(res.body.data).toMatchObject({ status: 'valid', versionInForce: 2 });
  });
});

describe('diff between versions', () => {
  it('compares by article and paragraph, as JSON and as an HTML fragment', async () => {
    const res = await http().get(`${PUBLIC}/regulations/${dataRules}/diff?from=1&to=2`);
    expect(res.status).toBe(200);
    const byNumber = Object.fromEntries(res.body.data.articles.map((a: { number?: number; after?: { number: number }; before?: { number: number }; status: string }) => [a.after?.number ?? a.before?.number ?? a.number, a.status]));
    expect(byNumber).toMatchObject({ 1: 'changed', 2: 'unchanged', 3: 'changed', 5: 'added' });
    expect(res.body.html).toContain('<ins');
    expect(res.body.html).toContain('&lt;个人信息&gt;');
    expect(res.body.html).not.toContain('<个人信息>');
    const html = await http().get(`${PUBLIC}/regulations/${dataRules}/diff?from=1&to=2&format=html`);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('<del');
  });
});

describe('bad input names the rule', () => {
  it('refuses overlapping effective periods and an amendment dated before the version it amends', async () => {
    const id = await createRegulation(editorA, { title: '杭州市测试规定', kind: 'rule', organization: province.orgs.A.documentId });
    await addVersion(editorA, id, { change: 'original', text: '第一条 测试。\n第二条 测试二。', actDocumentNumber: '杭州市人民政府令第1号', actDate: '2024-01-01', publishedOn: '2024-01-05', effectiveOn: '2024-02-01' });
    await publish(editorA, id, 1);
    const early = await addVersion(editorA, id, { change: 'amendment', text: '第一条 修改。\n第二条 测试二。', actDocumentNumber: '杭州市人民政府令第2号', actDate: '2023-12-01', publishedOn: '2023-12-05', effectiveOn: '2024-01-15' });
    expect(early.status).toBe(400);
    expect(early.body.error.details.errors.map((e: { code: string }) => e.code)).toContain('AMENDMENT_BEFORE_AMENDED');
    const published = await http().put(`${ADMIN}/${id}/versions/1`).set(as(editorA)).send({ text: '第一条 偷偷修改。' });
    expect(published.status).toBe(400);
    expect(published.body.error.details.code).toBe('PUBLISHED_VERSION_IMMUTABLE');
    const overlapping = await addVersion(editorA, id, { change: 'amendment', text: '第一条 修改。\n第二条 测试二。', actDocumentNumber: '杭州市人民政府令第3号', actDate: '2024-01-20', publishedOn: '2024-01-25', effectiveOn: '2024-02-01' });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.error.details.errors.map((e: { code: string }) => e.code)).toContain('VERSION_PERIODS_OVERLAP');
    // Not through the Document Service either (the content manager, scripts): only the timeline writes versions.
    const [stored] = await strapi.db.query('plugin::regulation-versions.regulation-version').findMany({ where: { regulation: { documentId: id } } });
    await expect(strapi.documents('plugin::regulation-versions.regulation-version' as never).update({ documentId: stored.documentId, data: { text: 'x' } } as never)).rejects.toMatchObject({
      details: { code: 'VERSION_WRITE_THROUGH_TIMELINE' },
    });
    const direct = await http().put(`/content-manager/collection-types/plugin::regulation-versions.regulation-version/${stored.documentId}`).set(as(root)).send({ text: 'x' });
    expect(direct.status).toBeGreaterThanOrEqual(400);
    expect((await strapi.db.query('plugin::regulation-versions.regulation-version').findOne({ where: { id: stored.id } })).text).toContain('第一条 测试。');
  });

  it('refuses a repeal of something already repealed, and drops it from the register', async () => {
    const id = await createRegulation(editorA, { title: '杭州市旧规定', kind: 'rule', organization: province.orgs.A.documentId });
    await addVersion(editorA, id, { change: 'original', text: '第一条 旧规定。', actDocumentNumber: '杭州市人民政府令第9号', actDate: '2019-01-01', publishedOn: '2019-01-05', effectiveOn: '2019-02-01' });
    await publish(editorA, id, 1);
    const repealed = await http().post(`${ADMIN}/${id}/repeal`).set(as(editorA)).send({ documentNumber: '杭州市人民政府令第20号', effectiveOn: '2025-06-01' });
    expect(repealed.status).toBe(200);
    expect(repealed.body.data.status).toBe('invalid');
    const again = await http().post(`${ADMIN}/${id}/repeal`).set(as(editorA)).send({ documentNumber: '杭州市人民政府令第21号', effectiveOn: '2025-07-01' });
    expect(again.status).toBe(400);
    expect(again.body.error.details.code).toBe('REPEAL_ALREADY_REPEALED');
    const after = await inForce(id, '2025-06-01');
    expect(after.body.data).toMatchObject({ status: 'repealed', repeal: { documentNumber: '杭州市人民政府令第20号', effectiveOn: '2025-06-01' } });
    const register = await http().get(`${PUBLIC}/register?region=330100`);
    expect(register.body.data.map((r: { title: string }) => r.title)).not.toContain('杭州市旧规定');
  });
});

describe('partial repeal and expiry', () => {
  it('marks a partially repealed regulation 部分失效 and keeps it in the register', async () => {
    const id = await createRegulation(editorA, { title: '杭州市市容管理规定', kind: 'rule', organization: province.orgs.A.documentId });
    await addVersion(editorA, id, { change: 'original', text: '第一条 总则。\n第二条 门前三包。\n第三条 罚则。', actDocumentNumber: '杭州市人民政府令第5号', actDate: '2020-01-01', publishedOn: '2020-01-05', effectiveOn: '2020-02-01' });
    await publish(editorA, id, 1);
    const res = await http().post(`${ADMIN}/${id}/partial-repeal`).set(as(editorA)).send({ documentNumber: '杭州市人民政府令第30号', effectiveOn: '2026-01-01', articles: [3] });
    expect(res.body.data.status).toBe('partially_invalid');
    const now = await inForce(id, '2026-06-01');
    expect(now.body.data).toMatchObject({ status: 'in_force', validity: 'partially_invalid', repealedArticles: [3] });
    const register = await http().get(`${PUBLIC}/register?region=330100&kind=rule`);
    expect(register.body.data.find((r: { title: string }) => r.title === '杭州市市容管理规定')?.validity).toBe('partially_invalid');
  });

  it('lets a normative document expire after its validity period (2 years for 试行)', async () => {
    const id = await createRegulation(editorA, { title: '杭州市某某补贴办法（试行）', kind: 'normative_document', organization: province.orgs.A.documentId });
    await addVersion(editorA, id, { change: 'original', text: '第一条 补贴。', actDocumentNumber: '杭政办发〔2023〕3号', actDate: '2023-01-10', publishedOn: '2023-01-15', effectiveOn: '2023-02-01' });
    const published = await publish(editorA, id, 1);
    expect(published.body.data.status).toBe('invalid');
    const res = await inForce(id, '2025-01-31');
    expect(res.body.data.status).toBe('in_force');
    const expired = await inForce(id, '2025-02-01');
    expect(expired.body.data).toMatchObject({ status: 'expired', expiresOn: '2025-01-31' });
  });
});

describe('the currently-valid register', () => {
  it('covers a region with its organisations and, optionally, its descendants', async () => {
    const own = await http().get(`${PUBLIC}/register?region=330100`);
    expect(own.status).toBe(200);
    const titles = own.body.data.map((r: { title: string }) => r.title);
    expect(titles).toEqual(expect.arrayContaining(['杭州市公共数据管理办法', '杭州市市容管理规定']));
    expect(titles).not.toContain('杭州市某某补贴办法（试行）');
    expect((await http().get(`${PUBLIC}/register?region=330000`)).body.meta.pagination.total).toBe(own.body.meta.pagination.total);
    expect((await http().get(`${PUBLIC}/register?region=330000&descendants=false`)).body.meta.pagination.total).toBe(0);
    expect((await http().get(`${PUBLIC}/register?region=330200`)).body.meta.pagination.total).toBe(0);
    expect((await http().get(`${PUBLIC}/register?region=33`)).status).toBe(400);
  });

  it('does not show drafts publicly', async () => {
    const id = await createRegulation(editorA, { title: '草稿中的办法', kind: 'rule', organization: province.orgs.A.documentId });
    await addVersion(editorA, id, { change: 'original', text: '第一条 草稿。', actDocumentNumber: '杭州市人民政府令第99号', actDate: '2026-11-01', publishedOn: '2026-11-02', effectiveOn: '2026-11-03' });
    expect((await http().get(`${PUBLIC}/regulations/${id}/versions`)).status).toBe(404);
    expect((await http().get(`${PUBLIC}/register?region=330100`)).body.data.map((r: { title: string }) => r.title)).not.toContain('草稿中的办法');
  });

  it('counts made, repealed and currently valid for the annual report', async () => {
    const res = await http().get(`${PUBLIC}/counts?year=2025&organization=002482162`);
    expect(res.status).toBe(200);
    expect(res.body.data.counts.rule).toMatchObject({ repealed: 1 });
    expect(res.body.data.counts.normative_document.currentlyValid).toBe(1);
  });
});

describe('organisation scope and history', () => {
  it("keeps another organisation's editor out of the timeline and its actions", async () => {
    expect((await http().get(`${ADMIN}/${dataRules}/timeline`).set(as(editorB))).status).toBe(403);
    expect((await http().post(`${ADMIN}/${dataRules}/repeal`).set(as(editorB)).send({ documentNumber: 'x〔2026〕1号', effectiveOn: '2026-11-01' })).status).toBe(403);
    const other = await http().post(CM).set(as(editorB)).send({ title: '冒名', kind: 'rule', organization: province.orgs.A.documentId });
    expect(other.status).toBe(403);
  });

  it('shows who did what and when', async () => {
    const res = await http().get(`${ADMIN}/${dataRules}/timeline`).set(as(editorA));
    expect(res.status).toBe(200);
    expect(res.body.data.history.map((h: { type: string }) => h.type)).toEqual(['version_drafted', 'version_published', 'version_drafted', 'version_published', 'version_drafted', 'version_published']);
    expect(res.body.data.history.every((h: { recordedBy: string }) => h.recordedBy === 'editor-a')).toBe(true);
  });
});
