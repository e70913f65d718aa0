package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.app.Gateway;
import dev.leash.gateway.engine.Decision;
import dev.leash.gateway.journal.EquityPoint;
import dev.leash.gateway.journal.OrderRecord;
import dev.leash.gateway.loop.EngineSnapshot;
import dev.leash.gateway.loop.MiddleLoop;
import dev.leash.gateway.venue.Account;
import dev.leash.gateway.venue.Candle;
import dev.leash.gateway.venue.Fill;
import dev.leash.gateway.venue.FundingRate;
import dev.leash.gateway.venue.Order;
import dev.leash.gateway.venue.Position;
import dev.leash.gateway.venue.VenueException;
import dev.leash.params.AuditEntry;
import dev.leash.params.FieldChange;
import dev.leash.params.ParamsJson;
import dev.leash.risk.Ceilings;
import dev.leash.risk.Headroom;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.Range;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The GET endpoints. */
final class ReadRoutes {

    private static final long DAY = 86_400_000L;
    static final int MAX_LIMIT = 500;

    private final Gateway gw;
    private final VenueReads reads;

    ReadRoutes(Gateway gateway) {
        this.gw = gateway;
        this.reads = new VenueReads(gateway.venue(), gateway.wall()::millis);
    }

    private long now() {
        EngineSnapshot s = gw.inner().snapshot();
        return s == null ? gw.pacer().now() : s.time();
    }

    JsonNode health(Context ctx) {
        Query.of(ctx);
        return healthNode();
    }

    private ObjectNode healthNode() {
        EngineSnapshot snap = gw.inner().snapshot();
        MiddleLoop.Health mh = gw.middle().health();
        long wall = gw.wall().millis();
        long innerAge = snap == null ? -1 : wall - snap.wallTime();
        long middleAge = mh.lastRunWallMillis() == 0 ? -1 : wall - mh.lastRunWallMillis();
        long tick = gw.config().loops().tick().toMillis();
        boolean innerOk = snap != null && innerAge <= Math.max(5_000, 5 * tick);
        boolean middleOk = middleAge >= 0 && middleAge <= 3 * gw.config().loops().middle().toMillis() + 5_000;
        String status = !innerOk ? "down" : (!middleOk || !mh.paramProblems().isEmpty() || mh.lastError() != null
                || snap.state() != dev.leash.risk.TradingState.ACTIVE) ? "degraded" : "ok";
        ObjectNode o = Json.object();
        o.put("status", status);
        o.put("venue", gw.venue().name());
        o.put("trading_state", tradingState(snap));
        o.put("engine_state", snap == null ? "STARTING" : snap.state().name());
        o.put("params_version", gw.store().current().version());
        o.put("trading_time", Json.time(now()));
        ObjectNode in = o.putObject("inner_loop");
        in.put("ok", innerOk);
        in.put("last_step_age_ms", innerAge);
        in.put("steps", snap == null ? 0 : snap.steps());
        in.put("errors", snap == null ? 0 : snap.errors());
        if (snap != null && snap.lastError() != null) {
            in.put("last_error", snap.lastError());
        }
        dev.leash.gateway.venue.http.VenueHealth vh = gw.venueHealth();
        if (vh != null) {
            ObjectNode v = o.putObject("venue_health");
            v.put("breaker", vh.breakerState());
            v.put("degraded", vh.degraded(wall));
            if (vh.bannedUntilMillis() > wall) {
                v.put("banned_until", Json.time(vh.bannedUntilMillis()));
            }
            if (vh.lastFailure() != null) {
                v.put("last_failure", vh.lastFailure());
            }
        }
        ObjectNode mid = o.putObject("middle_loop");
        mid.put("ok", middleOk);
        mid.put("last_run_age_ms", middleAge);
        ArrayNode problems = mid.putArray("param_problems");
        mh.paramProblems().forEach(problems::add);
        if (mh.lastError() != null) {
            mid.put("last_error", mh.lastError());
        }
        return o;
    }

    /**
     * What the inner loop may do now: the engine's own state (HALTED by the loss limit, REDUCE_ONLY when the venue
     * is degraded) combined with the params' trading mode (PAUSED and REDUCE_ONLY open nothing new).
     */
    private String tradingState(EngineSnapshot snap) {
        if (snap == null) {
            return "STARTING";
        }
        if (snap.state() != dev.leash.risk.TradingState.ACTIVE) {
            return snap.state().name();
        }
        return switch (gw.store().current().tradingMode()) {
            case ACTIVE -> "ACTIVE";
            case REDUCE_ONLY -> "REDUCE_ONLY";
            case PAUSED -> "PAUSED";
        };
    }

    JsonNode state(Context ctx) throws VenueException {
        Query.of(ctx);
        long now = now();
        VenueReads.Snapshot v = reads.get();
        Account a = v.account();
        ObjectNode o = Json.object();
        o.put("time", Json.time(now));
        Json.num(o, "equity", a.equity());
        Json.num(o, "cash", a.walletBalance());
        Json.num(o, "available", a.availableBalance());
        Json.num(o, "unrealized_pnl", a.unrealizedPnl());
        List<EquityPoint> day = gw.journal().equityCurve(now - DAY, now, 2);
        Json.num(o, "pnl_24h", day.isEmpty() ? Double.NaN : a.equity() - day.get(0).equity());
        EngineSnapshot snap = gw.inner().snapshot();
        o.put("trading_state", tradingState(snap));
        o.put("params_version", gw.store().current().version());
        o.set("positions", positionsNode(v.positions()));
        ArrayNode orders = o.putArray("open_orders");
        for (Order ord : v.openOrders()) {
            orders.add(Json.order(ord));
        }
        o.set("risk", riskSummary(a, v.positions(), snap));
        o.set("health", healthNode());
        return o;
    }

    private ObjectNode riskSummary(Account a, List<Position> positions, EngineSnapshot snap) {
        Params p = gw.store().current();
        ObjectNode r = Json.object();
        double sod = snap == null ? Double.NaN : snap.startOfDayEquity();
        Json.num(r, "start_of_day_equity", sod);
        Json.num(r, "daily_loss_pct", sod > 0 ? Math.max(0, (sod - a.equity()) / sod * 100) : Double.NaN);
        Json.num(r, "daily_loss_limit_pct", p.dailyLossLimitPct());
        double gross = 0;
        double largest = 0;
        for (Position pos : positions) {
            double n = Math.abs(pos.qty()) * pos.markPrice();
            gross += n;
            largest = Math.max(largest, n);
        }
        Json.num(r, "gross_exposure", gross);
        Json.num(r, "leverage", a.equity() > 0 ? gross / a.equity() : Double.NaN);
        Json.num(r, "max_leverage", p.maxLeverage());
        Json.num(r, "largest_position_pct", a.equity() > 0 ? largest / a.equity() * 100 : Double.NaN);
        Json.num(r, "max_position_pct", p.maxPositionPct());
        r.put("trading_mode", p.tradingMode().wireName());
        r.put("enabled_symbols", p.enabledSymbolCount());
        return r;
    }

    JsonNode trades(Context ctx) {
        Query q = Query.of(ctx, "symbol", "limit", "since");
        String symbol = q.symbol("symbol", gw.venue().symbols());
        int limit = q.limit(50, MAX_LIMIT);
        long since = q.since(0);
        ArrayNode out = Json.array();
        for (Fill f : gw.journal().fills(symbol, since, limit)) {
            out.add(Json.fill(f));
        }
        ObjectNode o = Json.object();
        o.put("count", out.size());
        o.set("trades", out);
        return o;
    }

    JsonNode positions(Context ctx) throws VenueException {
        Query.of(ctx);
        ObjectNode o = Json.object();
        o.set("positions", positionsNode(reads.get().positions()));
        return o;
    }

    private ArrayNode positionsNode(List<Position> positions) {
        Params p = gw.store().current();
        ArrayNode out = Json.array();
        for (Position pos : positions) {
            ObjectNode n = Json.position(pos);
            double dir = Math.signum(pos.qty());
            Json.num(n, "stop_price", pos.entryPrice() * (1 - dir * p.stopLossPct() / 100));
            if (p.takeProfitPct() != null) {
                Json.num(n, "take_profit_price", pos.entryPrice() * (1 + dir * p.takeProfitPct() / 100));
            }
            out.add(n);
        }
        return out;
    }

    JsonNode orders(Context ctx) throws VenueException {
        Query q = Query.of(ctx, "symbol", "status", "limit");
        String symbol = q.symbol("symbol", gw.venue().symbols());
        String status = q.oneOf("status", "open", List.of("open", "all"));
        int limit = q.limit(50, MAX_LIMIT);
        ObjectNode o = Json.object();
        ArrayNode out = o.putArray("orders");
        if ("open".equals(status)) {
            for (Order ord : reads.get().openOrders()) {
                if (symbol == null || symbol.equals(ord.symbol())) {
                    out.add(Json.order(ord));
                }
            }
        } else {
            for (OrderRecord r : gw.journal().orders(symbol, false, limit)) {
                ObjectNode n = Json.object();
                n.put("client_order_id", r.clientOrderId());
                n.put("symbol", r.symbol());
                n.put("side", r.side().name().toLowerCase(Locale.ROOT));
                Json.num(n, "qty", r.qty());
                Json.num(n, "price", r.price());
                Json.num(n, "filled_qty", r.filledQty());
                n.put("status", r.status().toLowerCase(Locale.ROOT));
                n.put("reduce_only", r.reduceOnly());
                n.put("action", r.action() == null ? null : r.action().name());
                n.put("params_version", r.paramsVersion());
                n.put("created_at", Json.time(r.createdAt()));
                if (r.rejectReason() != null) {
                    n.put("reject_reason", r.rejectReason());
                }
                out.add(n);
            }
        }
        return o;
    }

    JsonNode funding(Context ctx) throws VenueException {
        Query q = Query.of(ctx, "symbols");
        List<String> symbols = q.symbols("symbols", gw.venue().symbols());
        long now = now();
        ObjectNode o = Json.object();
        ArrayNode out = o.putArray("funding");
        for (String s : symbols) {
            FundingRate cur = gw.venue().funding(s);
            ObjectNode n = Json.object();
            n.put("symbol", s);
            Json.num(n, "rate", cur.rate());
            Json.num(n, "rate_pct", cur.rate() * 100);
            n.put("next_funding_time", Json.time(cur.nextFundingTime()));
            ArrayNode hist = n.putArray("history");
            for (FundingRate h : gw.venue().fundingHistory(s, now - 3 * DAY, now + 1)) {
                ObjectNode e = Json.object();
                e.put("time", Json.time(h.time()));
                Json.num(e, "rate", h.rate());
                hist.add(e);
            }
            out.add(n);
        }
        return o;
    }

    JsonNode market(Context ctx) throws VenueException {
        Query q = Query.of(ctx, "symbols");
        List<String> symbols = q.symbols("symbols", gw.venue().symbols());
        EngineSnapshot snap = gw.inner().snapshot();
        Map<String, EngineSnapshot.SymbolView> views = new HashMap<>();
        if (snap != null) {
            snap.symbols().forEach(v -> views.put(v.symbol(), v));
        }
        long now = now();
        ObjectNode o = Json.object();
        o.put("time", Json.time(now));
        ArrayNode out = o.putArray("market");
        for (String s : symbols) {
            ObjectNode n = Json.object();
            n.put("symbol", s);
            double price = gw.venue().ticker(s).lastPrice();
            Json.num(n, "price", price);
            List<Candle> dayAgo = gw.venue().candles(s, now - DAY - Candle.INTERVAL_MILLIS, now - DAY + 1);
            double then = dayAgo.isEmpty() ? Double.NaN : dayAgo.get(dayAgo.size() - 1).close();
            Json.num(n, "change_24h_pct", then > 0 ? (price / then - 1) * 100 : Double.NaN);
            EngineSnapshot.SymbolView v = views.get(s);
            if (v != null) {
                ObjectNode sig = Json.signals(v.signals());
                sig.remove("price");
                n.setAll(sig);
            }
            out.add(n);
        }
        return o;
    }

    JsonNode performance(Context ctx) {
        Query q = Query.of(ctx, "window", "symbol");
        String window = q.oneOf("window", "24h", List.of("24h", "7d", "30d", "all"));
        String symbol = q.symbol("symbol", gw.venue().symbols());
        long now = now();
        long from = switch (window) {
            case "24h" -> now - DAY;
            case "7d" -> now - 7 * DAY;
            case "30d" -> now - 30 * DAY;
            default -> 0;
        };
        List<Fill> fills = gw.journal().fillsBetween(from, now);
        if (symbol != null) {
            fills = fills.stream().filter(f -> f.symbol().equals(symbol)).toList();
        }
        List<EquityPoint> curve = gw.journal().equityCurve(from, now, 2_000);
        Performance p = Performance.of(fills, curve);
        ObjectNode o = Json.object();
        o.put("window", window);
        if (symbol != null) {
            o.put("symbol", symbol);
        }
        o.put("from", Json.time(Math.max(from, curve.isEmpty() ? from : curve.get(0).time())));
        o.put("to", Json.time(now));
        o.put("fills", p.fills());
        o.put("closed_trades", p.closingFills());
        o.put("wins", p.wins());
        o.put("losses", p.losses());
        Json.num(o, "win_rate", p.winRate());
        Json.num(o, "profit_factor", p.profitFactor());
        Json.num(o, "realized_pnl", p.realizedPnl());
        Json.num(o, "fees", p.fees());
        Json.num(o, "net_pnl", p.realizedPnl() - p.fees());
        if (symbol == null) {
            Json.num(o, "return_pct", p.returnPct());
            Json.num(o, "max_drawdown_pct", p.maxDrawdownPct());
        }
        return o;
    }

    JsonNode params(Context ctx) {
        Query.of(ctx);
        Params cur = gw.store().current();
        Instant wallNow = gw.wall().instant();
        ObjectNode o = Json.object();
        o.set("params", ParamsJson.toJson(cur));
        o.set("ceilings", ceilings(gw.config().limits()));
        Headroom h = Headroom.of(gw.config().limits(), cur, gw.store().changeLog(), wallNow);
        ObjectNode now = o.putObject("may_change_now");
        now.put("increase_allowed_now", h.increaseAllowedNow());
        now.put("cooldown_left_s", h.cooldownLeft().toSeconds());
        now.put("increases_left_24h", h.increasesLeft());
        ObjectNode ranges = now.putObject("ranges");
        for (Map.Entry<String, Range> e : h.ranges().entrySet()) {
            ObjectNode r = ranges.putObject(e.getKey());
            Json.num(r, "min", e.getValue().floor());
            Json.num(r, "max", e.getValue().ceiling());
        }
        ArrayNode modes = now.putArray("trading_modes");
        for (dev.leash.risk.TradingMode m : dev.leash.risk.TradingMode.values()) {
            if (m.compareTo(cur.tradingMode()) <= 0 || h.increaseAllowedNow()) {
                modes.add(m.wireName());
            }
        }
        ArrayNode problems = o.putArray("reload_problems");
        gw.middle().health().paramProblems().forEach(problems::add);
        return o;
    }

    static ObjectNode ceilings(Limits limits) {
        ObjectNode c = Json.object();
        for (Map.Entry<String, Range> e : limits.ranges().entrySet()) {
            ObjectNode r = c.putObject(e.getKey());
            Json.num(r, "floor", e.getValue().floor());
            Json.num(r, "ceiling", e.getValue().ceiling());
        }
        c.put("max_enabled_symbols", limits.maxEnabledSymbols());
        ArrayNode allow = c.putArray("allowlist");
        limits.allowlist().forEach(allow::add);
        ObjectNode rules = c.putObject("increase_rules");
        Json.num(rules, "max_position_pct_step", Ceilings.MAX_POSITION_PCT_STEP);
        Json.num(rules, "stop_loss_pct_step", Ceilings.STOP_LOSS_PCT_STEP);
        Json.num(rules, "max_leverage_step", Ceilings.MAX_LEVERAGE_STEP);
        Json.num(rules, "daily_loss_limit_pct_step", Ceilings.DAILY_LOSS_LIMIT_PCT_STEP);
        Json.num(rules, "size_multiplier_step", Ceilings.SIZE_MULTIPLIER_STEP);
        Json.num(rules, "breakout_lookback_step_fraction", Ceilings.BREAKOUT_LOOKBACK_STEP_FRACTION);
        rules.put("cooldown_minutes", Ceilings.INCREASE_COOLDOWN.toMinutes());
        rules.put("max_increases_per_24h", Ceilings.MAX_INCREASES_PER_WINDOW);
        Json.num(rules, "max_position_pct_drift_24h", Ceilings.MAX_POSITION_PCT_DRIFT);
        return c;
    }

    JsonNode paramsHistory(Context ctx) throws java.io.IOException {
        Query q = Query.of(ctx, "limit");
        int limit = q.limit(20, MAX_LIMIT);
        List<AuditEntry> entries = gw.store().audit().entries();
        List<VersionStats> stats = VersionStats.compute(gw.journal(), gw.store().history(), now());
        Map<Long, VersionStats> byVersion = new HashMap<>();
        stats.forEach(s -> byVersion.put(s.version(), s));
        ObjectNode o = Json.object();
        ArrayNode out = o.putArray("versions");
        for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
            AuditEntry e = entries.get(i);
            if (!e.createdVersion()) {
                continue;
            }
            ObjectNode n = Json.object();
            n.put("version", e.version());
            n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            n.put("author", e.author());
            n.put("rationale", e.rationale());
            n.put("accepted_at", e.at().toString());
            n.set("diff", FieldChange.toJson(e.diff()));
            VersionStats s = byVersion.get(e.version());
            if (s != null) {
                n.set("outcome", s.toJson());
            }
            out.add(n);
        }
        return o;
    }

    JsonNode decisions(Context ctx) {
        Query q = Query.of(ctx, "symbol", "limit");
        String symbol = q.symbol("symbol", gw.venue().symbols());
        int limit = q.limit(50, MAX_LIMIT);
        ObjectNode o = Json.object();
        ArrayNode out = o.putArray("decisions");
        for (Decision d : gw.journal().decisions(symbol, limit)) {
            ObjectNode n = Json.object();
            n.put("time", Json.time(d.time()));
            n.put("symbol", d.symbol());
            n.put("action", d.action().name());
            n.put("reason", d.reason());
            n.put("params_version", d.paramsVersion());
            n.set("signals", Json.signals(d.signals()));
            out.add(n);
        }
        return o;
    }
}
