// Sequential MCP calls against leash-mcp.jar with the official TypeScript SDK client, including the gateway hop.
// Run it through run.sh, which installs the SDK, starts a gateway and the HTTP server, and sets the environment.
import { setMaxListeners } from 'node:events';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import path from 'node:path';

const env = (k) => { const v = process.env[k]; if (!v) throw new Error(`${k} is not set`); return v; };
const require = createRequire(path.join(env('BENCH_SDK_DIR'), 'package.json'));
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StdioClientTransport } = require('@modelcontextprotocol/sdk/client/stdio.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

const GATEWAY = env('BENCH_GATEWAY_URL');
const GATEWAY_TOKEN = env('BENCH_GATEWAY_TOKEN');
const MCP_URL = env('BENCH_MCP_URL');
const MCP_TOKEN = env('BENCH_MCP_TOKEN');
const JAR = env('BENCH_MCP_JAR');
const CDS = process.env.BENCH_CDS_ARCHIVE || '';
// Warm-up calls before each measurement: the servers' JIT needs about 10,000 calls of a path to reach steady state
// (the README shows the curve). BENCH_WARMUP=1000 gives the figures of a barely warm server.
const WARMUP = Number(process.env.BENCH_WARMUP || 10000);
const CALLS = Number(process.env.BENCH_CALLS || 3000);
// A fresh HTTP client is measured after its own short warm-up (see overHttp).
const CLIENT_WARMUP = Math.min(WARMUP, 500);
const COLD = Number(process.env.BENCH_COLD_STARTS || 5);
// Extra JVM flags for the stdio server whose throughput is measured, e.g. the fast-start flags.
const STDIO_FLAGS = (process.env.BENCH_STDIO_FLAGS || '').split(' ').filter((f) => f);
const QUIET = ['-Xlog:disable', '-Xlog:all=warning:stderr'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const pct = (s, p) => s[Math.min(s.length - 1, Math.floor(s.length * p))];

async function timed(name, fn, warmup = WARMUP) {
  console.error('# ' + name);
  for (let i = 0; i < warmup; i++) await fn();
  const lat = new Array(CALLS);
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const s = performance.now();
    await fn();
    lat[i] = performance.now() - s;
  }
  const total = performance.now() - t0;
  lat.sort((a, b) => a - b);
  return { name, calls: CALLS, p50_ms: +pct(lat, 0.5).toFixed(3), p99_ms: +pct(lat, 0.99).toFixed(3),
           calls_per_s: Math.round(CALLS / (total / 1000)) };
}

function stdioTransport(jvmFlags) {
  return new StdioClientTransport({ command: 'java', args: [...QUIET, ...jvmFlags, '-jar', JAR], stderr: 'ignore',
    env: { ...process.env, LEASH_GATEWAY_URL: GATEWAY, LEASH_MODEL_TOKEN: GATEWAY_TOKEN,
           LEASH_MCP_DATA_DIR: env('BENCH_MCP_DATA_DIR') } });
}

const client = () => new Client({ name: 'leash-bench', version: '1.0' });

async function getPositions(c) {
  const r = await c.callTool({ name: 'get_positions', arguments: {} });
  if (r.isError) throw new Error('get_positions failed: ' + JSON.stringify(r.content));
}

// Spawn to the initialize response (Client.connect sends initialize and waits for its answer).
async function coldStart(jvmFlags) {
  console.error('# cold start ' + (jvmFlags.join(' ') || '(no flags)'));
  const times = [];
  for (let i = 0; i < COLD; i++) {
    const c = client();
    const t0 = performance.now();
    await c.connect(stdioTransport(jvmFlags));
    times.push(performance.now() - t0);
    await c.close();
  }
  return { flags: jvmFlags.join(' ') || '(none)', runs_ms: times.map((t) => Math.round(t)),
           median_ms: Math.round(median(times)) };
}

// No listener-count warnings: printing one per call past 1,500 (see overHttp) would be measured too.
setMaxListeners(0);
process.setMaxListeners(0);
const results = {};
// Baseline: the gateway hop alone, GET /api/positions over a kept-alive connection.
results.baseline = await timed('baseline: GET /api/positions (gateway only)', async () => {
  const r = await fetch(GATEWAY + '/api/positions');
  if (!r.ok) throw new Error('gateway ' + r.status);
  await r.arrayBuffer();
});

results.cold = COLD > 0 ? [await coldStart([])] : [];
if (CDS && COLD > 0) {
  results.cold.push(await coldStart(['-XX:SharedArchiveFile=' + CDS]));
  results.cold.push(await coldStart(['-XX:SharedArchiveFile=' + CDS, '-XX:TieredStopAtLevel=1']));
}

const stdio = client();
await stdio.connect(stdioTransport(STDIO_FLAGS));
results.stdio_flags = STDIO_FLAGS.join(' ') || '(none)';
const list = await stdio.listTools();
results.tools_list_bytes = Buffer.byteLength(JSON.stringify(list));
results.stdio_ping = await timed('stdio ping (transport floor)', () => stdio.ping());
results.stdio_cached = await timed('stdio tools/call get_market (cached: no gateway hop)',
  () => stdio.callTool({ name: 'get_market', arguments: {} }));
results.stdio = await timed('stdio tools/call get_positions', () => getPositions(stdio));
await stdio.close();

// The TypeScript client leaves one abort listener per request on its transport's signal
// (MaxListenersExceededWarning), and each new one costs more as the list grows. So the server is warmed up by one
// client and measured with a fresh one after a short warm-up of its own, and every section has its own clients.
async function httpClient() {
  const c = client();
  await c.connect(new StreamableHTTPClientTransport(new URL(MCP_URL),
    { requestInit: { headers: { Authorization: `Bearer ${MCP_TOKEN}` } } }));
  return c;
}
async function overHttp(name, fn) {
  const warm = await httpClient();
  for (let i = 0; i < WARMUP; i++) await fn(warm);
  await warm.close();
  const http = await httpClient();
  const r = await timed(name, () => fn(http), CLIENT_WARMUP);
  await http.close();
  return r;
}
results.http_ping = await overHttp('HTTP ping (transport floor)', (c) => c.ping());
results.http_cached = await overHttp('HTTP tools/call get_market (cached: no gateway hop)',
  (c) => c.callTool({ name: 'get_market', arguments: {} }));
results.http = await overHttp('HTTP tools/call get_positions', getPositions);

console.log(JSON.stringify(results, null, 2));
