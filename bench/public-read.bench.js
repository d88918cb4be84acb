'use strict';

/**
 * Public read load: REST list (filters + pagination: on the category relation, and on a column), one item with its relations, the same two
 * over GraphQL, at 1/10/50 connections, against production servers of the app: `plain` (our
 * plugins off), `uncached` (our plugins on, cache off), `cached` (memory store) and `cached-redis`;
 * on request also `uncached-strapi` (cache off and the catalogue's lean read path off).
 *
 *   node bench/public-read.bench.js                                   # everything (BENCH_ITEMS=100000)
 *   node bench/public-read.bench.js --modes plain,cached --scenarios rest-list
 *   BENCH_DURATION=5 BENCH_CONNECTIONS=1,10 node bench/public-read.bench.js
 *   node bench/public-read.bench.js --modes uncached,without-policy-linkage   # one plugin off (lib/load.js), on a copy
 *
 * Targets (issue 8): uncached costs ≤ 10% of plain's throughput and p50 < 10 ms at 1 connection;
 * cached ≥ 20× plain; server RSS < 600 MB. Prints JSON lines; exits 1 when a target is missed.
 * Mode `ceiling` in the output is a bare Node.js server sending the cached answer's number of bytes:
 * the most the load generator reaches on this machine, next to which the cached figures are read.
 */
const fs = require('fs');
const path = require('path');
const { MODES, CONNECTIONS, ITEMS, DATABASE, ensureDatabase, compile, startServer, startCeilingServer, load, getJson } = require('./lib/load');

// After the cached runs of each scenario, the same load against a bare Node.js server (BENCH_CEILING=false skips it).
const CEILING = process.env.BENCH_CEILING !== 'false';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1].split(',') : fallback;
};
const modes = option('modes', ['plain', 'uncached', 'cached', 'cached-redis']);
const scenarios = option('scenarios', ['rest-list', 'rest-list-topic', 'rest-item', 'graphql-list', 'graphql-item']);
for (const mode of modes) if (!MODES[mode]) throw new Error(`unknown mode ${mode}`);

/** The Redis mode's entries and generation, under this run's own prefix. */
async function dropRedisKeys(url, prefix) {
  const Redis = require('ioredis');
  const redis = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

const CATEGORIES = ['normative-documents', 'important-policies', 'plans', 'budgets-and-final-accounts'];
const roundRobin = (list) => {
  let i = 0;
  return () => list[i++ % list.length];
};

/** The request pools: the same URLs in every mode, so the cache sees a realistic small hot set. */
async function requestsFor(server, scenario, itemIds) {
  if (scenario === 'rest-list') {
    const paths = [];
    for (const category of CATEGORIES) for (let page = 1; page <= 5; page++) paths.push(`/api/disclosure-items?filters[category][code][$eq]=${category}&sort[0]=firstPublishedAt:desc&pagination[page]=${page}&pagination[pageSize]=20`);
    const next = roundRobin(paths);
    return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: next() }) }];
  }
  if (scenario === 'rest-list-topic') {
    // A filter on the item's own column: no link-table join, so no DISTINCT over whole rows.
    const paths = [];
    for (const topic of ['general_affairs', 'finance_audit', 'market_safety', 'civil_affairs']) for (let page = 1; page <= 5; page++) paths.push(`/api/disclosure-items?filters[topic][$eq]=${topic}&sort[0]=firstPublishedAt:desc&pagination[page]=${page}&pagination[pageSize]=20`);
    const next = roundRobin(paths);
    return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: next() }) }];
  }
  if (scenario === 'rest-item') {
    const next = roundRobin(itemIds);
    return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/disclosure-items/${next()}?populate[0]=organization&populate[1]=category` }) }];
  }
  const headers = { 'content-type': 'application/json' };
  if (scenario === 'graphql-list') {
    const bodies = [];
    for (const category of CATEGORIES) for (let page = 1; page <= 5; page++) {
      bodies.push(JSON.stringify({ query: `{ disclosureItems(filters: { category: { code: { eq: "${category}" } } }, sort: "firstPublishedAt:desc", pagination: { page: ${page}, pageSize: 20 }) { documentId title indexNumber documentNumber firstPublishedAt validity organization { name code } category { name } } }` }));
    }
    const next = roundRobin(bodies);
    return [{ method: 'POST', path: '/graphql', headers, setupRequest: (req) => ({ ...req, body: next() }) }];
  }
  if (scenario === 'graphql-item') {
    const next = roundRobin(itemIds);
    return [{ method: 'POST', path: '/graphql', headers, setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: `{ disclosureItem(documentId: "${next()}") { documentId title indexNumber summary body firstPublishedAt organization { name code region { name code } } category { name code } } }` }) }) }];
  }
  throw new Error(`unknown scenario ${scenario}`);
}

/** One answer of a scenario's request stream, headers and body, for the ceiling server to repeat. */
async function sampleAnswer(server, request) {
  const r = request.setupRequest ? request.setupRequest({ method: request.method, path: request.path, headers: request.headers }) : request;
  const res = await fetch(`${server.url}${r.path}`, { method: r.method || 'GET', headers: r.headers, body: r.body });
  const body = Buffer.from(await res.arrayBuffer()).toString('base64');
  const headers = {};
  for (const [name, value] of res.headers) if (!['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)) headers[name] = value;
  return { headers, body };
}

(async () => {
  await ensureDatabase();
  await compile();
  const results = [];
  for (const mode of modes) {
    const server = await startServer(mode);
    try {
      // 50 published policy items (plain Strapi has no `status` forcing: ask for published explicitly).
      const items = await getJson(server, '/api/disclosure-items?filters[category][isPolicy][$eq]=true&filters[disclosureAttribute][$eq]=proactive&status=published&fields[0]=title&pagination[pageSize]=50');
      const itemIds = items.data.map((i) => i.documentId);
      if (itemIds.length === 0) throw new Error('no policy items in the benchmark database');
      for (const scenario of scenarios) {
        const requests = await requestsFor(server, scenario, itemIds);
        await load(server, { name: scenario, connections: 10, requests, duration: 2 }); // warm-up (JIT, pools, cache)
        for (const connections of CONNECTIONS) {
          const figures = await load(server, { name: scenario, connections, requests });
          results.push(figures);
          console.log(JSON.stringify(figures));
        }
        // Cached hits are as cheap as an answer gets: what does a bare server sending the same answer reach?
        if (mode === 'cached' && CEILING) {
          const ceiling = await startCeilingServer(await sampleAnswer(server, requests[0]));
          try {
            for (const connections of CONNECTIONS) {
              // The same request stream (paths, bodies) as the cached run: the client side costs the same.
              const figures = await load(ceiling, { name: scenario, connections, requests });
              results.push(figures);
              console.log(JSON.stringify(figures));
            }
          } finally {
            await ceiling.stop();
          }
        }
      }
    } finally {
      await server.stop();
      if (MODES[mode].REDIS_URL) await dropRedisKeys(MODES[mode].REDIS_URL, MODES[mode].PUBLIC_CACHE_KEY_PREFIX);
    }
  }

  // Ratios to plain Strapi and the targets.
  const find = (scenario, mode, connections) => results.find((r) => r.benchmark === scenario && r.mode === mode && r.connections === connections);
  const missed = [];
  for (const scenario of scenarios) for (const connections of CONNECTIONS) {
    const plain = find(scenario, 'plain', connections);
    if (!plain) continue;
    for (const mode of [...modes.filter((m) => m !== 'plain'), 'ceiling']) {
      const r = find(scenario, mode, connections);
      if (!r) continue;
      const ratio = Math.round((r.requestsPerSecond / plain.requestsPerSecond) * 100) / 100;
      console.log(JSON.stringify({ benchmark: scenario, ratio: `${mode}/plain`, connections, value: ratio }));
      if (mode === 'uncached' && ratio < 0.9) missed.push(`${scenario} uncached at ${connections} connections is ${ratio}× plain (target ≥ 0.9)`);
      if (mode.startsWith('cached') && connections > 1 && ratio < 20) missed.push(`${scenario} ${mode} at ${connections} connections is ${ratio}× plain (target ≥ 20)`);
    }
  }
  for (const r of results) {
    if (r.mode === 'uncached' && r.connections === 1 && r.p50ms >= 10) missed.push(`${r.benchmark} uncached p50 at 1 connection is ${r.p50ms} ms (target < 10)`);
    if (r.serverRssMb >= 600) missed.push(`${r.benchmark} ${r.mode} at ${r.connections} connections: RSS ${r.serverRssMb} MB (target < 600)`);
    if (r.errors > 0) missed.push(`${r.benchmark} ${r.mode} at ${r.connections} connections: ${r.errors} errors`);
  }
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', `public-read-${Date.now()}.json`), JSON.stringify({ items: ITEMS, database: DATABASE, results, missed }, null, 2));
  for (const line of missed) console.log(`missed: ${line}`);
  process.exit(missed.length ? 1 : 0);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
