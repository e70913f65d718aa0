package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.engine.Decision;
import dev.leash.engine.DecisionText;
import dev.leash.journal.Journal;
import dev.leash.journal.OrderRecord;
import dev.leash.engine.StateCause;
import dev.leash.engine.TradingStatusView;
import dev.leash.gateway.loop.EngineSnapshot;
import dev.leash.gateway.loop.MiddleLoop;
import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.Order;
import dev.leash.venue.Position;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;
import dev.leash.risk.ParamField;
import dev.leash.risk.Params;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** The GET endpoints of the account: health, state, trades, positions, orders, decisions. */
final class ReadRoutes {

    private static final long DAY = 86_400_000L;
    static final int MAX_LIMIT = 500;

    private final GatewayConfig.Loops loopConfig;
    private final Clock wall;
    private final Venue venue;
    private final Journal journal;
    private final LoopReads loops;
    private final ParamReads params;
    private final VenueReads reads;

    ReadRoutes(GatewayConfig.Loops loopConfig, Clock wall, Venue venue, Journal journal, LoopReads loops,
               ParamReads params) {
        this.loopConfig = loopConfig;
        this.wall = wall;
        this.venue = venue;
        this.journal = journal;
        this.loops = loops;
        this.params = params;
        this.reads = new VenueReads(venue, wall::millis);
    }

    /**
     * Everything a health answer is made of but the two ages (the answer's holes), read once per request: the answer
     * is a function of it and the ages alone. The wall clock shows only through what it decides (the ok flags, the
     * venue's degraded and ban state).
     */
    record HealthInputs(long tradingTime, EngineSnapshot snap, MiddleLoop.Health middle, boolean middleStalled,
                        long middleFailedPasses, List<String> journalProblems,
                        dev.leash.gateway.loop.OrderPathHealth orderPath, dev.leash.gateway.loop.FeedHealth feed,
                        dev.leash.venue.http.VenueHealth venueHealth, boolean venueDegraded, boolean venueBanned,
                        Params params, boolean innerOk, boolean middleOk) {
    }

    /** One request's reading: the inputs, and the inner and middle loops' ages in wall milliseconds (-1: none). */
    private record HealthRead(HealthInputs inputs, long innerAge, long middleAge) {
    }

    /** Everything a state answer is made of but the health's ages, read once per request. */
    record StateInputs(VenueReads.Snapshot venue, double firstEquity, TradingStatusView status,
                       List<dev.leash.gateway.loop.SymbolVeto> biases, HealthInputs health) {
    }

    /** What a positions answer is made of. */
    record PositionsInputs(List<Position> positions, Params params) {
    }

    private final AnswerTemplate<HealthInputs> healthAnswer = new AnswerTemplate<>(this::healthNode);
    private final AnswerTemplate<StateInputs> stateAnswer = new AnswerTemplate<>(this::stateNode);
    private final ResponseMemo<PositionsInputs> positionsMemo = new ResponseMemo<>(ReadRoutes::positionsOnly);

    JsonNode health(Context ctx) {
        Query.of(ctx);
        HealthRead h = healthRead();
        return healthNode(h.inputs(), new long[] {h.innerAge(), h.middleAge()});
    }

    /** {@code GET /api/health}, serialized once per distinct input, the ages written per request. */
    byte[] healthBody(Context ctx) {
        Query.of(ctx);
        HealthRead h = healthRead();
        return healthAnswer.render(h.inputs(), h.innerAge(), h.middleAge());
    }

    private HealthRead healthRead() {
        long wall = this.wall.millis();
        EngineSnapshot snap = loops.snapshot();
        MiddleLoop.Health mh = loops.middleHealth();
        long innerAge = snap == null ? -1 : wall - snap.wallTime();
        long middleAge = mh.lastRunWallMillis() == 0 ? -1 : wall - mh.lastRunWallMillis();
        long tick = loopConfig.tick().toMillis();
        boolean stalled = loops.middleStalled();
        boolean innerOk = snap != null && innerAge <= Math.max(5_000, 5 * tick);
        boolean middleOk = middleAge >= 0 && middleAge <= 3 * loopConfig.middle().toMillis() + 5_000 && !stalled;
        dev.leash.venue.http.VenueHealth vh = loops.venueHealth();
        return new HealthRead(new HealthInputs(loops.tradingTime(), snap, mh, stalled, loops.middleFailedPasses(),
                params.journalProblems(), loops.orderPathHealth(), loops.feedHealth(), vh,
                vh != null && vh.degraded(wall), vh != null && vh.bannedUntilMillis() > wall, params.current(),
                innerOk, middleOk), innerAge, middleAge);
    }

    /** The health answer; {@code ages} are the inner loop's last step age and the middle loop's last run age. */
    private ObjectNode healthNode(HealthInputs h, long[] ages) {
        EngineSnapshot snap = h.snap();
        MiddleLoop.Health mh = h.middle();
        boolean innerOk = h.innerOk();
        boolean middleOk = h.middleOk();
        List<String> journalProblems = h.journalProblems();
        dev.leash.gateway.loop.OrderPathHealth orderPath = h.orderPath();
        dev.leash.gateway.loop.FeedHealth feed = h.feed();
        String status = !innerOk ? "down" : (!middleOk || !mh.paramProblems().isEmpty() || mh.lastError() != null
                || !journalProblems.isEmpty() || snap.state() != dev.leash.risk.TradingState.ACTIVE
                || !OrderPathJson.ok(orderPath, feed)) ? "degraded" : "ok";
        ObjectNode o = Json.object();
        o.put("status", status);
        o.put("venue", venue.name());
        o.put("trading_state", tradingState(snap, h.params()));
        o.put("engine_state", snap == null ? "STARTING" : snap.state().name());
        o.put("params_version", h.params().version());
        o.put("trading_time", Json.time(h.tradingTime()));
        ObjectNode in = o.putObject("inner_loop");
        in.put("ok", innerOk);
        in.put("last_step_age_ms", ages[0]);
        in.put("steps", snap == null ? 0 : snap.steps());
        in.put("errors", snap == null ? 0 : snap.errors());
        if (snap != null && snap.lastError() != null) {
            in.put("last_error", snap.lastError());
        }
        dev.leash.venue.http.VenueHealth vh = h.venueHealth();
        if (vh != null) {
            ObjectNode v = o.putObject("venue_health");
            v.put("breaker", vh.breakerState());
            v.put("degraded", h.venueDegraded());
            if (h.venueBanned()) {
                v.put("banned_until", Json.time(vh.bannedUntilMillis()));
            }
            if (vh.lastFailure() != null) {
                v.put("last_failure", vh.lastFailure());
            }
        }
        o.set("order_path", OrderPathJson.orderPath(orderPath));
        o.set("feed", OrderPathJson.feed(feed));
        ObjectNode mid = o.putObject("middle_loop");
        mid.put("ok", middleOk);
        mid.put("last_run_age_ms", ages[1]);
        mid.put("stalled", h.middleStalled());
        mid.put("failed_passes", h.middleFailedPasses());
        ArrayNode problems = mid.putArray("param_problems");
        mh.paramProblems().forEach(problems::add);
        if (mh.lastError() != null) {
            mid.put("last_error", mh.lastError());
        }
        ArrayNode journalOut = o.putArray("journal_problems");
        journalProblems.forEach(journalOut::add);
        return o;
    }

    /**
     * What the inner loop may do now: the engine's own state (HALTED by the loss limit, REDUCE_ONLY when the venue
     * is degraded) combined with the params' trading mode (PAUSED and REDUCE_ONLY open nothing new).
     */
    private static String tradingState(EngineSnapshot snap, Params p) {
        return dev.leash.gateway.loop.TradingStateName.of(snap, p.tradingMode());
    }

    JsonNode state(Context ctx) throws VenueException {
        Query.of(ctx);
        HealthRead h = healthRead();
        return stateNode(stateInputs(h), new long[] {h.innerAge(), h.middleAge()});
    }

    /** {@code GET /api/state}, serialized once per distinct input, the health's ages written per request. */
    byte[] stateBody(Context ctx) throws VenueException {
        Query.of(ctx);
        HealthRead h = healthRead();
        return stateAnswer.render(stateInputs(h), h.innerAge(), h.middleAge());
    }

    private StateInputs stateInputs(HealthRead h) throws VenueException {
        long now = h.inputs().tradingTime();
        return new StateInputs(reads.get(), journal.firstEquity(now - DAY, now), loops.tradingStatus(),
                loops.symbolBiases(), h.inputs());
    }

    private ObjectNode stateNode(StateInputs in, long[] healthAges) {
        long now = in.health().tradingTime();
        Params p = in.health().params();
        VenueReads.Snapshot v = in.venue();
        Account a = v.account();
        ObjectNode o = Json.object();
        o.put("time", Json.time(now));
        Json.num(o, "equity", a.equity());
        Json.num(o, "cash", a.walletBalance());
        Json.num(o, "available", a.availableBalance());
        Json.num(o, "unrealized_pnl", a.unrealizedPnl());
        Json.num(o, "pnl_24h", a.equity() - in.firstEquity());
        EngineSnapshot snap = in.health().snap();
        o.put("trading_state", tradingState(snap, p));
        o.set("trading_status", tradingStatusNode(in.status()));
        o.set("symbol_biases", SymbolBiasRoutes.list(in.biases()));
        o.put("params_version", p.version());
        o.set("positions", positionsNode(v.positions(), p));
        ArrayNode orders = o.putArray("open_orders");
        for (Order ord : v.openOrders()) {
            orders.add(Json.order(ord));
        }
        o.set("risk", riskSummary(a, v.positions(), snap, p));
        o.set("health", healthNode(in.health(), healthAges));
        return o;
    }

    /** Why trading is restricted: each cause with who set it, why, since and until when; the last change. */
    static ObjectNode tradingStatusNode(TradingStatusView s) {
        ObjectNode o = Json.object();
        o.put("state", s.state().name());
        ArrayNode causes = o.putArray("causes");
        for (StateCause c : s.causes()) {
            ObjectNode n = causes.addObject();
            n.put("cause", c.cause());
            n.put("state", c.state().name());
            n.put("by", c.by());
            n.put("reason", c.reason());
            n.put("since", Json.time(c.since()));
            if (c.until() == StateCause.NO_END) {
                n.putNull("until");
            } else {
                n.put("until", Json.time(c.until()));
            }
        }
        if (s.changedAt() > 0) {
            ObjectNode last = o.putObject("last_change");
            last.put("time", Json.time(s.changedAt()));
            last.put("by", s.changedBy());
            last.put("reason", s.changeReason());
        }
        return o;
    }

    private static ObjectNode riskSummary(Account a, List<Position> positions, EngineSnapshot snap, Params p) {
        ObjectNode r = Json.object();
        double sod = snap == null ? Double.NaN : snap.startOfDayEquity();
        Json.num(r, "start_of_day_equity", sod);
        Json.num(r, "daily_loss_pct", sod > 0 ? Math.max(0, (sod - a.equity()) / sod * 100) : Double.NaN);
        Json.num(r, ParamField.DAILY_LOSS_LIMIT_PCT.wireName(), p.dailyLossLimitPct());
        double gross = 0;
        double largest = 0;
        for (Position pos : positions) {
            double n = Math.abs(pos.qty()) * pos.markPrice();
            gross += n;
            largest = Math.max(largest, n);
        }
        Json.num(r, "gross_exposure", gross);
        Json.num(r, "leverage", a.equity() > 0 ? gross / a.equity() : Double.NaN);
        Json.num(r, ParamField.MAX_LEVERAGE.wireName(), p.maxLeverage());
        Json.num(r, "largest_position_pct", a.equity() > 0 ? largest / a.equity() * 100 : Double.NaN);
        Json.num(r, ParamField.MAX_POSITION_PCT.wireName(), p.maxPositionPct());
        r.put(ParamField.TRADING_MODE.wireName(), p.tradingMode().wireName());
        r.put("enabled_symbols", p.enabledSymbolCount());
        return r;
    }

    JsonNode trades(Context ctx) {
        Query q = Query.of(ctx, "symbol", "limit", "since");
        String symbol = q.symbol("symbol", venue.symbols());
        int limit = q.limit(50, MAX_LIMIT);
        long since = q.since(0);
        ArrayNode out = Json.array();
        for (Fill f : journal.fills(symbol, since, limit)) {
            ObjectNode n = Json.fill(f);
            journal.fillAttribution(f.fillId()).ifPresent(a -> n.put("params_version", a.paramsVersion())
                    .put("opened_by_version", a.openedByVersion()));
            out.add(n);
        }
        ObjectNode o = Json.object();
        o.put("count", out.size());
        o.set("trades", out);
        return o;
    }

    JsonNode positions(Context ctx) throws VenueException {
        Query.of(ctx);
        return positionsOnly(new PositionsInputs(reads.get().positions(), params.current()));
    }

    /** {@code GET /api/positions}, serialized once per venue read and params version. */
    byte[] positionsBody(Context ctx) throws VenueException {
        Query.of(ctx);
        return positionsMemo.get(new PositionsInputs(reads.get().positions(), params.current()));
    }

    private static ObjectNode positionsOnly(PositionsInputs in) {
        ObjectNode o = Json.object();
        o.set("positions", positionsNode(in.positions(), in.params()));
        return o;
    }

    private static ArrayNode positionsNode(List<Position> positions, Params p) {
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
        String symbol = q.symbol("symbol", venue.symbols());
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
            for (OrderRecord r : journal.orders(symbol, false, limit)) {
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

    JsonNode decisions(Context ctx) {
        Query q = Query.of(ctx, "symbol", "limit");
        String symbol = q.symbol("symbol", venue.symbols());
        int limit = q.limit(50, MAX_LIMIT);
        ObjectNode o = Json.object();
        ArrayNode out = o.putArray("decisions");
        for (Decision d : journal.decisions(symbol, limit)) {
            ObjectNode n = Json.object();
            n.put("time", Json.time(d.time()));
            n.put("symbol", d.symbol());
            n.put("action", d.action().name());
            n.put("reason", DecisionText.of(d));
            n.put("reason_code", d.why().code().name());
            n.put("params_version", d.paramsVersion());
            n.set("signals", Json.signals(d.signals()));
            out.add(n);
        }
        return o;
    }
}
