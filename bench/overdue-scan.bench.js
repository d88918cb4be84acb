'use strict';

/**
 * The deadlines scan's set-based part over 100,000 open applications on PostgreSQL (not a test):
 *   node bench/overdue-scan.bench.js
 * Fills a scratch database `bench_overdue_scan` with open applications, mostly received in the last
 * 30 days and 2% long overdue, then times refreshFlags() (overdue / due soon / days late): from
 * scratch (every flag wrong), the daily run (yesterday's flags stored), a run with nothing to
 * change, and the query for reminder candidates. Prints one JSON line per measurement; exits 1 if
 * the daily run takes 1 second or more. BENCH_APPLICATIONS changes the count.
 */
const crypto = require('crypto');
const { startScratchStrapi, msSince } = require('./lib/scratch-strapi');

const COUNT = Number(process.env.BENCH_APPLICATIONS || 100000);
const TARGET_MS = 1000;
const database = 'bench_overdue_scan';

const ms = msSince;

(async () => {
  const strapi = await startScratchStrapi(database);

  const table = strapi.db.metadata.get('plugin::deadlines.application').tableName;
  const knex = strapi.db.connection;
  const today = new Date(Date.now() + 8 * 3600 * 1000);
  const day = (offset) => new Date(today.getTime() + offset * 86400000).toISOString().slice(0, 10);

  let start = process.hrtime.bigint();
  const batch = 2000;
  for (let i = 0; i < COUNT; i += batch) {
    const rows = [];
    for (let j = i; j < Math.min(COUNT, i + batch); j++) {
      // Open applications are mostly recent; 2% are long overdue.
      const receivedOffset = j % 50 === 0 ? -120 - (j % 90) : -((j * 7919) % 30);
      const received = day(receivedOffset);
      rows.push({
        document_id: crypto.randomBytes(12).toString('hex'),
        tracking_code: `YSQBENCH${String(j).padStart(8, '0')}`,
        channel: 'online',
        applicant_type: 'natural_person',
        applicant_name: '基准测试',
        request_description: '基准测试',
        delivery_method: 'online',
        format: 'electronic',
        organization_document_id: 'bench',
        received_on: received,
        state: 'open',
        due_date: day(receivedOffset + 28),
        due_soon: false,
        overdue: false,
        days_late: 0,
        created_at: new Date(),
        updated_at: new Date(),
      });
    }
    await knex(table).insert(rows);
  }
  console.log(JSON.stringify({ bench: 'overdueScan.fill', applications: COUNT, ms: Math.round(ms(start)) }));
  await knex.raw('ANALYZE ??', [table]);

  const notifications = strapi.plugin('deadlines').service('notifications');
  // From scratch: every flag of a freshly loaded table is wrong (informational).
  start = process.hrtime.bigint();
  await notifications.refreshFlags(day(-1));
  const fromScratch = ms(start);
  // The daily run: yesterday's flags are stored; today only the applications crossing a threshold change.
  start = process.hrtime.bigint();
  await notifications.refreshFlags(day(0));
  const daily = ms(start);
  start = process.hrtime.bigint();
  await notifications.refreshFlags(day(0));
  const unchanged = ms(start);
  start = process.hrtime.bigint();
  const candidates = await strapi.db.query('plugin::deadlines.application').count({ where: { state: 'open', $or: [{ dueSoon: true }, { overdue: true }] } });
  const query = ms(start);
  const plan = await knex.raw(`EXPLAIN SELECT id FROM ${table} WHERE state = 'open' AND due_date < ?`, [day(0)]);

  console.log(JSON.stringify({ bench: 'overdueScan.refreshFlags', applications: COUNT, dailyMs: Math.round(daily), unchangedMs: Math.round(unchanged), fromScratchMs: Math.round(fromScratch), targetMs: TARGET_MS }));
  console.log(JSON.stringify({ bench: 'overdueScan.candidates', candidates, ms: Math.round(query) }));
  console.log(JSON.stringify({ bench: 'overdueScan.plan', plan: plan.rows.map((r) => r['QUERY PLAN']).join(' | ') }));
  await strapi.destroy();
  process.exit(daily < TARGET_MS ? 0 : 1);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
