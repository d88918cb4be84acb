'use strict';

/**
 * Shared pieces of the load benchmarks: a benchmark database (generated on first use), production
 * servers of the app in the configurations compared, an admin login, RSS sampling and autocannon.
 * autocannon runs in the benchmark's process; the server is a separate process.
 */
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { Client } = require('pg');
const autocannon = require('autocannon');

const appDir = path.resolve(__dirname, '..', '..');
const PG_SERVER = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const ITEMS = Number(process.env.BENCH_ITEMS || 100000);
const DATABASE = process.env.BENCH_DATABASE || `bench_${ITEMS >= 1e6 ? `${ITEMS / 1e6}m` : `${Math.round(ITEMS / 1000)}k`}`;
const DURATION = Number(process.env.BENCH_DURATION || 10);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || '1,10,50').split(',').map(Number);

/**
 * The configurations compared. `plain` is Strapi 5.54 with this app's content types and GraphQL
 * but every plugin of ours switched off by configuration. Starting it makes Strapi's schema sync drop
 * the tables of the switched-off plugins' content types (policies, interpretations, scan results,
 * applications…), so it runs on a copy of the benchmark database (see databaseFor).
 */
const MODES = {
  plain: {
    CATALOGUE_ENABLED: 'false', REGULATION_VERSIONS_ENABLED: 'false', DEADLINES_ENABLED: 'false', PUBLIC_CACHE_ENABLED: 'false',
    POLICY_LINKAGE_ENABLED: 'false', CONTENT_SECURITY_ENABLED: 'false', COMPLIANCE_ENABLED: 'false',
  },
  uncached: { PUBLIC_CACHE_ENABLED: 'false' },
  // The full app with the cache off and the catalogue's lean read path off: every read through Strapi's pipeline.
  'uncached-strapi': { PUBLIC_CACHE_ENABLED: 'false', CATALOGUE_LEAN_READS: 'false' },
  cached: { PUBLIC_CACHE_ENABLED: 'true' },
  'cached-redis': { PUBLIC_CACHE_ENABLED: 'true', REDIS_URL: process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379', PUBLIC_CACHE_KEY_PREFIX: `bench:${process.pid}:` },
};

/** `without-<plugin>`: uncached with one plugin of ours switched off, to find what a plugin costs. */
const PLUGIN_SWITCHES = {
  catalogue: 'CATALOGUE_ENABLED', 'regulation-versions': 'REGULATION_VERSIONS_ENABLED', deadlines: 'DEADLINES_ENABLED',
  'policy-linkage': 'POLICY_LINKAGE_ENABLED', 'content-security': 'CONTENT_SECURITY_ENABLED', compliance: 'COMPLIANCE_ENABLED',
};
for (const [plugin, enabled] of Object.entries(PLUGIN_SWITCHES)) MODES[`without-${plugin}`] = { ...MODES.uncached, [enabled]: 'false' };

/** A mode that switches off a plugin with content types (any but the public cache) would lose its tables. */
const prunes = (mode) => Object.entries(MODES[mode]).some(([name, value]) => name.endsWith('_ENABLED') && name !== 'PUBLIC_CACHE_ENABLED' && value === 'false');

const databaseUrl = (database = DATABASE) => {
  const url = new URL(PG_SERVER);
  url.pathname = `/${database}`;
  return url.toString();
};

/**
 * The database a mode runs on: the benchmark database, or for `plain` and `without-…` a fresh copy of
 * it (same rows, same indexes, made with CREATE DATABASE … TEMPLATE), which that server may prune as it likes.
 */
async function databaseFor(mode) {
  if (!prunes(mode)) return DATABASE;
  const copy = `${DATABASE}_${mode.replace(/-/g, '_')}`;
  const admin = new Client({ connectionString: PG_SERVER });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${copy}"`);
    await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${DATABASE}"`);
  } finally {
    await admin.end();
  }
  return copy;
}

async function dropCopy(copy) {
  const admin = new Client({ connectionString: PG_SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${copy}"`);
  await admin.end();
}

/** Generates the benchmark database unless it exists (bench/generate.js). */
async function ensureDatabase() {
  const admin = new Client({ connectionString: PG_SERVER });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  await admin.end();
  if (rowCount) return;
  console.error(`[bench] generating ${ITEMS} items into ${DATABASE} (bench/generate.js)`);
  const result = spawnSync(process.execPath, [path.join(__dirname, '..', 'generate.js'), '--items', String(ITEMS), '--database', DATABASE], { stdio: 'inherit', cwd: appDir });
  if (result.status !== 0) throw new Error('generation failed');
}

/** Compiles the app once (dist/), as `npm run build` leaves it for `strapi start`. */
async function compile() {
  if (process.env.BENCH_NO_COMPILE === 'true') return;
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir });
}

/**
 * A bare Node.js server repeating a sample answer of the app (lib/ceiling-server.js): what the load
 * generator can reach here. `sample` is `{ headers, body }` (body in base64).
 */
async function startCeilingServer(sample) {
  const file = path.join(require('os').tmpdir(), `ceiling-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(sample));
  const child = spawn(process.execPath, [path.join(__dirname, 'ceiling-server.js'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
  return serverProcess(child, 'ceiling', async () => {});
}

/** Waits for a spawned server's `READY <port>` line; returns its handle (stop() ends it, then runs `cleanUp`). */
async function serverProcess(child, mode, cleanUp, env = {}) {
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server (${mode}) did not start:\n${output}`)), 180000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const ready = /READY (\d+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(Number(ready[1]));
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`server (${mode}) exited ${code}:\n${output}`)));
  });
  /** SQL statements run so far (servers started with BENCH_COUNT_QUERIES=true) and CPU seconds used (/proc). */
  const counters = async () => {
    let queries = null;
    if (env.BENCH_COUNT_QUERIES === 'true') {
      queries = await new Promise((resolve) => {
        const onData = (chunk) => {
          const line = /QUERIES (\d+)/.exec(String(chunk));
          if (line) {
            child.stdout.off('data', onData);
            resolve(Number(line[1]));
          }
        };
        child.stdout.on('data', onData);
        child.kill('SIGUSR2');
      });
    }
    return { queries, cpuSeconds: cpuSecondsOf(child.pid) };
  };
  return {
    mode,
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    counters,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await cleanUp();
    },
  };
}

/** A production server of the app in `mode`; `extraEnv` adds variables (e.g. BENCH_COUNT_QUERIES, NODE_OPTIONS for profiling). */
async function startServer(mode, extraEnv = {}) {
  const database = await databaseFor(mode);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: databaseUrl(database),
    LOG_LEVEL: 'warn',
    CRON_ENABLED: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    PORT: '0',
    ...MODES[mode],
    ...extraEnv,
  };
  // BENCH_SERVER_NODE_ARGS: Node options for the server only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS || '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(__dirname, 'app-server.js')], { env, cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'] });
  return serverProcess(child, mode, async () => {
    if (database !== DATABASE) await dropCopy(database);
  }, env);
}

/** User + system CPU seconds of a process so far (Linux /proc; 0 elsewhere). */
const cpuSecondsOf = (pid) => {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
};

const rssMb = (pid) => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return 0;
  }
};

/** Runs autocannon while sampling the server's RSS; returns the figures RESULTS.md reports. */
async function load(server, { name, connections, requests, duration = DURATION }) {
  let maxRss = rssMb(server.pid);
  const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssMb(server.pid))), 250);
  const result = await autocannon({ url: server.url, connections, duration, requests });
  clearInterval(sampler);
  maxRss = Math.max(maxRss, rssMb(server.pid));
  return {
    benchmark: name,
    mode: server.mode,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    serverRssMb: Math.round(maxRss),
  };
}

/** An admin JWT: registers the first super admin of the database or logs in as it. */
async function adminToken(server) {
  const credentials = { email: 'bench@example.gov.cn', password: 'Bench-Passw0rd!', firstname: 'bench' };
  let res = await fetch(`${server.url}/admin/register-admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  if (!res.ok) res = await fetch(`${server.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: credentials.email, password: credentials.password }) });
  if (!res.ok) throw new Error(`admin login failed: ${res.status} ${await res.text()}`);
  return (await res.json()).data.token;
}

const getJson = async (server, urlPath) => {
  const res = await fetch(`${server.url}${urlPath}`);
  if (!res.ok) throw new Error(`GET ${urlPath}: ${res.status} ${await res.text()}`);
  return res.json();
};

module.exports = { MODES, CONNECTIONS, DURATION, ITEMS, DATABASE, ensureDatabase, compile, startServer, startCeilingServer, load, adminToken, getJson };
