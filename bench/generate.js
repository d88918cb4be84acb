'use strict';

/**
 * Data generator: fills a database with a realistic province at 10k / 100k / 1M disclosure items.
 *
 *   node bench/generate.js --items 100000                      # PostgreSQL database bench_100k (fresh)
 *   node bench/generate.js --items 10000 --client sqlite --file .tmp/bench-10k.db
 *   node bench/generate.js --items 1000000 --database bench_1m --keep   # add to an existing database
 *
 * Reference data (regions with their paths, organisations) goes through the Document Service so the
 * catalogue's rules hold; the bulk (items, interpretations when plugin::policy-linkage exists,
 * applications) is written with knex in multi-row INSERTs with ids chosen up front, following the
 * tables Strapi itself created (read from its metadata: table, column and link-table names): every
 * published document has a draft row and a published row with the same document_id, relations are
 * link-table rows for both. Prints one JSON line at the end.
 */
const path = require('path');
const crypto = require('crypto');
const { Client } = require('pg');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);

const ITEMS = Number(arg('items', '10000'));
const CLIENT = arg('client', process.env.DATABASE_CLIENT || 'postgres');
const DATABASE = arg('database', `bench_${ITEMS >= 1e6 ? `${ITEMS / 1e6}m` : `${Math.round(ITEMS / 1000)}k`}`);
const FILE = path.resolve(arg('file', `.tmp/bench-${ITEMS}.db`));
const KEEP = flag('keep');
const BODY_CHARS = Number(arg('body-chars', ITEMS >= 1e6 ? '120' : '400'));
const PG_SERVER = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
// Rows per INSERT: PostgreSQL allows 65,535 parameters; knex writes SQLite multi-row inserts as a
// compound SELECT, limited to 500 terms.
const ROW_BATCH = CLIENT === 'postgres' ? 1000 : 300;
const LINK_BATCH = CLIENT === 'postgres' ? 4000 : 450;

const UID = {
  region: 'api::region.region',
  organization: 'api::organization.organization',
  category: 'api::disclosure-category.disclosure-category',
  item: 'api::disclosure-item.disclosure-item',
  application: 'plugin::deadlines.application',
  interpretation: 'plugin::policy-linkage.interpretation',
};

/** Deterministic pseudo-random numbers: the same size gives the same data. */
let seed = 20261127;
const rnd = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rnd() * list.length)];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const documentId = () => {
  let id = '';
  const bytes = crypto.randomBytes(24);
  for (let i = 0; i < 24; i++) id += ALPHABET[bytes[i] % 36];
  return id;
};
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86400000;

const CITIES = ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];
const COUNTY_SUFFIX = ['上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区'];
const DEPARTMENTS = [
  ['发展和改革委员会', '发改委'], ['财政局', '财政局'], ['教育局', '教育局'], ['科学技术局', '科技局'], ['公安局', '公安局'], ['民政局', '民政局'],
  ['司法局', '司法局'], ['人力资源和社会保障局', '人社局'], ['自然资源和规划局', '自然资源局'], ['生态环境局', '生态环境局'], ['住房和城乡建设局', '住建局'],
  ['交通运输局', '交通局'], ['水利局', '水利局'], ['农业农村局', '农业农村局'], ['商务局', '商务局'], ['文化广电旅游局', '文广旅局'], ['卫生健康委员会', '卫健委'],
  ['应急管理局', '应急局'], ['审计局', '审计局'], ['市场监督管理局', '市场监管局'], ['统计局', '统计局'], ['医疗保障局', '医保局'], ['数据资源管理局', '数据局'],
];
const TITLE_PATTERNS = [
  '{org}关于进一步优化营商环境的若干意见', '{org}关于印发{region}公共数据管理办法的通知', '{org}关于规范涉企行政检查的实施意见', '{org}{y}年部门预算',
  '{org}{y}年政府信息公开工作年度报告', '{org}关于促进民营经济高质量发展的若干措施', '{region}{y}年民生实事项目进展情况', '{org}行政处罚决定书（{region}{n}号）',
  '{org}关于{region}城市更新行动的实施方案', '{org}关于做好{y}年安全生产工作的通知', '{org}{y}年第{n}季度重点工作进展', '关于{region}养老服务体系建设的意见',
];
const KEYWORDS = ['营商环境', '数字政府', '共同富裕', '生态环境', '民生', '财政', '规划', '市场监管', '教育', '卫生健康', '安全生产', '城市更新'];
const TOPICS = ['general_affairs', 'economy_state_assets', 'finance_audit', 'land_energy', 'agriculture_water', 'industry_transport', 'commerce_tourism', 'market_safety', 'urban_environment', 'science_education', 'health_sports', 'civil_affairs'];
const FILLER = '为深入贯彻落实党中央、国务院决策部署，进一步提升政务公开标准化规范化水平，结合本地实际，现就有关事项通知如下。各地各部门要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。';
const bodyText = (n) => {
  let text = '';
  while (text.length < n) text += FILLER;
  return `<p>${text.slice(0, n)}</p>`;
};

const log = (message) => process.stderr.write(`[generate] ${message}\n`);

async function freshPostgres() {
  const admin = new Client({ connectionString: PG_SERVER });
  await admin.connect();
  if (!KEEP) {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  }
  await admin.end();
  const url = new URL(PG_SERVER);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function boot() {
  Object.assign(process.env, { LOG_LEVEL: 'warn', CRON_ENABLED: 'false', STRAPI_TELEMETRY_DISABLED: 'true', PUBLIC_CACHE_ENABLED: 'false' });
  if (CLIENT === 'postgres') {
    Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: await freshPostgres() });
  } else {
    const fs = require('fs');
    fs.mkdirSync(path.dirname(FILE), { recursive: true });
    if (!KEEP) fs.rmSync(FILE, { force: true });
    Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: FILE });
  }
  const appDir = path.resolve(__dirname, '..');
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  if (!flag('no-compile')) await compileStrapi({ appDir });
  return createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false }).load();
}

/** Table and column names of a content type, as Strapi created them. */
const shapeOf = (strapi, uid) => {
  const meta = strapi.db.metadata.get(uid);
  const column = (attribute) => meta.attributes[attribute].columnName || attribute;
  const link = (attribute) => {
    const jt = meta.attributes[attribute].joinTable;
    return { table: jt.name, own: jt.joinColumn.name, other: jt.inverseJoinColumn.name, order: jt.orderColumnName, inverseOrder: jt.inverseOrderColumnName };
  };
  return { table: meta.tableName, column, link, attributes: meta.attributes };
};

async function nextId(knex, table) {
  const row = await knex(table).max({ max: 'id' }).first();
  return Number(row.max || 0) + 1;
}

async function bulkInsert(knex, table, rows, batch) {
  for (let i = 0; i < rows.length; i += batch) await knex(table).insert(rows.slice(i, i + batch));
}

async function fixSequence(knex, table) {
  if (CLIENT !== 'postgres') return;
  await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT COALESCE(MAX(id), 1) FROM ??))`, [table, table]);
}

async function referenceData(strapi) {
  const documents = (uid) => strapi.documents(uid);
  const existing = await strapi.db.query(UID.organization).count();
  if (existing > 0) {
    log(`reference data present (${existing} organisations), reusing it`);
  } else {
    const province = await documents(UID.region).create({ data: { code: '330000', name: '浙江省', level: 'province' } });
    const regions = [{ doc: province, name: '浙江省', level: 'province' }];
    for (let c = 0; c < CITIES.length; c++) {
      const cityCode = `33${String(c + 1).padStart(2, '0')}00`;
      const city = await documents(UID.region).create({ data: { code: cityCode, name: CITIES[c], level: 'city', parent: province.documentId } });
      regions.push({ doc: city, name: CITIES[c], level: 'city' });
      for (let k = 0; k < COUNTY_SUFFIX.length; k++) {
        const countyCode = `33${String(c + 1).padStart(2, '0')}${String(k + 2).padStart(2, '0')}`;
        const county = await documents(UID.region).create({ data: { code: countyCode, name: `${CITIES[c].slice(0, 2)}${COUNTY_SUFFIX[k]}`, level: 'county', parent: city.documentId } });
        regions.push({ doc: county, name: `${CITIES[c].slice(0, 2)}${COUNTY_SUFFIX[k]}`, level: 'county' });
      }
    }
    let serial = 0;
    for (const region of regions) {
      const departments = region.level === 'province' ? DEPARTMENTS : region.level === 'city' ? DEPARTMENTS.slice(0, 18) : DEPARTMENTS.slice(0, 6);
      const prefix = region.doc.code.slice(0, 4);
      const government = await documents(UID.organization).create({
        data: { name: `${region.name}人民政府办公室`, shortName: `${region.name}政府办`, code: `00${prefix}${String(++serial).padStart(4, '0')}`.slice(0, 12), kind: 'government', region: region.doc.documentId },
      });
      for (const [name, short] of departments) {
        await documents(UID.organization).create({
          data: { name: `${region.name}${name}`, shortName: `${region.name.slice(0, 2)}${short}`, code: `00${prefix}${String(++serial).padStart(4, '0')}`.slice(0, 12), kind: 'department', region: region.doc.documentId, parent: government.documentId },
        });
      }
    }
  }
  const orgs = await strapi.db.query(UID.organization).findMany({ select: ['id', 'documentId', 'code', 'name'], populate: { region: { select: ['id', 'name'] } }, limit: 100000 });
  const categories = await strapi.db.query(UID.category).findMany({ select: ['id', 'code', 'disclosureLimitDays', 'isPolicy'], populate: { children: { select: ['id'] } }, limit: 10000 });
  const leaves = categories.filter((c) => !c.children || c.children.length === 0);
  log(`reference data: ${orgs.length} organisations, ${leaves.length} leaf categories`);
  return { orgs, leaves };
}

async function generateItems(strapi, { orgs, leaves }) {
  const knex = strapi.db.connection;
  const item = shapeOf(strapi, UID.item);
  const orgLink = item.link('organization');
  const categoryLink = item.link('category');
  const now = Date.now();
  const start = now - 5 * 365 * DAY;
  let id = await nextId(knex, item.table);
  let orgLinkId = await nextId(knex, orgLink.table);
  let categoryLinkId = await nextId(knex, categoryLink.table);
  const counters = new Map();
  const policies = [];
  const c = item.column;
  const stamp = new Date();

  const chunk = 5000;
  let published = 0;
  for (let done = 0; done < ITEMS; done += chunk) {
    const rows = [];
    const orgRows = [];
    const categoryRows = [];
    for (let n = done; n < Math.min(ITEMS, done + chunk); n++) {
      const org = pick(orgs);
      const category = pick(leaves);
      const formed = start + Math.floor(rnd() * (now - start - 30 * DAY));
      const year = new Date(formed).getUTCFullYear();
      const key = `${org.code}/${year}`;
      const sequence = (counters.get(key) || 0) + 1;
      counters.set(key, sequence);
      const roll = rnd();
      const attribute = roll < 0.9 ? 'proactive' : roll < 0.96 ? 'on_application' : 'not_disclosed';
      const isPublished = rnd() < 0.92;
      const firstPublishedAt = isPublished ? new Date(formed + Math.floor(rnd() * 15) * DAY + 9 * 3600000) : null;
      const title = pick(TITLE_PATTERNS).replace('{org}', org.name).replace('{region}', org.region?.name || '浙江省').replace('{y}', String(year)).replace('{n}', String((n % 40) + 1));
      const effective = formed + 10 * DAY;
      const base = {
        [c('documentId')]: documentId(),
        [c('title')]: title.slice(0, 500),
        [c('indexNumber')]: `${org.code}/${year}-${String(sequence).padStart(5, '0')}`,
        [c('issuingOrgan')]: org.name,
        [c('documentNumber')]: rnd() < 0.5 ? `浙${org.name.slice(0, 1)}发〔${year}〕${(n % 120) + 1}号` : null,
        [c('topic')]: pick(TOPICS),
        [c('keywords')]: `${pick(KEYWORDS)},${pick(KEYWORDS)}`,
        [c('summary')]: `${title}。${FILLER.slice(0, 60)}`,
        [c('body')]: bodyText(BODY_CHARS),
        [c('writtenDate')]: isoDay(formed - 2 * DAY),
        [c('formedDate')]: isoDay(formed),
        [c('firstPublishedAt')]: firstPublishedAt,
        [c('effectiveDate')]: isoDay(effective),
        [c('expiryDate')]: rnd() < 0.2 ? isoDay(effective + 3 * 365 * DAY) : null,
        [c('validity')]: 'valid',
        [c('disclosureAttribute')]: attribute,
        [c('nonDisclosureReason')]: attribute === 'proactive' ? null : '涉及第三方合法权益',
        [c('internalNote')]: null,
        [c('organizationDocumentId')]: org.documentId,
        [c('categoryCode')]: category.code,
        [c('disclosureDueDate')]: attribute === 'proactive' ? isoDay(formed + 28 * DAY) : null,
        [c('timeliness')]: attribute !== 'proactive' ? 'not_applicable' : isPublished ? 'on_time' : 'overdue',
        [c('daysLate')]: null,
        created_at: stamp,
        updated_at: stamp,
        locale: null,
      };
      const versions = isPublished ? [null, firstPublishedAt] : [null];
      for (const publishedAt of versions) {
        rows.push({ id, ...base, published_at: publishedAt });
        orgRows.push({ id: orgLinkId++, [orgLink.own]: id, [orgLink.other]: org.id, ...(orgLink.order ? { [orgLink.order]: 1 } : {}) });
        categoryRows.push({ id: categoryLinkId++, [categoryLink.own]: id, [categoryLink.other]: category.id, ...(categoryLink.order ? { [categoryLink.order]: 1 } : {}) });
        if (publishedAt && category.isPolicy && attribute === 'proactive' && policies.length < ITEMS) policies.push({ id, documentId: base[c('documentId')], title });
        id++;
      }
      if (isPublished) published++;
    }
    await knex.transaction(async (trx) => {
      await bulkInsert(trx, item.table, rows, ROW_BATCH);
      await bulkInsert(trx, orgLink.table, orgRows, LINK_BATCH);
      await bulkInsert(trx, categoryLink.table, categoryRows, LINK_BATCH);
    });
    if ((done / chunk) % 20 === 0) log(`items: ${Math.min(ITEMS, done + chunk)} / ${ITEMS}`);
  }
  for (const table of [item.table, orgLink.table, categoryLink.table]) await fixSequence(knex, table);

  // Index-number counters follow the generated numbers, so items created afterwards get the next ones.
  const counterRows = [...counters].map(([key, last]) => {
    const [code, year] = key.split('/');
    return { organization_code: code, year: Number(year), last_sequence: last };
  });
  for (let i = 0; i < counterRows.length; i += 400) {
    await knex('catalogue_index_counters').insert(counterRows.slice(i, i + 400)).onConflict(['organization_code', 'year']).merge();
  }
  return { items: ITEMS, published, policies };
}

/** Interpretations of policies, when the policy-linkage plugin (built separately) is there: filled from its own schema. */
async function generateInterpretations(strapi, policies) {
  if (!strapi.contentType(UID.interpretation)) {
    log('no plugin::policy-linkage.interpretation in this app: interpretations skipped');
    return { interpretations: 'skipped (content type absent)' };
  }
  const knex = strapi.db.connection;
  const shape = shapeOf(strapi, UID.interpretation);
  const contentType = strapi.contentType(UID.interpretation);
  const draftAndPublish = !!contentType.options?.draftAndPublish;
  let id = await nextId(knex, shape.table);
  const rows = [];
  const links = {};
  const stamp = new Date();
  const count = Math.min(policies.length, Math.ceil(ITEMS / 10));
  try {
    for (let n = 0; n < count; n++) {
      const policy = policies[n];
      const base = { document_id: documentId(), created_at: stamp, updated_at: stamp, locale: null };
      const related = [];
      for (const [name, attribute] of Object.entries(contentType.attributes)) {
        const column = shape.attributes[name]?.columnName;
        if (attribute.type === 'relation') {
          if (attribute.target === UID.item && shape.attributes[name].joinTable) related.push(name);
          continue;
        }
        if (!column || ['createdAt', 'updatedAt', 'publishedAt', 'locale', 'documentId'].includes(name)) continue;
        if (['string', 'text', 'richtext'].includes(attribute.type)) base[column] = name === 'title' ? `关于《${policy.title.slice(0, 80)}》的解读` : `${FILLER.slice(0, attribute.maxLength ? Math.min(60, attribute.maxLength) : 60)}`;
        else if (attribute.type === 'enumeration') base[column] = attribute.default ?? attribute.enum[0];
        else if (attribute.type === 'date') base[column] = isoDay(Date.now() - 30 * DAY);
        else if (attribute.type === 'datetime') base[column] = stamp;
        else if (attribute.type === 'boolean') base[column] = attribute.default ?? false;
        else if (attribute.type === 'integer') base[column] = attribute.default ?? 0;
      }
      for (const publishedAt of draftAndPublish ? [null, stamp] : [stamp]) {
        rows.push({ id, ...base, published_at: publishedAt });
        for (const name of related) {
          const link = shape.link(name);
          (links[link.table] ??= []).push({ [link.own]: id, [link.other]: policy.id, ...(link.order ? { [link.order]: 1 } : {}) });
        }
        id++;
      }
    }
    await knex.transaction(async (trx) => {
      await bulkInsert(trx, shape.table, rows, ROW_BATCH);
      for (const [table, linkRows] of Object.entries(links)) await bulkInsert(trx, table, linkRows, LINK_BATCH);
    });
    await fixSequence(knex, shape.table);
    return { interpretations: count };
  } catch (error) {
    log(`interpretations not generated (the content type's shape is not one this generator knows): ${error.message}`);
    return { interpretations: `failed: ${error.message}` };
  }
}

async function generateApplications(strapi, { orgs }) {
  if (!strapi.contentType(UID.application)) return { applications: 'skipped (deadlines plugin off)' };
  const knex = strapi.db.connection;
  const app = shapeOf(strapi, UID.application);
  const orgLink = app.link('organization');
  const c = app.column;
  const count = Math.ceil(ITEMS / 20);
  let id = await nextId(knex, app.table);
  let linkId = await nextId(knex, orgLink.table);
  const stamp = new Date();
  const now = Date.now();
  const types = ['natural_person', 'commercial_enterprise', 'research_institution', 'public_interest_organization', 'legal_service_institution', 'other_organization'];
  const secretHash = 'scrypt$generated$not-a-usable-secret';
  for (let done = 0; done < count; done += 5000) {
    const rows = [];
    const links = [];
    for (let n = done; n < Math.min(count, done + 5000); n++) {
      const org = pick(orgs);
      const received = now - Math.floor(rnd() * 365) * DAY;
      const open = rnd() < 0.3;
      const due = received + 28 * DAY;
      rows.push({
        id,
        [c('documentId')]: documentId(),
        [c('trackingCode')]: `G${String(id).padStart(10, '0')}`,
        [c('accessSecretHash')]: secretHash,
        [c('channel')]: 'online',
        [c('applicantType')]: pick(types),
        [c('applicantName')]: `申请人${n}`,
        [c('idDocumentType')]: 'resident_id',
        [c('idNumber')]: null,
        [c('contactPhone')]: '13800000000',
        [c('requestDescription')]: '申请公开本单位有关项目的批复文件',
        [c('purpose')]: '自身生产生活需要',
        [c('deliveryMethod')]: 'email',
        [c('format')]: 'electronic',
        [c('organizationDocumentId')]: org.documentId,
        [c('submittedOn')]: isoDay(received),
        [c('receivedOn')]: isoDay(received),
        [c('state')]: open ? 'open' : 'closed',
        [c('dueDate')]: isoDay(due),
        [c('dueSoon')]: false,
        [c('overdue')]: open && due < now,
        [c('resultCode')]: null,
        [c('resultOn')]: open ? null : isoDay(received + 15 * DAY),
        created_at: stamp,
        updated_at: stamp,
        published_at: stamp,
        locale: null,
      });
      links.push({ id: linkId++, [orgLink.own]: id, [orgLink.other]: org.id, ...(orgLink.order ? { [orgLink.order]: 1 } : {}) });
      id++;
    }
    await knex.transaction(async (trx) => {
      await bulkInsert(trx, app.table, rows, ROW_BATCH);
      await bulkInsert(trx, orgLink.table, links, LINK_BATCH);
    });
  }
  await fixSequence(knex, app.table);
  await fixSequence(knex, orgLink.table);
  return { applications: count };
}

(async () => {
  const started = Date.now();
  const strapi = await boot();
  const booted = Date.now();
  const reference = await referenceData(strapi);
  const items = await generateItems(strapi, reference);
  const interpretations = await generateInterpretations(strapi, items.policies);
  const applications = await generateApplications(strapi, reference);
  // As autovacuum would leave it: statistics, and visibility maps for index-only scans (count(id)).
  if (CLIENT === 'postgres') await strapi.db.connection.raw('VACUUM ANALYZE');
  else await strapi.db.connection.raw('ANALYZE');
  const seconds = (Date.now() - booted) / 1000;
  await strapi.destroy();
  const result = {
    benchmark: 'generate', client: CLIENT, database: CLIENT === 'postgres' ? DATABASE : FILE,
    items: items.items, publishedDocuments: items.published, organisations: reference.orgs.length, policies: items.policies.length,
    ...interpretations, ...applications, bootSeconds: (booted - started) / 1000, fillSeconds: seconds,
    itemsPerSecond: Math.round(ITEMS / seconds),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
