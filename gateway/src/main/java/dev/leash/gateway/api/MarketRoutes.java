package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.journal.EquityPoint;
import dev.leash.journal.Journal;
import dev.leash.gateway.loop.EngineSnapshot;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.FundingRate;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The GET endpoints of the market: funding, market signals, performance. */
final class MarketRoutes {

    private static final long DAY = 86_400_000L;

    private final Venue venue;
    private final Journal journal;
    private final LoopReads loops;

    MarketRoutes(Venue venue, Journal journal, LoopReads loops) {
        this.venue = venue;
        this.journal = journal;
        this.loops = loops;
    }

    JsonNode funding(Context ctx) throws VenueException {
        Query q = Query.of(ctx, "symbols");
        List<String> symbols = q.symbols("symbols", venue.symbols());
        long now = loops.tradingTime();
        ObjectNode o = Json.object();
        ArrayNode out = o.putArray("funding");
        for (String s : symbols) {
            FundingRate cur = venue.funding(s);
            ObjectNode n = Json.object();
            n.put("symbol", s);
            Json.num(n, "rate", cur.rate());
            Json.num(n, "rate_pct", cur.rate() * 100);
            n.put("next_funding_time", Json.time(cur.nextFundingTime()));
            ArrayNode hist = n.putArray("history");
            for (FundingRate h : venue.fundingHistory(s, now - 3 * DAY, now + 1)) {
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
        List<String> symbols = q.symbols("symbols", venue.symbols());
        EngineSnapshot snap = loops.snapshot();
        Map<String, EngineSnapshot.SymbolView> views = new HashMap<>();
        if (snap != null) {
            snap.symbols().forEach(v -> views.put(v.symbol(), v));
        }
        long now = loops.tradingTime();
        ObjectNode o = Json.object();
        o.put("time", Json.time(now));
        ArrayNode out = o.putArray("market");
        for (String s : symbols) {
            ObjectNode n = Json.object();
            n.put("symbol", s);
            double price = venue.ticker(s).lastPrice();
            Json.num(n, "price", price);
            List<Candle> dayAgo = venue.candles(s, now - DAY - Candle.INTERVAL_MILLIS, now - DAY + 1);
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
        String symbol = q.symbol("symbol", venue.symbols());
        long now = loops.tradingTime();
        long from = switch (window) {
            case "24h" -> now - DAY;
            case "7d" -> now - 7 * DAY;
            case "30d" -> now - 30 * DAY;
            default -> 0;
        };
        List<Fill> fills = journal.fillsBetween(from, now);
        if (symbol != null) {
            fills = fills.stream().filter(f -> f.symbol().equals(symbol)).toList();
        }
        List<EquityPoint> curve = journal.equityCurve(from, now, 2_000);
        Map<String, Double> before = new HashMap<>();
        for (Fill f : fills) {
            before.computeIfAbsent(f.symbol(), s -> journal.positionBefore(s, f.time()));
        }
        Performance p = Performance.of(fills, before, curve);
        ObjectNode o = Json.object();
        o.put("window", window);
        if (symbol != null) {
            o.put("symbol", symbol);
        }
        o.put("from", Json.time(Math.max(from, curve.isEmpty() ? from : curve.get(0).time())));
        o.put("to", Json.time(now));
        o.put("fills", p.fills());
        o.put("closed_trades", p.closedTrades());
        o.put("wins", p.wins());
        o.put("losses", p.losses());
        Json.num(o, "win_rate", p.winRate());
        Json.num(o, "profit_factor", p.profitFactor());
        PnlJson.trades(o, p.realizedPnl(), p.fees(), Double.NaN);
        if (p.pendingFills() > 0) {
            o.put("pnl_pending_fills", p.pendingFills());
        }
        if (symbol == null) {
            PnlJson.equity(o, curve);
            Json.num(o, "max_drawdown_pct", p.maxDrawdownPct());
        }
        return o;
    }
}
