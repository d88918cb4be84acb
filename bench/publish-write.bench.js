'use strict';

/**
 * Authenticated create-and-publish through every guard, in three scenarios (the latency is the
 * scenario's unit of work):
 *   - `admin-publish`: the content manager's 发布 button on a new entry, with a super admin's JWT: one
 *     `POST …/actions/publish` with the form's data creates and publishes (Strapi 5's admin sends the
 *     form with every 发布; an entry not saved yet has no id, so that request creates it);
 *   - `admin-pair`: the same admin API in two clicks, 保存 (create) then 发布 on the saved draft;
 *   - `rest-token`: the integrator's path, one `POST /api/disclosure-items` with a full-access API
 *     token (Strapi 5's REST create defaults to status "published": create and publish at once).
 * Either way every document middleware of ours runs (field rules, derived fields, index number,
 * first-publish time, content-security gate, policy release, deadlines, cache invalidation); the
 * organisation scope only limits admin users who are not super admins. Before measuring, the REST
 * path is checked once: the item is public afterwards and an item without organisation is refused.
 * Workers repeat the unit for BENCH_DURATION seconds at each of BENCH_CONNECTIONS concurrent
 * workers. Modes: `cached` (the full app) and `plain` (our plugins off). Servers count their SQL
 * statements (BENCH_COUNT_QUERIES), so each line also gives statements and CPU seconds per unit.
 *
 *   node bench/publish-write.bench.js [--modes cached,plain] [--scenarios admin-publish,admin-pair,rest-token]
 *
 * The admin pair's lines also give each request's own p95 (`stepP95ms`: create, publish).
 *
 * Target (issue 8): p95 < 150 ms. Prints JSON lines; exits 1 when missed.
 */
const fs = require('fs');
const path = require('path');
const { CONNECTIONS, DURATION, ensureDatabase, compile, startServer, adminToken, getJson } = require('./lib/load');

const option = (name, fallback) => {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1].split(',') : fallback;
};
const modes = option('--modes', ['cached', 'plain']);
const scenarios = option('--scenarios', ['admin-publish', 'admin-pair', 'rest-token']);
const CM = '/content-manager/collection-types/api::disclosure-item.disclosure-item';
const REST = '/api/disclosure-items';

const rssMb = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return 0;
  }
};
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null);
let sequence = 0;
const itemData = (refs, overrides = {}) => ({
  title: `压测发布的政府信息 ${process.pid}-${sequence++}`, organization: refs.organization, category: refs.category, formedDate: '2026-11-02',
  disclosureAttribute: 'proactive', topic: 'general_affairs', summary: '基准测试', ...overrides,
});

/**
 * One unit of work per scenario; resolves to the published documentId (and, for the admin pair, each
 * request's own latency in `steps`), or null on any non-success answer.
 */
const since = (started) => Number(process.hrtime.bigint() - started) / 1e6;
const UNITS = {
  async 'admin-publish'(server, auth, refs) {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${auth.adminJwt}` };
    const published = await fetch(`${server.url}${CM}/actions/publish`, { method: 'POST', headers, body: JSON.stringify(itemData(refs)) });
    if (published.status !== 200) {
      await published.text();
      return null;
    }
    return { documentId: (await published.json()).data.documentId };
  },
  async 'admin-pair'(server, auth, refs) {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${auth.adminJwt}` };
    let started = process.hrtime.bigint();
    const created = await fetch(`${server.url}${CM}`, { method: 'POST', headers, body: JSON.stringify(itemData(refs)) });
    if (created.status !== 201) {
      await created.text();
      return null;
    }
    const { data: item } = await created.json();
    const create = since(started);
    started = process.hrtime.bigint();
    const published = await fetch(`${server.url}${CM}/${item.documentId}/actions/publish`, { method: 'POST', headers, body: '{}' });
    await published.text();
    return published.status === 200 ? { documentId: item.documentId, steps: { create, publish: since(started) } } : null;
  },
  async 'rest-token'(server, auth, refs) {
    const res = await fetch(`${server.url}${REST}`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.apiToken}` }, body: JSON.stringify({ data: itemData(refs) }),
    });
    if (res.status !== 201) {
      await res.text();
      return null;
    }
    return { documentId: (await res.json()).data.documentId };
  },
};

async function run(server, scenario, auth, refs, workers, seconds) {
  const unit = UNITS[scenario];
  const latencies = [];
  const steps = {};
  let errors = 0;
  let maxRss = rssMb(server.pid);
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(server.pid))), 250);
  const before = await server.counters();
  const until = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const started = process.hrtime.bigint();
      const done = await unit(server, auth, refs);
      if (!done) {
        errors++;
        continue;
      }
      latencies.push(since(started));
      for (const [step, ms] of Object.entries(done.steps ?? {})) (steps[step] ??= []).push(ms);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  clearInterval(sampler);
  const after = await server.counters();
  latencies.sort((a, b) => a - b);
  const round = (x) => (x === null ? null : Math.round(x * 10) / 10);
  const units = latencies.length + errors;
  return {
    benchmark: 'create-and-publish', scenario, mode: server.mode, connections: workers, pairsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    p50ms: round(percentile(latencies, 50)), p95ms: round(percentile(latencies, 95)), p99ms: round(percentile(latencies, 99)), errors,
    statementsPerPair: before.queries === null || !units ? null : round((after.queries - before.queries) / units),
    cpuMsPerPair: units ? round(((after.cpuSeconds - before.cpuSeconds) * 1000) / units) : null,
    serverRssMb: Math.round(maxRss),
    // The admin pair's two requests on their own (each is one click in the content manager).
    ...(Object.keys(steps).length
      ? { stepP95ms: Object.fromEntries(Object.entries(steps).map(([step, values]) => [step, round(percentile(values.sort((a, b) => a - b), 95))])) }
      : {}),
  };
}

/** A full-access API token, made over the admin API as an integrator's administrator would. */
async function fullAccessToken(server, adminJwt) {
  const res = await fetch(`${server.url}/admin/api-tokens`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminJwt}` },
    body: JSON.stringify({ name: `bench-${process.pid}-${Date.now()}`, description: 'publish-write bench', type: 'full-access', lifespan: null }),
  });
  if (res.status !== 201) throw new Error(`POST /admin/api-tokens: ${res.status} ${await res.text()}`);
  return (await res.json()).data.accessKey;
}

/**
 * The REST path really publishes (the public reads the item at once) and the guards refuse there
 * too (no organisation: 400 ORGANIZATION_REQUIRED; plain Strapi has no such rule and accepts it).
 */
async function checkRestPath(server, auth, refs) {
  const documentId = (await UNITS['rest-token'](server, auth, refs))?.documentId;
  const read = documentId ? await fetch(`${server.url}${REST}/${documentId}`) : null;
  const publicRead = read ? read.status : null;
  if (read) await read.text();
  const bad = await fetch(`${server.url}${REST}`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.apiToken}` }, body: JSON.stringify({ data: itemData(refs, { organization: undefined }) }),
  });
  const body = await bad.json().catch(() => ({}));
  const refusal = { status: bad.status, code: body?.error?.details?.errors?.[0]?.code ?? body?.error?.details?.code ?? body?.error?.name ?? null };
  const check = { benchmark: 'create-and-publish-check', scenario: 'rest-token', mode: server.mode, created: !!documentId, publicRead, missingOrganization: refusal };
  console.log(JSON.stringify(check));
  const guarded = server.mode === 'plain' || (refusal.status === 400 && refusal.code === 'ORGANIZATION_REQUIRED');
  if (!documentId || publicRead !== 200 || !guarded) throw new Error(`REST create-and-publish check failed: ${JSON.stringify(check)}`);
}

(async () => {
  await ensureDatabase();
  await compile();
  const results = [];
  for (const mode of modes) {
    const server = await startServer(mode, { BENCH_COUNT_QUERIES: 'true' });
    try {
      const adminJwt = await adminToken(server);
      const auth = { adminJwt, apiToken: scenarios.includes('rest-token') ? await fullAccessToken(server, adminJwt) : null };
      const org = await getJson(server, '/api/organizations?filters[kind][$eq]=department&pagination[pageSize]=1');
      // 政府规章: a policy category without the interpretation requirement, so one request publishes it.
      const category = await getJson(server, '/api/disclosure-categories?filters[code][$eq]=rules');
      const refs = { organization: org.data[0].documentId, category: category.data[0].documentId };
      if (auth.apiToken) await checkRestPath(server, auth, refs);
      for (const scenario of scenarios) {
        await run(server, scenario, auth, refs, 2, 2); // warm-up
        for (const workers of CONNECTIONS) {
          const figures = await run(server, scenario, auth, refs, workers, DURATION);
          results.push(figures);
          console.log(JSON.stringify(figures));
        }
      }
    } finally {
      await server.stop();
    }
  }
  const missed = results.filter((r) => r.mode !== 'plain' && (r.p95ms === null || r.p95ms >= 150)).map((r) => `create-and-publish (${r.scenario}) at ${r.connections} connections: p95 ${r.p95ms} ms (target < 150)`);
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', `publish-write-${Date.now()}.json`), JSON.stringify({ results, missed }, null, 2));
  for (const line of missed) console.log(`missed: ${line}`);
  process.exit(missed.length ? 1 : 0);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
