// JIT warm-up curve: sequential stdio tools/call get_positions from a freshly started MCP server, in rounds of
// BENCH_CALLS (2000) calls without any warm-up, against the gateway run.sh just started. Run it through run.sh:
//   BENCH_SCRIPT=curve.mjs mcp-server/perf/run.sh 1
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import path from 'node:path';

const env = (k) => { const v = process.env[k]; if (!v) throw new Error(`${k} is not set`); return v; };
const require = createRequire(path.join(env('BENCH_SDK_DIR'), 'package.json'));
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StdioClientTransport } = require('@modelcontextprotocol/sdk/client/stdio.js');

const CALLS = Number(process.env.BENCH_CALLS || 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 8);
const c = new Client({ name: 'leash-bench', version: '1.0' });
await c.connect(new StdioClientTransport({ command: 'java',
  args: ['-Xlog:disable', '-Xlog:all=warning:stderr', '-jar', env('BENCH_MCP_JAR')], stderr: 'ignore',
  env: { ...process.env, LEASH_GATEWAY_URL: env('BENCH_GATEWAY_URL'), LEASH_MODEL_TOKEN: env('BENCH_GATEWAY_TOKEN'),
         LEASH_MCP_DATA_DIR: env('BENCH_MCP_DATA_DIR') } }));
const rounds = [];
for (let r = 0; r < ROUNDS; r++) {
  const lat = new Array(CALLS);
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const s = performance.now();
    const res = await c.callTool({ name: 'get_positions', arguments: {} });
    if (res.isError) throw new Error('get_positions failed: ' + JSON.stringify(res.content));
    lat[i] = performance.now() - s;
  }
  const total = performance.now() - t0;
  lat.sort((a, b) => a - b);
  rounds.push({ calls_before: r * CALLS, p50_ms: +lat[Math.floor(CALLS / 2)].toFixed(3),
                calls_per_s: Math.round(CALLS / (total / 1000)) });
}
await c.close();
console.log(JSON.stringify({ stdio_get_positions_from_cold: rounds }, null, 2));
