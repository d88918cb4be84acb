import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { buildProvince, CM_ITEMS, superAdmin } from './helpers/fixtures';

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
let root: { token: string };

const http = () => request(strapi.server.httpServer);
const as = (account: { token: string }) => ({ Authorization: `Bearer ${account.token}` });
const ITEMS = 'api::disclosure-item.disclosure-item';
const CM = (uid: string) => `/content-manager/collection-types/${uid}`;
const countItems = () => strapi.documents(ITEMS as never).count({} as never);

beforeAll(async () => {
  strapi = await startStrapi('validation');
  province = await buildProvince(strapi);
  root = await superAdmin(strapi);
});
afterAll(async () => { await stopStrapi(strapi); });

const valid = () => ({
  title: '关于印发某某办法的通知',
  organization: province.orgs.A.documentId,
  category: province.category['normative-documents'],
  formedDate: '2026-05-06',
  documentNumber: '杭政办发〔2026〕12号',
});

const expectRefusal = (res: request.Response, field: string, code: string) => {
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
  expect(res.body.error.details.code).toBe(code);
  expect(res.body.error.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: [field], code })]));
  expect(res.body.error.message).toContain(field);
};

describe('disclosure item input', () => {
  it.each([
    ['documentNumber', 'DOCUMENT_NUMBER_FORMAT', { documentNumber: '杭政办发[2026]12号' }],
    ['nonDisclosureReason', 'NON_DISCLOSURE_REASON_REQUIRED', { disclosureAttribute: 'not_disclosed' }],
    ['expiryDate', 'EXPIRY_BEFORE_EFFECTIVE', { effectiveDate: '2026-06-01', expiryDate: '2026-05-31' }],
    ['formedDate', 'FORMED_BEFORE_WRITTEN', { writtenDate: '2026-05-07' }],
    ['organization', 'ORGANIZATION_REQUIRED', { organization: undefined }],
    ['category', 'CATEGORY_REQUIRED', { category: undefined }],
  ])('refuses a bad %s (%s) on create and stores nothing', async (field, code, change) => {
    const before = await countItems();
    const res = await http().post(CM(ITEMS)).set(as(root)).send({ ...valid(), ...change });
    expectRefusal(res, field, code);
    expect(await countItems()).toBe(before);
  });

  it('lists every broken rule at once', async () => {
    const res = await http().post(CM(ITEMS)).set(as(root)).send({ ...valid(), documentNumber: '12号', disclosureAttribute: 'on_application', effectiveDate: '2026-06-01', expiryDate: '2026-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: { code: string }) => e.code).sort()).toEqual(['DOCUMENT_NUMBER_FORMAT', 'EXPIRY_BEFORE_EFFECTIVE', 'NON_DISCLOSURE_REASON_REQUIRED']);
  });

  it('refuses a bad update without writing any of it', async () => {
    const created = await http().post(CM(ITEMS)).set(as(root)).send(valid());
    expect(created.status).toBe(201);
    const res = await http().put(`${CM(ITEMS)}/${created.body.data.documentId}`).set(as(root)).send({ title: '改过的标题', documentNumber: '杭政办发（2026）12号' });
    expectRefusal(res, 'documentNumber', 'DOCUMENT_NUMBER_FORMAT');
    const stored = (await strapi.documents(ITEMS as never).findOne({ documentId: created.body.data.documentId } as never)) as unknown as { title: string; documentNumber: string };
    expect(stored).toMatchObject({ title: '关于印发某某办法的通知', documentNumber: '杭政办发〔2026〕12号' });
  });

  it("fills the issuing organ from the organisation when left empty", async () => {
    const created = await http().post(CM(ITEMS)).set(as(root)).send(valid());
    expect(created.body.data.issuingOrgan).toBe('杭州市发展和改革委员会');
  });

  it('uses Strapi validation for schema rules, naming the field', async () => {
    const res = await http().post(CM(ITEMS)).set(as(root)).send({ ...valid(), disclosureAttribute: 'secret' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['disclosureAttribute']);
  });
});

describe('regions and columns', () => {
  const REGIONS = 'api::region.region';

  it('refuses a region whose code is outside its parent', async () => {
    const res = await http().post(CM(REGIONS)).set(as(root)).send({ code: '320100', name: '南京市', level: 'city', parent: province.regions.province.documentId });
    expectRefusal(res, 'code', 'REGION_CODE_OUTSIDE_PARENT');
  });

  it('refuses a region that is not below its parent', async () => {
    const res = await http().post(CM(REGIONS)).set(as(root)).send({ code: '330300', name: '温州市', level: 'province', parent: province.regions.province.documentId });
    expectRefusal(res, 'level', 'REGION_LEVEL_ORDER');
  });

  it('keeps materialised paths right through a re-coding, and refuses one that strands sub-regions', async () => {
    const created = await http().post(CM(REGIONS)).set(as(root)).send({ code: '330106001', name: '北山街道', level: 'township', parent: province.regions.xihu.documentId });
    expect(created.status).toBe(201);
    expect(created.body.data.path).toBe('/330000/330100/330106/330106001/');

    const stranding = await http().put(`${CM(REGIONS)}/${province.regions.xihu.documentId}`).set(as(root)).send({ code: '330108' });
    expectRefusal(stranding, 'code', 'REGION_CODE_OUTSIDE_PARENT');
    expect(stranding.body.error.details.errors[0].message).toContain('330106001');

    // A province keeps its two significant digits, so its sub-regions stay consistent and follow it.
    const recoded = await http().put(`${CM(REGIONS)}/${province.regions.province.documentId}`).set(as(root)).send({ code: '339900' });
    expect(recoded.status).toBe(200);
    const paths = Object.fromEntries(
      ((await strapi.db.query(REGIONS).findMany({ select: ['code', 'path'] })) as Array<{ code: string; path: string }>).map((r) => [r.code, r.path])
    );
    expect(paths).toMatchObject({ '339900': '/339900/', '330200': '/339900/330200/', '330106001': '/339900/330100/330106/330106001/' });
  });

  it('gives a column the default interval of its update class', async () => {
    const site = (await strapi.documents('api::site.site' as never).create({ data: { name: '测试网站', code: 'test-site' } } as never)) as { documentId: string };
    const COLUMNS = 'api::column.column';
    const notice = await http().post(CM(COLUMNS)).set(as(root)).send({ name: '通知公告', code: 'notices', updateClass: 'notice', site: site.documentId });
    expect(notice.body.data.updateIntervalDays).toBe(183);
    const custom = await http().post(CM(COLUMNS)).set(as(root)).send({ name: '工作动态', code: 'news', updateClass: 'news', updateIntervalDays: 7, site: site.documentId });
    expect(custom.body.data.updateIntervalDays).toBe(7);
    const fixed = await http().post(CM(COLUMNS)).set(as(root)).send({ name: '机构概况', code: 'about', updateClass: 'static', updateIntervalDays: 30, site: site.documentId });
    expect(fixed.body.data.updateIntervalDays).toBeNull();
  });
});
