'use strict';

/**
 * Authenticated create-and-publish through every guard: the admin content-manager API with a super
 * admin's JWT (create, then publish), so every document middleware of ours runs (scope, field
 * rules, derived fields, index number, first-publish time, deadlines, cache invalidation).
 * Workers repeat the pair for BENCH_DURATION seconds at 1/10/50 concurrent workers; the latency is
 * the pair's. Modes: `cached` (the full app) and `plain` (our plugins off).
 *
 *   node bench/publish-write.bench.js [--modes cached,plain]
 *
 * Target (issue 8): p95 < 150 ms. Prints JSON lines; exits 1 when missed.
 */
const fs = require('fs');
const path = require('path');
const { CONNECTIONS, DURATION, ensureDatabase, compile, startServer, adminToken, getJson } = require('./lib/load');

const args = process.argv.slice(2);
const i = args.indexOf('--modes');
const modes = i >= 0 ? args[i + 1].split(',') : ['cached', 'plain'];
const CM = '/content-manager/collection-types/api::disclosure-item.disclosure-item';

const rssMb = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return 0;
  }
};
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null);

async function run(server, token, refs, workers, seconds) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const latencies = [];
  let errors = 0;
  let n = 0;
  let maxRss = rssMb(server.pid);
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(server.pid))), 250);
  const until = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const started = process.hrtime.bigint();
      const data = { title: `压测发布的政府信息 ${process.pid}-${n++}`, organization: refs.organization, category: refs.category, formedDate: '2026-11-02', disclosureAttribute: 'proactive', topic: 'general_affairs', summary: '基准测试' };
      const created = await fetch(`${server.url}${CM}`, { method: 'POST', headers, body: JSON.stringify(data) });
      if (created.status !== 201) {
        errors++;
        await created.text();
        continue;
      }
      const { data: item } = await created.json();
      const published = await fetch(`${server.url}${CM}/${item.documentId}/actions/publish`, { method: 'POST', headers, body: '{}' });
      await published.text();
      if (published.status !== 200) errors++;
      else latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const round = (x) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    benchmark: 'create-and-publish', mode: server.mode, connections: workers, pairsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    p50ms: round(percentile(latencies, 50)), p95ms: round(percentile(latencies, 95)), p99ms: round(percentile(latencies, 99)), errors, serverRssMb: Math.round(maxRss),
  };
}

(async () => {
  await ensureDatabase();
  await compile();
  const results = [];
  for (const mode of modes) {
    const server = await startServer(mode);
    try {
      const token = await adminToken(server);
      const org = await getJson(server, '/api/organizations?filters[kind][$eq]=department&pagination[pageSize]=1');
      // 政府规章: a policy category without the interpretation requirement, so one request publishes it.
      const category = await getJson(server, '/api/disclosure-categories?filters[code][$eq]=rules');
      const refs = { organization: org.data[0].documentId, category: category.data[0].documentId };
      await run(server, token, refs, 2, 2); // warm-up
      for (const workers of CONNECTIONS) {
        const figures = await run(server, token, refs, workers, DURATION);
        results.push(figures);
        console.log(JSON.stringify(figures));
      }
    } finally {
      await server.stop();
    }
  }
  const missed = results.filter((r) => r.mode !== 'plain' && (r.p95ms === null || r.p95ms >= 150)).map((r) => `create-and-publish at ${r.connections} connections: p95 ${r.p95ms} ms (target < 150)`);
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', `publish-write-${Date.now()}.json`), JSON.stringify({ results, missed }, null, 2));
  for (const line of missed) console.log(`missed: ${line}`);
  process.exit(missed.length ? 1 : 0);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
