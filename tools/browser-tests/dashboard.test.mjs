// Browser tests of the dashboard in the system's headless Chromium, against a running gateway.
// Env: LEASH_API (default http://127.0.0.1:7070), LEASH_DATA_DIR (for gateway.token) or LEASH_GATEWAY_TOKEN,
// SCREENSHOTS (directory, default ./screenshots), CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const api = process.env.LEASH_API || 'http://127.0.0.1:7070';
const token = process.env.LEASH_GATEWAY_TOKEN
  || readFileSync(join(process.env.LEASH_DATA_DIR || './leash-data', 'gateway.token'), 'utf8').trim();
const shots = process.env.SCREENSHOTS || 'screenshots';
mkdirSync(shots, { recursive: true });

async function rest(method, path, body) {
  const r = await fetch(api + path, {
    method,
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json', 'X-Leash-Client': 'browser-tests' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json();
  assert.ok(r.ok, `${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

async function eventually(what, ms, probe) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'leash-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
let failed = false;
try {
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));

  const test = async (name, fn) => {
    try {
      await fn();
      console.log('ok   ' + name);
    } catch (e) {
      failed = true;
      console.log('FAIL ' + name + ': ' + e.message);
      await page.screenshot({ path: join(shots, 'failure-' + name.replace(/\W+/g, '-') + '.png') }).catch(() => {});
    }
  };

  const answer = await page.goto(api + '/');
  assert.equal(answer.status(), 200);
  assert.match(answer.headers()['content-security-policy'] || '', /script-src 'self'/);

  await test('the equity curve has points', async () => {
    await page.waitForFunction(() => {
      const el = document.querySelector('#equity-chart');
      return Number(el.dataset.points) > 0 && el.querySelector('canvas') !== null;
    }, null, { timeout: 20000 });
    await page.waitForFunction(() => document.querySelector('#live').textContent.includes('live'), null,
      { timeout: 10000 });
    await page.screenshot({ path: join(shots, 'overview.png') });
  });

  await test('a parameter change made over REST shows in the history within 5 s', async () => {
    await page.click('button.tab[data-tab="parameters"]');
    const current = (await rest('GET', '/api/params')).params.stop_loss_pct;
    const rationale = 'browser test ' + Date.now();
    const changed = await rest('PUT', '/api/params', {
      changes: { stop_loss_pct: Math.round((current - 0.1) * 100) / 100 }, rationale,
    });
    assert.equal(changed.accepted, true);
    await page.waitForFunction((r) => document.querySelector('#history tbody').textContent.includes(r), rationale,
      { timeout: 5000 });
    await page.screenshot({ path: join(shots, 'parameters.png') });
  });

  await test('the scorecard page shows the change just made, in plain words', async () => {
    await page.click('button.tab[data-tab="scorecard"]');
    const version = (await rest('GET', '/api/params')).params.version;
    await page.waitForFunction((v) => document.querySelector('#scorecard-changes tbody').textContent
      .includes('→ v' + v), version, { timeout: 30000 });
    const summary = await page.textContent('#scorecard-summary');
    assert.match(summary, /^(The model's \d+ changes? |No change by the model )in the last 7d/);
    const row = await page.textContent('#scorecard-changes tbody tr');
    assert.match(row, /insufficient evidence|helped|hurt|no clear difference/);
    await page.screenshot({ path: join(shots, 'scorecard.png') });
  });

  await test('a pause clicked in the page reaches /api/state, and so does the resume', async () => {
    await page.fill('#token', token);
    await page.click('#token-use');
    assert.equal(await page.evaluate(() => document.cookie), '', 'the token is never a cookie');
    await page.fill('#rationale', 'browser test pauses');
    page.once('dialog', (d) => d.accept());
    await page.click('button.mode[data-mode="paused"]');
    await eventually('/api/state says paused', 5000,
      async () => (await rest('GET', '/api/state')).risk.trading_mode === 'paused');
    await page.waitForFunction(() => document.querySelector('#trading-state').textContent === 'PAUSED', null,
      { timeout: 10000 });
    await page.screenshot({ path: join(shots, 'paused.png') });
    page.once('dialog', (d) => d.accept());
    await page.click('button.mode[data-mode="active"]');
    await eventually('/api/state says active', 5000,
      async () => (await rest('GET', '/api/state')).risk.trading_mode === 'active');
  });

  await test('the decisions feed is live and filters by symbol and outcome', async () => {
    await page.click('button.tab[data-tab="decisions"]');
    await page.waitForFunction(() => document.querySelectorAll('#decision-table tbody tr').length > 0, null,
      { timeout: 10000 });
    const symbol = await page.$eval('#decision-table tbody tr', (tr) => tr.dataset.symbol);
    await page.selectOption('#decision-symbol', symbol);
    const others = await page.$$eval('#decision-table tbody tr:not([hidden])',
      (rows, s) => rows.filter((r) => r.dataset.symbol !== s).length, symbol);
    assert.equal(others, 0);
    await page.screenshot({ path: join(shots, 'decisions.png') });
  });

  await test('orders, fills and health render', async () => {
    await page.click('button.tab[data-tab="orders"]');
    await page.screenshot({ path: join(shots, 'orders.png') });
    await page.click('button.tab[data-tab="health"]');
    await page.waitForFunction(() => document.querySelectorAll('#health-table tbody tr').length > 5, null,
      { timeout: 10000 });
    await page.screenshot({ path: join(shots, 'health.png') });
    await page.click('button.tab[data-tab="overview"]');
  });

  await test('no script error and no Content-Security-Policy violation', async () => {
    assert.deepEqual(problems, []);
  });
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
if (failed) {
  process.exit(1);
}
console.log('browser tests passed; screenshots in ' + shots);
