package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.leash.backtest.Backtester;
import dev.leash.backtest.Bars;
import dev.leash.backtest.FillModel;
import dev.leash.venue.Candle;
import dev.leash.venue.Instrument;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;
import dev.leash.params.ParamsJson;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.Violation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/backtest}: {@code {"changes": {...}, "symbols": [...], "days": 14}} runs the current parameters
 * and the candidate (current plus changes) over the venue's recent bars through the real engine, and answers the
 * metrics side by side, over the whole window and on a walk-forward split (an earlier fit window, a later test
 * window). {@code "candidates": [{...}, ...]} instead of {@code changes} compares up to {@value #MAX_CANDIDATES}
 * candidates with the current parameters on the same window. Changes nothing. Each candidate must satisfy the
 * limits; the step and cooldown rules are not applied, since nothing is written.
 */
final class BacktestRoute {

    static final int DEFAULT_DAYS = 14;
    static final int MAX_DAYS = 90;
    static final int MAX_CANDIDATES = 8;
    private static final long DAY = 86_400_000L;

    private final ParamReads params;
    private final LoopReads loops;
    private final Venue venue;
    private final Limits limits;
    private final BacktestCounter counter;

    BacktestRoute(ParamReads params, LoopReads loops, Venue venue, Limits limits, Clock wall) {
        this.params = params;
        this.loops = loops;
        this.venue = venue;
        this.limits = limits;
        this.counter = new BacktestCounter(wall);
    }

    JsonNode run(ObjectNode body) throws VenueException {
        List<JsonNode> changeSets = changeSets(body);
        boolean several = body.has("candidates");
        int days = days(body.get("days"));
        List<String> symbols = symbols(body.get("symbols"));
        Params current = params.current();
        List<Params> candidates = new ArrayList<>();
        for (int i = 0; i < changeSets.size(); i++) {
            candidates.add(candidate(current, changeSets.get(i), several ? "candidate " + (i + 1) : "candidate"));
        }
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
        double equity = venue.account().equity();
        Backtester backtester = Backtester.create(instruments, limits, equity, Backtester.DEFAULT_WARMUP_BARS);
        BacktestRuns runs = new BacktestRuns(backtester, Bars.of(bars), current);
        int count = counter.record(candidates.size());
        ObjectNode o = Json.object();
        o.set("window", BacktestJson.window(runs.window(), days));
        var symbolsNode = o.putArray("symbols");
        bars.keySet().forEach(symbolsNode::add);
        Json.num(o, "starting_equity", equity);
        o.put("starting_equity_note", "every run starts flat with the account's equity at the time of the request;"
                + " return_pct is over it");
        o.put("fill_model", FillModel.DESCRIPTION);
        o.set("current", BacktestJson.metrics(runs.current(), runs.window(), current.version()));
        if (several) {
            o.set("out_of_sample", runs.currentOutOfSample());
            ArrayNode list = o.putArray("candidates");
            for (Params c : candidates) {
                list.add(runs.candidate(current, c, false));
            }
        } else {
            o.setAll(runs.candidate(current, candidates.get(0), true));
        }
        o.put("backtests_last_24h", count);
        String warning = BacktestCounter.warning(count);
        if (warning != null) {
            o.put("overfitting_warning", warning);
        }
        o.put("note", "backtests replay past bars with simulated fills; they do not predict live results");
        return o;
    }

    /** The change sets asked for: {@code changes}, or each of {@code candidates}. */
    private static List<JsonNode> changeSets(ObjectNode body) {
        JsonNode changes = body.get("changes");
        JsonNode candidates = body.get("candidates");
        if (changes != null && candidates != null) {
            throw ApiException.badRequest("give either changes (one candidate) or candidates (up to "
                    + MAX_CANDIDATES + "), not both");
        }
        if (candidates != null) {
            if (!candidates.isArray() || candidates.isEmpty() || candidates.size() > MAX_CANDIDATES) {
                throw ApiException.badRequest("candidates must be an array of 1 to " + MAX_CANDIDATES
                        + " objects of ai_params.json fields to change" + (candidates.isArray()
                        ? "; got " + candidates.size() : ""));
            }
            List<JsonNode> out = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                if (!candidates.get(i).isObject()) {
                    throw ApiException.badRequest("candidates[" + i + "]: an object of ai_params.json fields to"
                            + " change");
                }
                out.add(candidates.get(i));
            }
            return out;
        }
        if (changes == null || !changes.isObject()) {
            throw ApiException.badRequest("changes: required, an object of ai_params.json fields to change"
                    + " (or candidates: an array of up to " + MAX_CANDIDATES + " such objects)");
        }
        return List.of(changes);
    }

    /** The current parameters with {@code changes} applied, or a 422 naming every violation. */
    private Params candidate(Params current, JsonNode changes, String name) {
        ParamsJson.Parsed parsed = ParamsJson.applyChanges(current, changes);
        List<Violation> problems = new ArrayList<>(parsed.violations());
        if (parsed.ok()) {
            problems.addAll(params.validate(parsed.params()));
        }
        if (!problems.isEmpty()) {
            StringBuilder detail = new StringBuilder(name + " rejected: ");
            for (int i = 0; i < problems.size(); i++) {
                Violation v = problems.get(i);
                detail.append(i == 0 ? "" : "; ").append(v.field()).append(": ").append(v.message());
            }
            throw new ApiException(422, "Candidate Rejected", detail.toString());
        }
        return parsed.params();
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
