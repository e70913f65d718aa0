// A reference MCP server for benchmarks/mcp-ratio.sh: the official TypeScript SDK's low-level Server with one tool,
// get_positions, answering like Leash (the gateway's JSON as structured content and as text). Over stdio, or with
// BENCH_REF_PORT over Streamable HTTP at /mcp (stateful sessions, JSON responses, as Leash answers).
// BENCH_REF_MODE=memory answers a body read once from the gateway at start (the from-memory reference);
// BENCH_REF_MODE=same-work does Leash's old work on every call: GET /api/positions on the gateway, kept alive.
import { createRequire } from 'node:module';
import path from 'node:path';

const env = (k) => { const v = process.env[k]; if (!v) throw new Error(`${k} is not set`); return v; };
const require = createRequire(path.join(env('BENCH_SDK_DIR'), 'package.json'));
const { Server } = require('@modelcontextprotocol/sdk/server/index.js');
const { StdioServerTransport } = require('@modelcontextprotocol/sdk/server/stdio.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const http = require('node:http');
const { randomUUID } = require('node:crypto');
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

function newServer() {
  const server = new Server({ name: `reference-${MODE}`, version: '1.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [{ name: 'get_positions', description: 'Open positions.', inputSchema: { type: 'object', properties: {} } }],
  }));
  server.setRequestHandler(CallToolRequestSchema, async (req) => {
    if (req.params.name !== 'get_positions') throw new Error('unknown tool ' + req.params.name);
    const { text, body } = kept ?? await positions();
    return { content: [{ type: 'text', text }], structuredContent: body, isError: false };
  });
  return server;
}

const PORT = process.env.BENCH_REF_PORT;
if (!PORT) {
  await newServer().connect(new StdioServerTransport());
} else {
  const sessions = new Map();
  http.createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    let t = sessions.get(req.headers['mcp-session-id']);
    if (!t) {
      t = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), enableJsonResponse: true,
        onsessioninitialized: (id) => sessions.set(id, t) });
      t.onclose = () => sessions.delete(t.sessionId);
      await newServer().connect(t);
    }
    await t.handleRequest(req, res, body);
  }).listen(Number(PORT), '127.0.0.1', () => console.error('listening on ' + PORT));
}
