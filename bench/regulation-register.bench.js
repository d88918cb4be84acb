'use strict';

/**
 * Regulation look-ups over 10,000 regulations of 10 versions each on PostgreSQL (not a test):
 *   node bench/regulation-register.bench.js
 * Fills a scratch database `bench_regulation_register` (the demo province, then bulk inserts), then
 * times, through the plugin's public service, a point-in-time lookup of random regulations on random
 * dates and a page of a region's currently-valid register. Prints one JSON line per measurement;
 * exits 1 if either p95 is 20 ms or more. BENCH_REGULATIONS changes the count.
 */
const crypto = require('crypto');
const { startScratchStrapi, msSince } = require('./lib/scratch-strapi');

const COUNT = Number(process.env.BENCH_REGULATIONS || 10000);
const VERSIONS = 10;
const TARGET_P95_MS = 20;
const database = 'bench_regulation_register';

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const time = async (fn) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

(async () => {
  const strapi = await startScratchStrapi(database);
  await require('../scripts/lib/demo-seed').seedDemo(strapi);

  const knex = strapi.db.connection;
  const meta = (uid) => strapi.db.metadata.get(uid);
  const REG = 'plugin::regulation-versions.regulation';
  const VER = 'plugin::regulation-versions.regulation-version';
  const link = (uid, attribute) => meta(uid).attributes[attribute].joinTable;
  const organizations = await strapi.db.query('api::organization.organization').findMany({ select: ['id', 'documentId'], populate: { region: { select: ['id'] } } });

  const fillStart = process.hrtime.bigint();
  const regulationIds = [];
  const batch = 200; // 2,000 versions a statement stays under PostgreSQL's 65,535 parameters
  for (let i = 0; i < COUNT; i += batch) {
    const rows = [];
    for (let j = i; j < Math.min(COUNT, i + batch); j++) {
      rows.push({
        document_id: crypto.randomBytes(12).toString('hex'),
        title: `基准规范性文件${j}`,
        kind: j % 3 === 0 ? 'rule' : 'normative_document',
        topic: 'general_affairs',
        organization_document_id: organizations[j % organizations.length].documentId,
        created_at: new Date(),
        updated_at: new Date(),
      });
    }
    const inserted = await knex(meta(REG).tableName).insert(rows).returning(['id', 'document_id']);
    const orgLink = link(REG, 'organization');
    const regionLink = link(REG, 'region');
    await knex(orgLink.name).insert(inserted.map((r, k) => ({ [orgLink.joinColumn.name]: r.id, [orgLink.inverseJoinColumn.name]: organizations[(i + k) % organizations.length].id })));
    await knex(regionLink.name).insert(inserted.map((r, k) => ({ [regionLink.joinColumn.name]: r.id, [regionLink.inverseJoinColumn.name]: organizations[(i + k) % organizations.length].region.id })));

    const versionRows = [];
    for (const r of inserted) {
      for (let v = 1; v <= VERSIONS; v++) {
        const year = 2010 + v;
        const text = `第一条 第${v}版总则。\n第二条 第${v}版适用范围。\n第三条 第${v}版附则。`;
        versionRows.push({
          document_id: crypto.randomBytes(12).toString('hex'),
          version_number: v,
          text,
          articles: JSON.stringify({ preamble: [], articles: [1, 2, 3].map((n) => ({ number: n, label: `第${'一二三'[n - 1]}条`, paragraphs: [`第${v}版第${n}条。`] })) }),
          act_document_number: `基准发〔${year}〕${r.id}号`,
          act_date: `${year}-01-01`,
          published_on: `${year}-01-05`,
          effective_on: `${year}-02-01`,
          open_ended: true,
          amends: v === 1 ? null : v - 1,
          correction: false,
          draft: false,
          created_at: new Date(),
          updated_at: new Date(),
          _regulation: r.id,
        });
      }
    }
    const versionLink = link(VER, 'regulation');
    const insertedVersions = await knex(meta(VER).tableName).insert(versionRows.map(({ _regulation, ...row }) => row)).returning('id');
    await knex(versionLink.name).insert(insertedVersions.map((row, k) => ({ [versionLink.joinColumn.name]: row.id, [versionLink.inverseJoinColumn.name]: versionRows[k]._regulation })));
    regulationIds.push(...inserted.map((r) => r.document_id));
  }
  // Derived validity as the daily job stores it.
  const service = strapi.plugin('regulation-versions').service('regulations');
  for (const documentId of regulationIds) await service.refresh(documentId);
  await knex.raw('ANALYZE');
  console.log(JSON.stringify({ bench: 'regulations.fill', regulations: COUNT, versions: COUNT * VERSIONS, ms: Math.round(Number(process.hrtime.bigint() - fillStart) / 1e6) }));

  const open = strapi.plugin('regulation-versions').service('public-register');
  const pick = (n) => regulationIds[(n * 7919) % regulationIds.length];
  for (let i = 0; i < 20; i++) await open.inForce(pick(i), { date: '2015-06-01' });
  const pointInTime = [];
  for (let i = 0; i < 300; i++) pointInTime.push(await time(() => open.inForce(pick(i + 100), { date: `${2008 + (i % 18)}-06-01` })));
  const register = [];
  const regions = ['330000', '330100', '330200', '330106'];
  for (let i = 0; i < 10; i++) await open.register({ region: regions[i % 4] });
  for (let i = 0; i < 200; i++) register.push(await time(() => open.register({ region: regions[i % 4], page: 1 + (i % 5) })));

  const report = (name, values) => ({ bench: name, samples: values.length, p50Ms: +percentile(values, 50).toFixed(2), p95Ms: +percentile(values, 95).toFixed(2), targetP95Ms: TARGET_P95_MS });
  const results = [report('regulations.pointInTime', pointInTime), report('regulations.register', register)];
  for (const r of results) console.log(JSON.stringify(r));
  await strapi.destroy();
  process.exit(results.every((r) => r.p95Ms < TARGET_P95_MS) ? 0 : 1);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
