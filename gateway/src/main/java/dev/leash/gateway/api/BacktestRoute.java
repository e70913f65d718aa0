package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.backtest.BacktestComparison;
import dev.leash.backtest.BacktestMetrics;
import dev.leash.backtest.Backtester;
import dev.leash.backtest.Bars;
import dev.leash.venue.Candle;
import dev.leash.venue.Instrument;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;
import dev.leash.params.FieldChange;
import dev.leash.params.ParamsJson;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/backtest}: {@code {"changes": {...}, "symbols": [...], "days": 14}} runs the current parameters
 * and the candidate (current plus changes) over the venue's recent bars through the real engine, and answers the
 * metrics side by side. Changes nothing. The candidate must satisfy the limits; the step and cooldown rules are
 * not applied, since nothing is written.
 */
final class BacktestRoute {

    static final int DEFAULT_DAYS = 14;
    static final int MAX_DAYS = 90;
    private static final long DAY = 86_400_000L;

    private final ParamReads params;
    private final LoopReads loops;
    private final Venue venue;
    private final Limits limits;

    BacktestRoute(ParamReads params, LoopReads loops, Venue venue, Limits limits) {
        this.params = params;
        this.loops = loops;
        this.venue = venue;
        this.limits = limits;
    }

    JsonNode run(ObjectNode body) throws VenueException {
        JsonNode changes = body.get("changes");
        if (changes == null || !changes.isObject()) {
            throw ApiException.badRequest("changes: required, an object of ai_params.json fields to change");
        }
        int days = days(body.get("days"));
        List<String> symbols = symbols(body.get("symbols"));
        Params current = params.current();
        ParamsJson.Parsed parsed = ParamsJson.applyChanges(current, changes);
        List<Violation> problems = new ArrayList<>(parsed.violations());
        if (parsed.ok()) {
            problems.addAll(params.validate(parsed.params()));
        }
        if (!problems.isEmpty()) {
            StringBuilder detail = new StringBuilder("candidate rejected: ");
            for (int i = 0; i < problems.size(); i++) {
                Violation v = problems.get(i);
                detail.append(i == 0 ? "" : "; ").append(v.field()).append(": ").append(v.message());
            }
            throw new ApiException(422, "Candidate Rejected", detail.toString());
        }
        Params candidate = parsed.params();
        long now = loops.tradingTime();
        long to = Math.floorDiv(now, Candle.INTERVAL_MILLIS) * Candle.INTERVAL_MILLIS;
        long from = to - days * DAY - Backtester.DEFAULT_WARMUP_BARS * Candle.INTERVAL_MILLIS;
        Map<String, List<Candle>> bars = new LinkedHashMap<>();
        List<Instrument> instruments = new ArrayList<>();
        for (Instrument in : venue.instruments()) {
            if (symbols.contains(in.symbol())) {
                instruments.add(in);
                bars.put(in.symbol(), venue.candles(in.symbol(), from, to));
            }
        }
        int shortest = bars.values().stream().mapToInt(List::size).min().orElse(0);
        if (shortest <= Backtester.DEFAULT_WARMUP_BARS) {
            throw new ApiException(422, "Not Enough History", "the venue has " + shortest + " closed bars for the"
                    + " window; a backtest needs more than the " + Backtester.DEFAULT_WARMUP_BARS + " warm-up bars");
        }
        // Align every symbol on the same, most recent bars.
        bars.replaceAll((s, list) -> list.subList(list.size() - shortest, list.size()));
        BacktestComparison c = Backtester.create(instruments, limits,
                venue.account().equity(), Backtester.DEFAULT_WARMUP_BARS).compare(current, candidate, Bars.of(bars));
        ObjectNode o = Json.object();
        o.put("days", days);
        o.put("from", Json.time(bars.values().iterator().next().get(Backtester.DEFAULT_WARMUP_BARS).openTime()));
        o.put("to", Json.time(to));
        var symbolsNode = o.putArray("symbols");
        bars.keySet().forEach(symbolsNode::add);
        o.set("changes", FieldChange.toJson(FieldChange.between(current, candidate)));
        o.set("current", metrics(c.current().metrics(), current.version()));
        o.set("candidate", metrics(c.candidate().metrics(), -1));
        ObjectNode diff = o.putObject("candidate_minus_current");
        Json.num(diff, "return_pct", c.returnDifferencePct());
        Json.num(diff, "max_drawdown_pct", c.drawdownDifferencePct());
        o.put("note", "backtests replay past bars with simulated fills; they do not predict live results");
        return o;
    }

    private static ObjectNode metrics(BacktestMetrics m, long version) {
        ObjectNode n = Json.object();
        if (version > 0) {
            n.put("params_version", version);
        }
        PnlJson.equity(n, m.initialBalance(), m.finalEquity());
        Json.num(n, "max_drawdown_pct", m.maxDrawdownPct());
        Json.num(n, "sharpe", m.sharpe());
        n.put("trades", m.trades());
        Json.num(n, "win_rate_pct", m.winRatePct());
        Json.num(n, "profit_factor", m.profitFactor());
        PnlJson.trades(n, m.realizedPnl(), m.feesPaid(), m.fundingPaid());
        Json.num(n, "final_equity", m.finalEquity());
        return n;
    }

    private static int days(JsonNode d) {
        if (d == null || d.isNull()) {
            return DEFAULT_DAYS;
        }
        if (!d.isIntegralNumber() || !d.canConvertToInt() || d.intValue() < 1 || d.intValue() > MAX_DAYS) {
            throw ApiException.badRequest("days must be an integer from 1 to " + MAX_DAYS);
        }
        return d.intValue();
    }

    private List<String> symbols(JsonNode s) {
        List<String> known = venue.symbols();
        if (s == null || s.isNull()) {
            return known;
        }
        if (!s.isArray() || s.isEmpty()) {
            throw ApiException.badRequest("symbols must be a non-empty array of symbols");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (JsonNode x : s) {
            if (!x.isTextual() || !known.contains(x.textValue())) {
                throw ApiException.badRequest("unknown symbol " + Query.abbreviate(x.toString())
                        + "; this gateway trades " + known);
            }
            out.add(x.textValue());
        }
        return new ArrayList<>(out);
    }

}
