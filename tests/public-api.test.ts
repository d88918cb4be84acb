import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { buildProvince, createItem } from './helpers/fixtures';

let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;

const http = () => request(strapi.server.httpServer);
const titles = (res: request.Response) => res.body.data.map((i: { title: string }) => i.title).sort();
const ITEMS = 'api::disclosure-item.disclosure-item';

/** Publishes an item and pins its first publish time, so date filters have known values. */
const publishedOn = async (data: Record<string, unknown>, isoTime: string) => {
  const item = await createItem(strapi, data, true);
  await strapi.db.query(ITEMS).updateMany({ where: { documentId: item.documentId }, data: { firstPublishedAt: new Date(isoTime) } });
  return item;
};

beforeAll(async () => {
  strapi = await startStrapi('public-api');
  province = await buildProvince(strapi);
  const { A, B, C, P } = province.orgs;
  const c = province.category;
  await publishedOn({ title: '杭州市国民经济和社会发展第十五个五年规划纲要', organization: A.documentId, category: c['plans'], keywords: '十五五 规划', details: [{ __component: 'details.plan', periodStart: 2026, periodEnd: 2030, planLevel: 'master' }] }, '2026-01-15T02:00:00Z');
  await publishedOn({ title: '宁波市2026年财政预算', organization: B.documentId, category: c['budgets-and-final-accounts'], details: [{ __component: 'details.budget', budgetYear: 2026, budgetKind: 'budget', revenueTenThousandYuan: 1234.5 }] }, '2026-02-10T02:00:00Z');
  await publishedOn({ title: '西湖区国土空间规划', organization: C.documentId, category: c['plans'], documentNumber: '西政发〔2026〕3号' }, '2026-03-31T15:59:00Z');
  await publishedOn({ title: '浙江省数字政府建设规划', organization: P.documentId, category: c['plans'] }, '2026-03-31T16:01:00Z');
  await publishedOn({ title: '已废止的规范性文件', organization: A.documentId, category: c['rules'], effectiveDate: '2020-01-01', expiryDate: '2024-12-31' }, '2025-01-10T02:00:00Z');
  await createItem(strapi, { title: '杭州市未发布的规划草稿', organization: A.documentId, category: c['plans'] });
});
afterAll(async () => { await stopStrapi(strapi); });

describe('public catalogue list', () => {
  it('filters by region including every descendant region', async () => {
    expect(titles(await http().get('/api/disclosure-items?region=330100'))).toEqual(['已废止的规范性文件', '杭州市国民经济和社会发展第十五个五年规划纲要', '西湖区国土空间规划']);
    expect(titles(await http().get('/api/disclosure-items?region=330106'))).toEqual(['西湖区国土空间规划']);
    expect((await http().get('/api/disclosure-items?region=330000')).body.data).toHaveLength(5);
  });

  it('filters by organisation code and by category including sub-categories', async () => {
    expect(titles(await http().get('/api/disclosure-items?organization=002489001'))).toEqual(['宁波市2026年财政预算']);
    expect(titles(await http().get('/api/disclosure-items?category=key-areas'))).toEqual(['宁波市2026年财政预算']);
    expect((await http().get('/api/disclosure-items?category=plans')).body.data).toHaveLength(3);
  });

  it('filters by publish date range in Asia/Shanghai days', async () => {
    // 2026-03-31T15:59Z is 23:59 on 31 March in Shanghai; 16:01Z is already 1 April.
    expect(titles(await http().get('/api/disclosure-items?from=2026-02-01&to=2026-03-31'))).toEqual(['宁波市2026年财政预算', '西湖区国土空间规划']);
    expect(titles(await http().get('/api/disclosure-items?from=2026-04-01'))).toEqual(['浙江省数字政府建设规划']);
  });

  it('searches by keyword across title, keywords and document number', async () => {
    expect(titles(await http().get(`/api/disclosure-items?q=${encodeURIComponent('十五五')}`))).toEqual(['杭州市国民经济和社会发展第十五个五年规划纲要']);
    expect(titles(await http().get(`/api/disclosure-items?q=${encodeURIComponent('西政发〔2026〕3号')}`))).toEqual(['西湖区国土空间规划']);
  });

  it('filters by validity derived from the dates', async () => {
    expect(titles(await http().get('/api/disclosure-items?validity=invalid'))).toEqual(['已废止的规范性文件']);
  });

  it('combines shorthand with Strapi filters, newest first, paginated', async () => {
    const res = await http().get('/api/disclosure-items?region=330000&filters[category][code][$eq]=plans&pagination[pageSize]=2');
    expect(res.status).toBe(200);
    expect(res.body.data.map((i: { title: string }) => i.title)).toEqual(['浙江省数字政府建设规划', '西湖区国土空间规划']);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
  });

  it('answers a bad parameter with 400 naming it', async () => {
    const res = await http().get('/api/disclosure-items?region=33&to=2026-02-30x');
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('QUERY_PARAMETER_INVALID');
    expect(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort()).toEqual(['region', 'to']);
  });
});

describe('category filters on the item\'s own column', () => {
  const CATEGORIES = 'api::disclosure-category.disclosure-category';
  const byCode = async (code: string) => titles(await http().get(`/api/disclosure-items?filters[category][code][$eq]=${code}&pagination[pageSize]=50`));
  const byCodeGraphql = async (code: string) => {
    const res = await http().post('/graphql').send({ query: `{ disclosureItems(filters: { category: { code: { eq: "${code}" } } }) { title category { code } } }` });
    return res.body.data.disclosureItems.map((i: { title: string }) => i.title).sort();
  };

  it('follows an item moved to another category, a category re-coded and a category deleted', async () => {
    const categories = strapi.documents(CATEGORIES as never);
    const temp = (await categories.create({ data: { code: 'temp-notices', name: '临时公告', disclosureLimitDays: 20 } } as never)) as { documentId: string };
    const item = await createItem(strapi, { title: '临时公告一', organization: province.orgs.A.documentId, category: temp.documentId }, true);
    await createItem(strapi, { title: '临时公告二', organization: province.orgs.A.documentId, category: temp.documentId }, true);
    expect(await byCode('temp-notices')).toEqual(['临时公告一', '临时公告二']);
    expect(await byCodeGraphql('temp-notices')).toEqual(['临时公告一', '临时公告二']);
    // The copy is internal: never in a public answer, never a public filter.
    const list = await http().get('/api/disclosure-items?filters[category][code][$eq]=temp-notices');
    expect(list.body.data[0]).not.toHaveProperty('categoryCode');
    expect((await http().get('/api/disclosure-items?filters[categoryCode][$eq]=temp-notices')).status).toBe(400);

    await categories.update({ documentId: temp.documentId, data: { code: 'temp-announcements' } } as never);
    expect(await byCode('temp-notices')).toEqual([]);
    expect(await byCode('temp-announcements')).toEqual(['临时公告一', '临时公告二']);

    const items = strapi.documents(ITEMS as never);
    await items.update({ documentId: item.documentId, data: { category: province.category['rules'] } } as never);
    await items.publish({ documentId: item.documentId } as never);
    expect(await byCode('temp-announcements')).toEqual(['临时公告二']);
    expect(await byCode('rules')).toContain('临时公告一');
    expect(titles(await http().get('/api/disclosure-items?category=rules&pagination[pageSize]=50'))).toContain('临时公告一');

    await categories.delete({ documentId: temp.documentId } as never);
    expect(await byCode('temp-announcements')).toEqual([]);
    expect(await byCodeGraphql('temp-announcements')).toEqual([]);
  });
});

describe('plans aggregation (key-point task 1.1)', () => {
  it('returns every published plan under a region with its organisation and region', async () => {
    const res = await http().get('/api/catalogue/plans?region=330100');
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.total).toBe(2);
    const byTitle = Object.fromEntries(res.body.data.map((p: { title: string }) => [p.title, p]));
    expect(byTitle['西湖区国土空间规划'].organization).toMatchObject({ code: '002470011', name: '杭州市西湖区人民政府' });
    expect(byTitle['西湖区国土空间规划'].region).toMatchObject({ code: '330106', name: '西湖区', level: 'county' });
    expect(byTitle['杭州市国民经济和社会发展第十五个五年规划纲要'].details).toEqual([{ __component: 'details.plan', periodStart: 2026, periodEnd: 2030, planLevel: 'master' }]);
    expect(JSON.stringify(res.body)).not.toContain('未发布');
  });

  it('covers the whole province and pages', async () => {
    const res = await http().get('/api/catalogue/plans?region=330000&pageSize=2&page=2');
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    expect(res.body.data).toHaveLength(1);
  });

  it('refuses a bad region code', async () => {
    const res = await http().get('/api/catalogue/plans?region=abc');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['region']);
  });
});

describe('OpenAPI description', () => {
  it('describes the public read endpoints and the catalogue parameters', async () => {
    const res = await http().get('/api/catalogue/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/disclosure-items', '/disclosure-items/{id}', '/regions', '/catalogue/plans']));
    const params = res.body.paths['/disclosure-items'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['region', 'organization', 'category', 'from', 'to', 'q', 'validity']));
    for (const item of Object.values(res.body.paths) as Array<Record<string, unknown>>) expect(Object.keys(item)).toEqual(['get']);
  });
});

describe('GraphQL relations of a list', () => {
  const graphql = (query: string) => http().post('/graphql').send({ query });
  const SEEDED = 'filters: { firstPublishedAt: { lt: "2026-05-01T00:00:00Z" } }, sort: "firstPublishedAt:desc"';

  it('gives every item its own organisation, region and category, read for the page at once', async () => {
    const statements: string[] = [];
    const count = (query: { sql: string }) => statements.push(query.sql);
    strapi.db.connection.on('query', count);
    const res = await graphql(`{ disclosureItems(${SEEDED}) { title organization { code name region { code name } } again: organization { shortName } category { code } } }`);
    strapi.db.connection.off('query', count);
    expect(res.body.errors).toBeUndefined();
    // One read per relation and page (plus its populate), not one per item: 5 items × 4 relations would be 40.
    expect(statements.length).toBeLessThanOrEqual(14);
    const hangzhou = { code: '002482162', name: '杭州市发展和改革委员会', region: { code: '330100', name: '杭州市' } };
    expect(res.body.data.disclosureItems).toEqual([
      { title: '浙江省数字政府建设规划', organization: { code: '002482001', name: '浙江省人民政府办公厅', region: { code: '330000', name: '浙江省' } }, again: { shortName: '省政府办公厅' }, category: { code: 'plans' } },
      { title: '西湖区国土空间规划', organization: { code: '002470011', name: '杭州市西湖区人民政府', region: { code: '330106', name: '西湖区' } }, again: { shortName: '西湖区政府' }, category: { code: 'plans' } },
      { title: '宁波市2026年财政预算', organization: { code: '002489001', name: '宁波市财政局', region: { code: '330200', name: '宁波市' } }, again: { shortName: '宁波市财政局' }, category: { code: 'budgets-and-final-accounts' } },
      { title: '杭州市国民经济和社会发展第十五个五年规划纲要', organization: hangzhou, again: { shortName: '杭州市发改委' }, category: { code: 'plans' } },
      { title: '已废止的规范性文件', organization: hangzhou, again: { shortName: '杭州市发改委' }, category: { code: 'rules' } },
    ]);
  });

  it('answers one item as before and keeps private fields out of the schema', async () => {
    const list = await graphql(`{ disclosureItems(${SEEDED}, pagination: { pageSize: 1 }) { documentId } }`);
    const { documentId } = list.body.data.disclosureItems[0];
    const one = await graphql(`{ disclosureItem(documentId: "${documentId}") { organization { code region { code } } category { code } } }`);
    expect(one.body.data.disclosureItem).toEqual({ organization: { code: '002482001', region: { code: '330000' } }, category: { code: 'plans' } });
    const editors = await graphql(`{ disclosureItems { organization { editors { id } } } }`);
    expect(editors.status).toBe(400);
    expect(editors.body.errors[0].message).toContain('editors');
  });
});

describe('the Public role\'s permissions', () => {
  const PERMISSIONS = 'plugin::users-permissions.permission';
  const ACTION = 'api::disclosure-category.disclosure-category.find';

  it('apply from the next request when they change, over REST and GraphQL', async () => {
    const permissions = strapi.db.query(PERMISSIONS as never);
    const role = await strapi.db.query('plugin::users-permissions.role' as never).findOne({ where: { type: 'public' } } as never) as { id: number };
    const query = '{ disclosureItems(pagination: { pageSize: 1 }) { title category { code } } }';
    expect((await http().get('/api/disclosure-categories')).status).toBe(200);
    expect((await http().post('/graphql').send({ query })).body.errors).toBeUndefined();

    const granted = await permissions.findOne({ where: { action: ACTION, role: role.id } } as never) as { id: number };
    await permissions.delete({ where: { id: granted.id } } as never);
    try {
      expect((await http().get('/api/disclosure-categories')).status).toBe(403);
      const res = await http().post('/graphql').send({ query });
      expect(res.body.errors[0]).toMatchObject({ path: ['disclosureItems', 0, 'category'], extensions: { code: 'FORBIDDEN' } });
      expect((await http().get('/api/disclosure-items?pagination[pageSize]=1')).status).toBe(200);
    } finally {
      await permissions.create({ data: { action: ACTION, role: role.id } } as never);
    }
    expect((await http().get('/api/disclosure-categories')).status).toBe(200);
    expect((await http().post('/graphql').send({ query })).body.errors).toBeUndefined();
  });
});
