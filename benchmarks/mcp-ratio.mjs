// tools/call get_positions: Leash against two TypeScript SDK reference servers in one run, over stdio (each server
// spawned by the official TypeScript SDK client) and then over Streamable HTTP (BENCH_HTTP=0 skips it); each server
// is warmed up, then measured; the servers take turns, round after round.
// Run it through mcp-ratio.sh, which starts a gateway and sets the environment.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { setMaxListeners } from 'node:events';

const env = (k) => { const v = process.env[k]; if (!v) throw new Error(`${k} is not set`); return v; };
const require = createRequire(path.join(env('BENCH_SDK_DIR'), 'package.json'));
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StdioClientTransport } = require('@modelcontextprotocol/sdk/client/stdio.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

const WARMUP = Number(process.env.BENCH_WARMUP || 2000);
const CALLS = Number(process.env.BENCH_CALLS || 3000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const here = path.dirname(fileURLToPath(import.meta.url));
const common = { BENCH_SDK_DIR: env('BENCH_SDK_DIR'), BENCH_GATEWAY_URL: env('BENCH_GATEWAY_URL'),
                 BENCH_GATEWAY_TOKEN: env('BENCH_GATEWAY_TOKEN') };
const SERVERS = {
  leash: { command: 'java', args: ['-Xlog:disable', '-Xlog:all=warning:stderr', ...(process.env.BENCH_LEASH_FLAGS
      || '').split(' ').filter((f) => f), '-jar', env('BENCH_MCP_JAR')],
    env: { LEASH_GATEWAY_URL: env('BENCH_GATEWAY_URL'), LEASH_MODEL_TOKEN: env('BENCH_GATEWAY_TOKEN'),
           LEASH_MCP_DATA_DIR: env('BENCH_MCP_DATA_DIR') } },
  from_memory: { command: 'node', args: [path.join(here, 'mcp-reference-server.mjs')],
    env: { ...common, BENCH_REF_MODE: 'memory' } },
  same_work: { command: 'node', args: [path.join(here, 'mcp-reference-server.mjs')],
    env: { ...common, BENCH_REF_MODE: 'same-work' } },
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const pct = (s, p) => s[Math.min(s.length - 1, Math.floor(s.length * p))];

const callOn = (c, name) => async () => {
  const r = await c.callTool({ name: 'get_positions', arguments: {} });
  if (r.isError || !r.structuredContent) throw new Error(name + ': get_positions failed');
};

async function measure(name) {
  const s = SERVERS[name];
  const c = new Client({ name: 'leash-bench', version: '1.0' });
  await c.connect(new StdioClientTransport({ command: s.command, args: s.args, stderr: 'ignore',
    env: { ...process.env, ...s.env } }));
  const call = callOn(c, name);
  for (let i = 0; i < WARMUP; i++) await call();
  const result = await timed(call);
  await c.close();
  return result;
}

async function timed(call) {
  const lat = new Array(CALLS);
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await call();
    lat[i] = performance.now() - t;
  }
  const total = performance.now() - t0;
  lat.sort((a, b) => a - b);
  return { calls_per_s: Math.round(CALLS / (total / 1000)), p50_ms: +pct(lat, 0.5).toFixed(3),
           p99_ms: +pct(lat, 0.99).toFixed(3) };
}

// Streamable HTTP: every server runs for the whole phase on its own port. The TypeScript client leaves one abort
// listener per request behind (see mcp-server/perf/README.md), so each measurement warms the server up on one client
// and measures on a fresh one after 500 calls of its own.
const freePort = () => new Promise((ok) => { const s = net.createServer(); s.listen(0, '127.0.0.1',
  () => { const p = s.address().port; s.close(() => ok(p)); }); });
const MCP_TOKEN = 'bench-' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
const children = [];
async function startHttp(name) {
  const port = await freePort();
  const s = SERVERS[name];
  const args = name === 'leash' ? [...s.args, '--http', '--port', String(port)] : s.args;
  const extra = name === 'leash' ? { LEASH_MCP_TOKEN: MCP_TOKEN } : { BENCH_REF_PORT: String(port) };
  const child = spawn(s.command, args, { env: { ...process.env, ...s.env, ...extra }, stdio: 'ignore' });
  children.push(child);
  const url = `http://127.0.0.1:${port}/mcp`;
  for (let i = 0; i < 300; i++) {
    try { await fetch(url, { method: 'DELETE' }); return url; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(name + ' did not start over HTTP');
}
async function httpClient(url) {
  const c = new Client({ name: 'leash-bench', version: '1.0' });
  await c.connect(new StreamableHTTPClientTransport(new URL(url),
    { requestInit: { headers: { Authorization: `Bearer ${MCP_TOKEN}` } } }));
  return c;
}
async function measureHttp(name, url) {
  const warm = await httpClient(url);
  const w = callOn(warm, name);
  for (let i = 0; i < WARMUP; i++) await w();
  await warm.close();
  const c = await httpClient(url);
  const call = callOn(c, name);
  for (let i = 0; i < 500; i++) await call();
  const result = await timed(call);
  await c.close();
  return result;
}

function summarize(runs) {
  const summary = {};
  for (const [name, rs] of Object.entries(runs)) {
    summary[name] = { median_calls_per_s: median(rs.map((x) => x.calls_per_s)),
                      median_p50_ms: median(rs.map((x) => x.p50_ms)), rounds: rs };
  }
  const ratio = (a, b) => +(summary[a].median_calls_per_s / summary[b].median_calls_per_s).toFixed(2);
  summary.ratios = { leash_vs_from_memory: ratio('leash', 'from_memory'), goal_from_memory: 0.8,
                     leash_vs_same_work: ratio('leash', 'same_work'), goal_same_work: 1.5 };
  return summary;
}

setMaxListeners(0);
process.setMaxListeners(0);
const out = { settings: { warmup: WARMUP, calls: CALLS, rounds: ROUNDS } };
const runs = { leash: [], from_memory: [], same_work: [] };
for (let r = 1; r <= ROUNDS; r++) {
  for (const name of Object.keys(SERVERS)) {
    console.error(`# stdio round ${r} of ${ROUNDS}: ${name}`);
    runs[name].push(await measure(name));
  }
}
out.stdio = summarize(runs);
if (process.env.BENCH_HTTP !== '0') {
  try {
    const urls = {};
    for (const name of Object.keys(SERVERS)) urls[name] = await startHttp(name);
    const hruns = { leash: [], from_memory: [], same_work: [] };
    for (let r = 1; r <= ROUNDS; r++) {
      for (const name of Object.keys(SERVERS)) {
        console.error(`# HTTP round ${r} of ${ROUNDS}: ${name}`);
        hruns[name].push(await measureHttp(name, urls[name]));
      }
    }
    out.http = summarize(hruns);
  } finally {
    children.forEach((c) => c.kill());
  }
}
console.log(JSON.stringify(out, null, 2));
