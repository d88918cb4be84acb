'use strict';

/**
 * The compliance dashboard's summary on PostgreSQL with 1,000,000 disclosure items and 100,000
 * applications (not a test):   node bench/compliance-summary.bench.js
 * Fills a scratch database `bench_compliance_summary` with set-based INSERT … SELECT generate_series
 * (a province of 10 cities, 200 organisations with one site of 10 columns each, items spread over
 * them with every timeliness, 80% published and filed in a column, applications in every state),
 * then times the summary service for the whole province, one city and one organisation.
 * Prints one JSON line per measurement; exits 1 if the whole-province p95 is 500 ms or more.
 * BENCH_ITEMS and BENCH_APPLICATIONS change the counts.
 */
const { startScratchStrapi, msSince } = require('./lib/scratch-strapi');

const ITEMS = Number(process.env.BENCH_ITEMS || 1000000);
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS || 100000);
const ORGS = 200;
const COLUMNS_PER_SITE = 10;
const RUNS = Number(process.env.BENCH_RUNS || 10);
const TARGET_MS = 500;
const database = 'bench_compliance_summary';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

(async () => {
  const strapi = await startScratchStrapi(database);
  const knex = strapi.db.connection;
  const meta = (uid) => strapi.db.metadata.get(uid);
  const col = (uid, a) => meta(uid).attributes[a].columnName || a;
  const join = (uid, a) => meta(uid).attributes[a].joinTable;
  const ITEM = 'api::disclosure-item.disclosure-item';
  const APP = 'plugin::deadlines.application';
  let start = process.hrtime.bigint();

  // Reference data through the Document Service (region paths are maintained by the catalogue plugin).
  const documents = (uid) => strapi.documents(uid);
  const province = await documents('api::region.region').create({ data: { code: '330000', name: '浙江省', level: 'province' } });
  const cities = [];
  for (let c = 0; c < 10; c++) cities.push(await documents('api::region.region').create({ data: { code: `33${String(c + 1).padStart(2, '0')}00`, name: `城市${c + 1}`, level: 'city', parent: province.documentId } }));
  const orgs = [];
  for (let o = 0; o < ORGS; o++) {
    orgs.push(await documents('api::organization.organization').create({ data: { name: `机关${o}`, shortName: `机关${o}`, code: String(100000000 + o), region: cities[o % 10].documentId } }));
  }
  // Sites and columns in bulk.
  const siteTable = meta('api::site.site').tableName;
  const columnTable = meta('api::column.column').tableName;
  const siteOrg = join('api::site.site', 'organization');
  const columnSite = join('api::column.column', 'site');
  const sites = await knex(siteTable).insert(orgs.map((o, i) => ({ document_id: `site${String(i).padStart(20, '0')}`, name: `网站${i}`, code: `site-${i}`, domain: `s${i}.gov.cn`, created_at: new Date(), updated_at: new Date() }))).returning('id');
  await knex(siteOrg.name).insert(sites.map((s, i) => ({ [siteOrg.joinColumn.name]: s.id, [siteOrg.inverseJoinColumn.name]: orgs[i].id })));
  const classes = ['news', 'news', 'news', 'news', 'notice', 'notice', 'notice', 'yearly', 'static', 'static'];
  const columnRows = sites.flatMap((s, i) => classes.map((cls, k) => ({ document_id: `col${String(i * 100 + k).padStart(20, '0')}`, name: `栏目${k}`, code: `c-${i}-${k}`, level: 1, [col('api::column.column', 'updateClass')]: cls, created_at: new Date(), updated_at: new Date() })));
  const columns = await knex(columnTable).insert(columnRows).returning('id');
  await knex(columnSite.name).insert(columns.map((c, j) => ({ [columnSite.joinColumn.name]: c.id, [columnSite.inverseJoinColumn.name]: sites[Math.floor(j / COLUMNS_PER_SITE)].id })));
  const firstColumnId = columns[0].id;

  // Items: draft rows for every document, published rows for 80%; org round-robin; timeliness spread.
  const items = meta(ITEM).tableName;
  const orgIds = `ARRAY[${orgs.map((o) => `'${o.documentId}'`).join(',')}]`;
  const c = (a) => col(ITEM, a);
  const itemInsert = (published) => knex.raw(
    `INSERT INTO ?? (document_id, title, ??, ??, ??, ??, ??, ??, published_at, created_at, updated_at)
     SELECT 'item' || lpad(g::text, 20, '0'), '基准事项 ' || g, (${orgIds})[1 + (g % ${ORGS})], 'proactive',
       (ARRAY['on_time','on_time','on_time','on_time','on_time','late','overdue','due_soon','pending','not_applicable'])[1 + (g % 10)],
       DATE '2026-01-01' + (g % 330), TIMESTAMP '2025-01-01' + (g % 700) * INTERVAL '1 day', 'valid',
       ${published ? 'now()' : 'NULL'}, now(), now()
     FROM generate_series(1, ?) g ${published ? 'WHERE g % 10 < 8' : ''}`,
    [items, c('organizationDocumentId'), c('disclosureAttribute'), c('timeliness'), c('disclosureDueDate'), c('firstPublishedAt'), c('validity'), ITEMS]
  );
  await itemInsert(false);
  await itemInsert(true);
  // Each published item is filed in one column of its organisation's site; static columns stay blank.
  const itemColumns = join(ITEM, 'columns');
  await knex.raw(
    `INSERT INTO ?? (??, ??) SELECT i.id, ? + ((CAST(substr(i.document_id, 5) AS bigint) % ${ORGS}) * ${COLUMNS_PER_SITE}) + (CAST(substr(i.document_id, 5) AS bigint) % 8)
     FROM ?? i WHERE i.published_at IS NOT NULL`,
    [itemColumns.name, itemColumns.joinColumn.name, itemColumns.inverseJoinColumn.name, firstColumnId, items]
  );
  const a = (x) => col(APP, x);
  await knex.raw(
    `INSERT INTO ?? (document_id, ??, ??, ??, ??, ??, ??, ??, ??, ??, ??, ??, ??, ??, ??, created_at, updated_at)
     SELECT 'app' || lpad(g::text, 20, '0'), 'YSQB' || g, 'online', 'natural_person', '基准', 'online', 'electronic', (${orgIds})[1 + (g % ${ORGS})],
       DATE '2026-01-01' + (g % 320), DATE '2026-01-29' + (g % 320),
       (ARRAY['open','answered','closed','closed','delivered'])[1 + (g % 5)],
       CASE WHEN g % 5 = 0 THEN NULL ELSE (ARRAY['disclosed','partially_disclosed','unavailable_not_held','not_processed_repeated'])[1 + (g % 4)] END,
       CASE WHEN g % 5 = 0 THEN NULL ELSE DATE '2026-01-20' + (g % 320) + (g % 13) END,
       g % 5 = 0 AND g % 7 = 0, g % 5 = 0 AND g % 11 = 0, now(), now()
     FROM generate_series(1, ?) g`,
    [meta(APP).tableName, a('trackingCode'), a('channel'), a('applicantType'), a('applicantName'), a('deliveryMethod'), a('format'), a('organizationDocumentId'), a('receivedOn'), a('dueDate'), a('state'), a('resultCode'), a('resultOn'), a('dueSoon'), a('overdue'), APPLICATIONS]
  );
  await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', ['bench_applications_org_idx', meta(APP).tableName, a('organizationDocumentId'), a('state')]);
  // As autovacuum leaves a steady-state database: statistics and visibility maps (index-only scans).
  for (const table of [items, itemColumns.name, meta(APP).tableName, columnTable]) await knex.raw('VACUUM ANALYZE ??', [table]);
  console.log(JSON.stringify({ bench: 'complianceSummary.fill', items: ITEMS, applications: APPLICATIONS, organizations: ORGS, columns: columns.length, ms: Math.round(msSince(start)) }));

  const dashboard = strapi.plugin('compliance').service('dashboard');
  if (process.env.BENCH_SLOW_QUERIES) {
    // Logs each statement slower than BENCH_SLOW_QUERIES ms (to find what to index).
    const started = new Map();
    knex.on('query', (q) => started.set(q.__knexQueryUid, process.hrtime.bigint()));
    knex.on('query-response', (_r, q) => {
      const t = msSince(started.get(q.__knexQueryUid));
      if (t > Number(process.env.BENCH_SLOW_QUERIES)) console.log(JSON.stringify({ slowMs: Math.round(t), sql: q.sql.slice(0, 400) }));
    });
  }
  const measure = async (label, query) => {
    await dashboard.summary(query); // warm-up
    const times = [];
    let answer;
    for (let r = 0; r < RUNS; r++) {
      start = process.hrtime.bigint();
      answer = await dashboard.summary(query);
      times.push(msSince(start));
    }
    console.log(JSON.stringify({ bench: `complianceSummary.${label}`, p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), targetMs: TARGET_MS, onTime: answer.panels.timeliness.on_time, open: answer.panels.applications.open, sites: answer.panels.freshness.sites }));
    return percentile(times, 95);
  };
  // The scheduled per-column activity refresh the freshness panel reads (every 5 minutes by default).
  start = process.hrtime.bigint();
  await strapi.plugin('compliance').service('column-activity').refresh();
  console.log(JSON.stringify({ bench: 'complianceSummary.columnActivityRefresh', links: Number((await knex(itemColumns.name).count({ n: '*' }).first()).n), ms: Math.round(msSince(start)) }));
  const whole = await measure('province', { today: '2026-11-20' });
  await measure('city', { region: cities[0].code, today: '2026-11-20' });
  await measure('organization', { organization: orgs[0].code, today: '2026-11-20', from: '2026-01-01', to: '2026-12-31' });
  await strapi.destroy();
  process.exit(whole < TARGET_MS ? 0 : 1);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
