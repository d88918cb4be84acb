import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { startStrapi, stopStrapi } from './helpers/strapi';
import { buildProvince, createItem, UID } from './helpers/fixtures';

/**
 * The catalogue's lean public read path answers the common list and item questions itself; Strapi's
 * pipeline answers the rest. Every answer must be the one Strapi gives: the same items, fields,
 * relations, pagination and errors, the same visibility (published, proactive) and the same
 * permission rules for populated relations. Each query below is asked twice, with the lean path on
 * and off, and the two answers compared.
 */
let strapi: Core.Strapi;
let province: Awaited<ReturnType<typeof buildProvince>>;
const http = () => request(strapi.server.httpServer);
const LEAN = 'plugin::catalogue.leanReads';
const published: Record<string, string> = {};
let draftOnly: string;
let onApplication: string;

const both = async (path: string) => {
  strapi.config.set(LEAN, true);
  const lean = await http().get(path);
  strapi.config.set(LEAN, false);
  const plain = await http().get(path);
  strapi.config.set(LEAN, true);
  return { lean, plain };
};

/** SQL statements a request costs, counted on the knex connection. */
const statementsOf = async (send: () => request.Test) => {
  let count = 0;
  const onQuery = () => count++;
  strapi.db.connection.on('query', onQuery);
  try {
    await send().expect(200);
  } finally {
    strapi.db.connection.off('query', onQuery);
  }
  return count;
};
const statements = (path: string) => statementsOf(() => http().get(path));

const publicPermission = (action: string) =>
  strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: { type: 'public' } } });

beforeAll(async () => {
  // Every question is asked twice (lean path on, then off): a cached first answer would make the second agree trivially.
  process.env.PUBLIC_CACHE_ENABLED = 'false';
  strapi = await startStrapi('lean-reads');
  province = await buildProvince(strapi);
  const { A, B, C } = province.orgs;
  const c = province.category;
  const rows: Array<[string, Record<string, unknown>]> = [
    ['plan', { title: '杭州市十五五规划纲要', organization: A.documentId, category: c['plans'], topic: 'general_affairs', summary: '规划' }],
    ['budget', { title: '宁波市2026年财政预算', organization: B.documentId, category: c['budgets-and-final-accounts'], topic: 'finance_audit', effectiveDate: '2026-01-01' }],
    ['rule', { title: '西湖区规范性文件', organization: C.documentId, category: c['rules'], topic: 'finance_audit', documentNumber: '西政发〔2026〕3号' }],
    ['other', { title: '省政府办公厅其他信息', organization: province.orgs.P.documentId, category: c['rules'], topic: 'other' }],
  ];
  for (const [key, data] of rows) published[key] = (await createItem(strapi, data, true)).documentId;
  // Distinct first-publish times, so "newest first" has one right answer.
  for (const [i, key] of Object.keys(published).entries()) {
    await strapi.db.query(UID.item).updateMany({ where: { documentId: published[key] }, data: { firstPublishedAt: new Date(Date.UTC(2026, 0, 10 + i, 2)) } });
  }
  // A published item edited afterwards: the public still sees the published text.
  await strapi.documents(UID.item as never).update({ documentId: published.plan, data: { title: '杭州市十五五规划纲要（修改稿，未发布）' } } as never);
  draftOnly = (await createItem(strapi, { title: '未发布的草稿', organization: A.documentId, category: c['plans'] })).documentId;
  onApplication = (await createItem(strapi, { title: '依申请公开的信息', organization: A.documentId, category: c['plans'], disclosureAttribute: 'on_application', nonDisclosureReason: '涉及第三方合法权益，依申请公开' }, true)).documentId;
});
afterAll(async () => {
  await stopStrapi(strapi);
});

describe('lean public reads give Strapi\'s answers', () => {
  const lists = [
    '/api/disclosure-items',
    '/api/disclosure-items?populate[0]=organization&populate[1]=category',
    '/api/disclosure-items?filters[category][code][$eq]=plans&sort[0]=firstPublishedAt:desc&pagination[page]=1&pagination[pageSize]=2&populate=organization',
    '/api/disclosure-items?filters[topic][$eq]=finance_audit&pagination[page]=2&pagination[pageSize]=1',
    '/api/disclosure-items?filters[topic][$in][0]=finance_audit&filters[topic][$in][1]=other&populate[category]=true',
    '/api/disclosure-items?filters[$and][0][category][code][$in][0]=rules&filters[$and][0][category][code][$in][1]=plans',
    '/api/disclosure-items?pagination[start]=1&pagination[limit]=2&pagination[withCount]=false',
    '/api/disclosure-items?pagination[pageSize]=100&pagination[withCount]=t',
    '/api/disclosure-items?region=330100&populate=category',
    '/api/disclosure-items?category=plans',
    '/api/disclosure-items?organization=002489001&populate=organization,category',
    `/api/disclosure-items?q=${encodeURIComponent('规范性')}`,
    // Left to Strapi by the lean path: must still answer the same.
    '/api/disclosure-items?filters[title][$containsi]=%E8%A7%84%E5%88%92',
    '/api/disclosure-items?sort=title:asc',
    '/api/disclosure-items?populate=*',
    '/api/disclosure-items?filters[topic][$eq]=no_such_topic',
    '/api/disclosure-items?pagination[page]=1&pagination[start]=0',
    '/api/disclosure-items?status=draft',
  ];

  it.each(lists)('list %s', async (path) => {
    const { lean, plain } = await both(path);
    expect(lean.status).toBe(plain.status);
    expect(lean.body).toEqual(plain.body);
  });

  it('lists published, proactive items newest first, with the published text', async () => {
    const { lean } = await both('/api/disclosure-items?populate[0]=organization&populate[1]=category');
    expect(lean.body.data.map((item: { title: string }) => item.title)).toEqual(['省政府办公厅其他信息', '西湖区规范性文件', '宁波市2026年财政预算', '杭州市十五五规划纲要']);
    const rule = lean.body.data[1];
    expect(rule.organization).toMatchObject({ code: '002470011', name: '杭州市西湖区人民政府' });
    expect(rule.category).toMatchObject({ code: 'rules' });
    expect(rule).not.toHaveProperty('internalNote');
    expect(rule).not.toHaveProperty('categoryCode');
    expect(rule).not.toHaveProperty('organizationDocumentId');
    expect(lean.body.meta.pagination).toEqual({ page: 1, pageSize: 20, pageCount: 1, total: 4 });
  });

  it('answers one item with its relations, and what the public may not see as Strapi does', async () => {
    for (const path of [
      `/api/disclosure-items/${published.rule}?populate[0]=organization&populate[1]=category`,
      `/api/disclosure-items/${published.plan}`,
      `/api/disclosure-items/${published.other}?populate=organization`,
      `/api/disclosure-items/${draftOnly}`,
      `/api/disclosure-items/${onApplication}?populate=category`,
      '/api/disclosure-items/no-such-document',
      `/api/disclosure-items/${published.rule}?fields[0]=title`,
    ]) {
      const { lean, plain } = await both(path);
      expect({ path, status: lean.status, body: lean.body }).toEqual({ path, status: plain.status, body: plain.body });
    }
    const item = await http().get(`/api/disclosure-items/${published.plan}?populate=organization`).expect(200);
    expect(item.body.data).toMatchObject({ title: '杭州市十五五规划纲要', organization: { code: '002482162' } });
    await http().get(`/api/disclosure-items/${draftOnly}`).expect(404);
    await http().get(`/api/disclosure-items/${onApplication}`).expect(404);
  });

  it('drops a populated relation the caller may not read, as Strapi does', async () => {
    const permission = await publicPermission('api::organization.organization.find');
    expect(permission).toBeTruthy();
    const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
    try {
      for (const path of [`/api/disclosure-items/${published.rule}?populate=organization,category`, '/api/disclosure-items?populate[0]=organization&populate[1]=category']) {
        const { lean, plain } = await both(path);
        expect(lean.body).toEqual(plain.body);
        const first = Array.isArray(lean.body.data) ? lean.body.data[1] : lean.body.data;
        expect(first).not.toHaveProperty('organization');
        expect(first.category).toMatchObject({ code: 'rules' });
      }
      // GraphQL: the organisation field is refused for each item, the category still answered.
      for (const query of [`{ disclosureItem(documentId: "${published.rule}") { title organization { code } category { code } } }`, `{ disclosureItems(sort: "firstPublishedAt:desc") { title organization { code } category { code } } }`]) {
        strapi.config.set(LEAN, true);
        const lean = await http().post('/graphql').send({ query });
        strapi.config.set(LEAN, false);
        const plain = await http().post('/graphql').send({ query });
        strapi.config.set(LEAN, true);
        expect(lean.body).toEqual(plain.body);
        expect(lean.body.errors?.[0]?.extensions?.error?.name).toBe('ForbiddenError');
      }
    } finally {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action: permission.action, role: publicRole.id } });
    }
  });

  const FIELDS = 'documentId title indexNumber topic validity firstPublishedAt publishedAt createdAt organization { name code region { name code } } category { name code } columns { name } interpretations { title } details { __typename }';
  const graphqlQueries = [
    `{ disclosureItems(filters: { category: { code: { eq: "plans" } } }, sort: "firstPublishedAt:desc", pagination: { page: 1, pageSize: 2 }) { ${FIELDS} } }`,
    `{ disclosureItems(sort: "firstPublishedAt:desc") { ${FIELDS} } }`,
    `{ disclosureItems(filters: { topic: { in: ["finance_audit", "other"] } }, sort: ["firstPublishedAt:desc"], pagination: { start: 1, limit: 2 }) { title } }`,
    `{ disclosureItems(sort: "firstPublishedAt:desc", status: DRAFT) { title } }`,
    // Fragments, aliases and __typename: the lean read still reads every column and relation asked for.
    `query { disclosureItems(sort: "firstPublishedAt:desc") { ...Item organization { ... on Organization { name } } } } fragment Item on DisclosureItem { title organization { code region { code } } }`,
    `{ page: disclosureItems(sort: "firstPublishedAt:desc") { __typename heading: title body organization { __typename code } } }`,
    // Two root fields reading the same relations with different columns: each answers its own selection.
    `{ a: disclosureItems(sort: "firstPublishedAt:desc") { organization { name } } b: disclosureItems(sort: "firstPublishedAt:desc") { title organization { code region { name } } category { code } } }`,
    // Left to Strapi by the lean path.
    `{ disclosureItems { title } }`,
    `{ disclosureItems(filters: { title: { contains: "规划" } }, sort: "firstPublishedAt:desc") { title } }`,
    `{ disclosureItems(sort: "title:asc") { title } }`,
    `{ disclosureItems(sort: "firstPublishedAt:desc", pagination: { pageSize: 500 }) { title } }`,
  ];

  it.each(graphqlQueries)('GraphQL %s', async (query) => {
    const ask = () => http().post('/graphql').send({ query });
    strapi.config.set(LEAN, true);
    const lean = await ask();
    strapi.config.set(LEAN, false);
    const plain = await ask();
    strapi.config.set(LEAN, true);
    expect(lean.status).toBe(200);
    expect(lean.body.errors).toBeUndefined();
    expect(lean.body).toEqual(plain.body);
  });

  it('answers GraphQL items, and items the public may not see, as Strapi does', async () => {
    for (const documentId of [published.rule, published.plan, draftOnly, onApplication, 'no-such-document']) {
      const query = `{ disclosureItem(documentId: "${documentId}") { ${FIELDS} } }`;
      strapi.config.set(LEAN, true);
      const lean = await http().post('/graphql').send({ query });
      strapi.config.set(LEAN, false);
      const plain = await http().post('/graphql').send({ query });
      strapi.config.set(LEAN, true);
      expect({ documentId, body: lean.body }).toEqual({ documentId, body: plain.body });
    }
    const rule = await http().post('/graphql').send({ query: `{ disclosureItem(documentId: "${published.rule}") { title organization { code } category { code } } }` });
    expect(rule.body.data.disclosureItem).toEqual({ title: '西湖区规范性文件', organization: { code: '002470011' }, category: { code: 'rules' } });
    const hidden = await http().post('/graphql').send({ query: `{ disclosureItem(documentId: "${onApplication}") { title } }` });
    expect(hidden.body.data.disclosureItem).toBeNull();
  });

  it('costs fewer SQL statements than Strapi\'s pipeline', async () => {
    const item = `/api/disclosure-items/${published.rule}?populate[0]=organization&populate[1]=category`;
    const list = '/api/disclosure-items?filters[category][code][$eq]=rules&populate[0]=organization&populate[1]=category';
    strapi.config.set(LEAN, false);
    const [plainItem, plainList] = [await statements(item), await statements(list)];
    strapi.config.set(LEAN, true);
    const [leanItem, leanList] = [await statements(item), await statements(list)];
    // The item: its row and one per relation, plus the public role's permissions (Strapi's route auth).
    expect(leanItem).toBeLessThan(plainItem);
    expect(leanList).toBeLessThan(plainList);
    expect(leanItem).toBeLessThanOrEqual(4);

    const page = `{ disclosureItems(sort: "firstPublishedAt:desc") { title organization { code } category { code } } }`;
    const graphqlStatements = () => statementsOf(() => http().post('/graphql').send({ query: page }));
    strapi.config.set(LEAN, false);
    const plainPage = await graphqlStatements();
    strapi.config.set(LEAN, true);
    const leanPage = await graphqlStatements();
    expect(leanPage).toBeLessThan(plainPage);
    // The public role's permissions, the page, and its organisations and categories read with it.
    expect(leanPage).toBe(4);
  });
});
