package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.journal.EquityPoint;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code GET /api/equity?window=24h&step=5m}: the journal's equity curve over the last {@code window}, one point (the
 * last one) per {@code step}, each with its drawdown from the highest equity before it in the window.
 */
final class EquityRoute {

    static final String DEFAULT_WINDOW = "24h";
    static final String DEFAULT_STEP = "5m";
    static final long MAX_WINDOW = 365 * 86_400_000L;
    static final long MIN_STEP = 60_000L;
    static final int MAX_POINTS = 2_000;
    /** How many journal points per step the route reads at most before keeping the last of each step. */
    private static final int OVERSAMPLE = 4;

    /** Where the curve comes from: {@code Journal::equityCurve}. */
    interface Curve {
        List<EquityPoint> read(long from, long to, int maxPoints);
    }

    private final Curve curve;
    private final LongSupplier tradingTime;

    EquityRoute(Curve curve, LongSupplier tradingTime) {
        this.curve = curve;
        this.tradingTime = tradingTime;
    }

    JsonNode equity(Context ctx) {
        Query.of(ctx, "window", "step");
        String windowText = orDefault(ctx.queryParam("window"), DEFAULT_WINDOW);
        String stepText = orDefault(ctx.queryParam("step"), DEFAULT_STEP);
        long window = Span.parse("window", windowText);
        long step = Span.parse("step", stepText);
        if (window > MAX_WINDOW) {
            throw ApiException.badRequest("window must be at most 365d, got '" + Query.abbreviate(windowText) + "'");
        }
        if (step < MIN_STEP) {
            throw ApiException.badRequest("step must be at least 1m, got '" + Query.abbreviate(stepText) + "'");
        }
        if (step > window) {
            throw ApiException.badRequest("step (" + Query.abbreviate(stepText) + ") must not exceed window ("
                    + Query.abbreviate(windowText) + ")");
        }
        long steps = (window + step - 1) / step;
        if (steps > MAX_POINTS) {
            throw ApiException.badRequest("window / step must be at most " + MAX_POINTS + " points, got " + steps
                    + "; choose a larger step");
        }
        long now = tradingTime.getAsLong();
        long from = now - window;
        List<EquityPoint> points = lastPerStep(curve.read(from, now, (int) Math.min(steps * OVERSAMPLE, 20_000)),
                from, step);
        ObjectNode o = Json.object();
        o.put("window", windowText.trim());
        o.put("step", stepText.trim());
        o.put("from", Json.time(from));
        o.put("to", Json.time(now));
        ArrayNode out = o.putArray("points");
        double peak = Double.NaN;
        double maxDrawdown = 0;
        for (EquityPoint p : points) {
            ObjectNode n = out.addObject();
            n.put("time", Json.time(p.time()));
            Json.num(n, "equity", p.equity());
            Json.num(n, "unrealized_pnl", p.unrealizedPnl());
            if (Double.isFinite(p.equity()) && !(p.equity() <= peak)) {
                peak = p.equity();
            }
            double dd = peak > 0 && Double.isFinite(p.equity()) ? (peak - p.equity()) / peak * 100 : Double.NaN;
            Json.num(n, "drawdown_pct", dd);
            if (dd > maxDrawdown) {
                maxDrawdown = dd;
            }
        }
        o.put("count", points.size());
        Json.num(o, "max_drawdown_pct", points.isEmpty() ? Double.NaN : maxDrawdown);
        PnlJson.equity(o, points);
        return o;
    }

    /** The last point of each step-long bucket counted from {@code from}, oldest first. */
    static List<EquityPoint> lastPerStep(List<EquityPoint> points, long from, long step) {
        List<EquityPoint> out = new ArrayList<>();
        long bucket = Long.MIN_VALUE;
        for (EquityPoint p : points) {
            long b = Math.floorDiv(p.time() - from, step);
            if (b == bucket) {
                out.set(out.size() - 1, p);
            } else {
                out.add(p);
                bucket = b;
            }
        }
        return out;
    }

    private static String orDefault(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v;
    }
}
