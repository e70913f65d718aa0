// The Leash dashboard: reads the REST API, follows /api/events, and writes only with the operator's token.
'use strict';

(function () {
  const TOKEN_KEY = 'leash.token';
  const $ = (sel) => document.querySelector(sel);
  const fmt = (v, digits = 2) => (v === null || v === undefined || Number.isNaN(v)) ? '–'
    : Number(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const num = (v) => (v === null || v === undefined) ? '–' : String(v);
  const time = (iso) => iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : '–';
  const signed = (el, v) => { el.textContent = fmt(v); el.className = 'big ' + (v > 0 ? 'pos' : v < 0 ? 'neg' : ''); };

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  async function get(path) {
    const headers = { Accept: 'application/json' };
    if (token()) headers.Authorization = 'Bearer ' + token();
    const r = await fetch(path, { headers, cache: 'no-store' });
    if (!r.ok) throw new Error(path + ': ' + r.status);
    return r.json();
  }

  function row(tbody, cells, prepend) {
    const tr = document.createElement('tr');
    for (const c of cells) {
      const td = document.createElement('td');
      if (c instanceof Node) td.appendChild(c); else td.textContent = c;
      tr.appendChild(td);
    }
    if (prepend) tbody.insertBefore(tr, tbody.firstChild); else tbody.appendChild(tr);
    return tr;
  }

  function fill(tableSel, rows) {
    const tbody = $(tableSel + ' tbody');
    tbody.replaceChildren();
    rows.forEach((cells) => row(tbody, cells));
  }

  // ---- overview ----
  async function loadState() {
    const s = await get('/api/state');
    const badge = $('#trading-state');
    badge.textContent = s.trading_state;
    badge.className = 'badge ' + s.trading_state;
    $('#equity').textContent = fmt(s.equity);
    signed($('#pnl24'), s.pnl_24h);
    signed($('#upnl'), s.unrealized_pnl);
    $('#version').textContent = num(s.params_version);
    const vetoes = (s.symbol_biases || []).map((b) =>
      ['veto ' + b.symbol, b.bias, b.by, b.rationale, time(b.since), time(b.until)]);
    fill('#causes', (s.trading_status.causes || []).map((c) =>
      [c.cause, c.state, c.by, c.reason, time(c.since), c.until ? time(c.until) : 'until lifted']).concat(vetoes));
    if (!s.trading_status.causes.length && !vetoes.length) fill('#causes', [['none', s.trading_status.state, '', 'trading freely', '', '']]);
    fill('#positions', s.positions.map((p) =>
      [p.symbol, p.side, fmt(p.qty, 4), fmt(p.entry_price), fmt(p.mark_price), fmt(p.stop_price), fmt(p.unrealized_pnl)]));
    renderHealth(s.health);
  }

  let chart = null;
  async function loadEquity() {
    const e = await get('/api/equity?window=24h&step=5m');
    const xs = e.points.map((p) => Date.parse(p.time) / 1000);
    const eq = e.points.map((p) => p.equity);
    const dd = e.points.map((p) => p.drawdown_pct === null ? null : -p.drawdown_pct);
    const el = $('#equity-chart');
    el.dataset.points = String(e.points.length);
    $('#maxdd').textContent = e.max_drawdown_pct === null ? '–' : fmt(e.max_drawdown_pct, 3) + ' %';
    const data = [xs, eq, dd];
    if (typeof uPlot === 'undefined') return;
    if (chart) { chart.setData(data); return; }
    chart = new uPlot({
      width: Math.max(300, el.clientWidth || 800), height: 300,
      series: [{}, { label: 'equity', stroke: '#5a9bd5', width: 2, scale: 'eq' },
        { label: 'drawdown %', stroke: '#e0574f', fill: 'rgba(224,87,79,0.15)', scale: 'dd' }],
      axes: [{ stroke: '#7a8699' }, { scale: 'eq', stroke: '#7a8699', size: 80 },
        { scale: 'dd', side: 1, stroke: '#e0574f', grid: { show: false } }],
    }, data, el);
  }

  // ---- parameters ----
  async function loadParams() {
    const [p, h] = await Promise.all([get('/api/params'), get('/api/params/history?limit=50')]);
    const now = p.may_change_now;
    $('#may-change').textContent = (now.increase_allowed_now ? 'Increases allowed now' : 'No increase now (cooldown '
      + now.cooldown_left_s + ' s)') + '; increases left in 24 h: ' + now.increases_left_24h
      + '; trading modes allowed now: ' + now.trading_modes.join(', ');
    const rows = [];
    for (const [field, value] of Object.entries(p.params)) {
      if (!p.ceilings[field] && field !== 'trading_mode') continue; // version, author, times: not tunable
      const c = p.ceilings[field] || {};
      const r = (now.ranges || {})[field] || {};
      const headroom = (typeof value === 'number' && typeof r.max === 'number') ? fmt(r.max - value, 3) : '';
      rows.push([field, num(value), num(c.floor), num(c.ceiling),
        (r.min !== undefined ? num(r.min) : '') + ' … ' + (r.max !== undefined ? num(r.max) : ''), headroom]);
    }
    for (const [sym, sp] of Object.entries(p.params.symbols || {})) {
      rows.push([sym, (sp.enabled ? 'enabled' : 'disabled') + ', size x' + sp.size_multiplier, '', '', '', '']);
    }
    fill('#params', rows);
    fill('#history', h.versions.map((v) => {
      const o = v.outcome || {};
      const changes = Object.entries(v.diff || {}).map(([k, d]) =>
        k + ': ' + JSON.stringify(d && d.from !== undefined ? d.from : '') + ' → '
        + JSON.stringify(d && d.to !== undefined ? d.to : d)).join('; ');
      return [num(v.version), time(v.accepted_at), v.kind, v.author, 'accepted', changes, v.rationale,
        fmt(o.net_pnl), o.return_pct === undefined || o.return_pct === null ? '–' : fmt(o.return_pct, 3) + ' %'];
    }));
  }

  // ---- scorecard ----
  const effectWords = (e) => e ? e.in_words : 'not measured (no paper copy ran for it)';
  async function loadScorecard() {
    const w = $('#scorecard-window').value;
    const c = await get('/api/scorecard?window=' + encodeURIComponent(w));
    $('#scorecard-summary').textContent = c.summary;
    if (!c.enabled) { fill('#scorecard-changes', []); $('#scorecard-baseline').textContent = ''; return; }
    $('#scorecard-baseline').textContent = c.vs_baseline
      ? 'Live account vs the never-tuned baseline: ' + c.vs_baseline.in_words + '.' : '';
    $('#scorecard-warmup').textContent = c.warmup_minutes + ' minutes';
    $('#scorecard-min').textContent = String(c.min_trades);
    fill('#scorecard-changes', c.changes.slice().reverse().map((x) => {
      const s = x.strategy_effect;
      return ['v' + x.from_version + ' → v' + x.to_version, time(x.at), effectWords(s), effectWords(x.execution_effect),
        effectWords(x.vs_baseline), s ? s.entries_added + ' / ' + s.entries_skipped : '–', x.open ? 'yes' : 'final'];
    }));
  }

  // ---- decisions ----
  const decisionFilter = () => ({ symbol: $('#decision-symbol').value, action: $('#decision-action').value });
  function knownOption(sel, value) {
    const s = $(sel);
    if (!value || [...s.options].some((o) => o.value === value)) return;
    const o = document.createElement('option');
    o.value = value; o.textContent = value;
    s.appendChild(o);
  }
  function decisionRow(d, prepend) {
    knownOption('#decision-symbol', d.symbol);
    knownOption('#decision-action', d.action);
    const f = decisionFilter();
    const tr = row($('#decision-table tbody'), [time(d.time), d.symbol, d.action, d.reason,
      d.signals ? fmt(d.signals.price) : fmt(d.price), num(d.params_version)], prepend);
    tr.dataset.symbol = d.symbol; tr.dataset.action = d.action;
    tr.hidden = (f.symbol && f.symbol !== d.symbol) || (f.action && f.action !== d.action);
    const tbody = $('#decision-table tbody');
    while (tbody.children.length > 500) tbody.removeChild(tbody.lastChild);
  }
  async function loadDecisions() {
    const d = await get('/api/decisions?limit=200');
    $('#decision-table tbody').replaceChildren();
    d.decisions.forEach((x) => decisionRow(x, false));
  }
  function applyDecisionFilter() {
    const f = decisionFilter();
    for (const tr of $('#decision-table tbody').children) {
      tr.hidden = (f.symbol && f.symbol !== tr.dataset.symbol) || (f.action && f.action !== tr.dataset.action);
    }
  }

  // ---- orders and fills ----
  async function loadOrders() {
    const [o, t] = await Promise.all([get('/api/orders?status=all&limit=100'), get('/api/trades?limit=100')]);
    fill('#order-table', o.orders.map((x) => [time(x.created_at), x.symbol, x.side, fmt(x.qty, 4), fmt(x.price),
      fmt(x.filled_qty, 4), x.status + (x.reject_reason ? ' (' + x.reject_reason + ')' : ''), x.action || '',
      x.reduce_only ? 'yes' : '']));
    fill('#fill-table', t.trades.map((x) => [time(x.time), x.symbol, x.side, fmt(x.qty, 4), fmt(x.price),
      fmt(x.fee, 4), fmt(x.realized_pnl), num(x.params_version)]));
  }

  // ---- health ----
  function renderHealth(h) {
    const b = $('#health-status');
    b.textContent = h.status; b.className = 'badge ' + h.status;
    const rows = [];
    const walk = (prefix, v) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const [k, x] of Object.entries(v)) walk(prefix ? prefix + '.' + k : k, x);
      } else {
        rows.push([prefix, Array.isArray(v) ? (v.length ? v.join('; ') : 'none') : num(v)]);
      }
    };
    walk('', h);
    fill('#health-table', rows);
  }

  // ---- live events ----
  const pending = new Set();
  let flushTimer = null;
  function refreshSoon(what) {
    pending.add(what);
    if (flushTimer) return;
    flushTimer = setTimeout(() => {
      flushTimer = null;
      const todo = [...pending];
      pending.clear();
      todo.forEach((f) => f().catch(() => {}));
    }, 300);
  }
  function follow() {
    const live = $('#live');
    const es = new EventSource('/api/events');
    es.onopen = () => { live.textContent = '● live'; live.className = 'pos'; };
    es.onerror = () => { live.textContent = '○ reconnecting'; live.className = 'muted'; };
    es.addEventListener('decision', (m) => decisionRow(JSON.parse(m.data), true));
    es.addEventListener('order', () => refreshSoon(loadOrders));
    es.addEventListener('fill', () => { refreshSoon(loadOrders); refreshSoon(loadState); refreshSoon(loadEquity); });
    es.addEventListener('state', () => refreshSoon(loadState));
    es.addEventListener('params', () => { refreshSoon(loadParams); refreshSoon(loadState); refreshSoon(loadScorecard); });
    es.addEventListener('reset', () => refreshAll());
  }

  // ---- controls ----
  function showToken() {
    const has = !!token();
    document.querySelectorAll('button.mode').forEach((b) => { b.disabled = !has; });
    $('#controls-note').textContent = has ? 'Operator token set for this tab.'
      : 'Read-only: type the gateway token above to pause, resume, go reduce-only or halt.';
  }
  async function setMode(mode) {
    const words = { paused: 'Pause trading', active: 'Resume trading', reduce_only: 'Go reduce-only',
      halted: 'HALT trading: flatten every position and stop until you resume' };
    if (!window.confirm(words[mode] + '?')) return;
    const rationale = $('#rationale').value.trim() || ('operator set ' + mode + ' from the dashboard');
    const out = $('#control-result');
    try {
      const r = await fetch('/api/trading-mode', {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + token(), 'Content-Type': 'application/json', 'X-Leash-Client': 'dashboard' },
        body: JSON.stringify({ mode, rationale }),
      });
      const body = await r.json();
      out.textContent = r.ok ? mode + ': done' : mode + ': ' + (body.detail || r.status);
      out.className = r.ok ? 'pos' : 'neg';
    } catch (e) {
      out.textContent = mode + ': ' + e.message;
      out.className = 'neg';
    }
    refreshSoon(loadState);
    refreshSoon(loadParams);
  }

  function refreshAll() {
    [loadState, loadEquity, loadParams, loadDecisions, loadOrders, loadScorecard].forEach((f) => f().catch(() => {}));
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('.tab').forEach((t) => t.addEventListener('click', () => {
      document.querySelectorAll('.tab').forEach((x) => x.classList.toggle('active', x === t));
      document.querySelectorAll('.page').forEach((p) => p.classList.toggle('active', p.id === t.dataset.tab));
    }));
    $('#token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const v = $('#token').value.trim();
      if (v) sessionStorage.setItem(TOKEN_KEY, v);
      $('#token').value = '';
      showToken();
    });
    $('#token-forget').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); showToken(); });
    document.querySelectorAll('button.mode').forEach((b) => b.addEventListener('click', () => setMode(b.dataset.mode)));
    $('#decision-symbol').addEventListener('change', applyDecisionFilter);
    $('#decision-action').addEventListener('change', applyDecisionFilter);
    $('#scorecard-window').addEventListener('change', () => refreshSoon(loadScorecard));
    showToken();
    refreshAll();
    follow();
    setInterval(() => refreshSoon(loadState), 5000);
    setInterval(() => refreshSoon(loadEquity), 15000);
    setInterval(() => refreshSoon(loadScorecard), 15000);
  });
}());
