// A reference MCP server for benchmarks/mcp-ratio.sh: the official TypeScript SDK's low-level Server over stdio with
// one tool, get_positions, answering like Leash (the gateway's JSON as structured content and as text).
// BENCH_REF_MODE=memory answers a body read once from the gateway at start (the from-memory reference);
// BENCH_REF_MODE=same-work does Leash's old work on every call: GET /api/positions on the gateway, kept alive.
import { createRequire } from 'node:module';
import path from 'node:path';

const env = (k) => { const v = process.env[k]; if (!v) throw new Error(`${k} is not set`); return v; };
const require = createRequire(path.join(env('BENCH_SDK_DIR'), 'package.json'));
const { Server } = require('@modelcontextprotocol/sdk/server/index.js');
const { StdioServerTransport } = require('@modelcontextprotocol/sdk/server/stdio.js');
const { ListToolsRequestSchema, CallToolRequestSchema } = require('@modelcontextprotocol/sdk/types.js');

const URL_ = env('BENCH_GATEWAY_URL') + '/api/positions';
const HEADERS = { Authorization: `Bearer ${env('BENCH_GATEWAY_TOKEN')}`, Accept: 'application/json' };
const MODE = env('BENCH_REF_MODE');
if (MODE !== 'memory' && MODE !== 'same-work') throw new Error('BENCH_REF_MODE is memory or same-work');

async function positions() {
  const r = await fetch(URL_, { headers: HEADERS });
  const text = await r.text();
  if (!r.ok) throw new Error('gateway ' + r.status);
  return { text, body: JSON.parse(text) };
}

const kept = MODE === 'memory' ? await positions() : null;
const server = new Server({ name: `reference-${MODE}`, version: '1.0' }, { capabilities: { tools: {} } });
server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [{ name: 'get_positions', description: 'Open positions.', inputSchema: { type: 'object', properties: {} } }],
}));
server.setRequestHandler(CallToolRequestSchema, async (req) => {
  if (req.params.name !== 'get_positions') throw new Error('unknown tool ' + req.params.name);
  const { text, body } = kept ?? await positions();
  return { content: [{ type: 'text', text }], structuredContent: body, isError: false };
});
await server.connect(new StdioServerTransport());
