package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.engine.SymbolBias;
import dev.leash.gateway.loop.SymbolVeto;
import dev.leash.risk.Principal;
import dev.leash.venue.Venue;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The risk narrator's veto: {@code POST /api/symbol-bias} sets a side veto on a symbol for at most 24 h (either
 * token: it only removes exposure); {@code DELETE /api/symbol-bias/{symbol}} clears one (the operator's token only:
 * clearing adds risk back; otherwise a veto ends at its {@code until}).
 */
final class SymbolBiasRoutes {

    /** The longest a veto may last. */
    static final Duration MAX_AHEAD = Duration.ofHours(24);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,5})([mh])");
    private static final int MAX_RATIONALE = 1_000;
    private static final String UNTIL_FORMS = "an ISO-8601 UTC time like 2026-01-01T20:00:00Z or a duration from"
            + " now like 30m, 4h or PT4H";

    private final Venue venue;
    private final LoopReads loops;
    private final GatewayCommands commands;

    SymbolBiasRoutes(Venue venue, LoopReads loops, GatewayCommands commands) {
        this.venue = venue;
        this.loops = loops;
        this.commands = commands;
    }

    /** {@code POST /api/symbol-bias}: {@code {"symbol", "bias", "until", "rationale"}}. */
    JsonNode set(Context ctx) throws IOException {
        Query.of(ctx);
        ObjectNode body = WriteRoutes.body(ctx, Set.of("symbol", "bias", "until", "rationale"));
        String symbol = symbol(body.get("symbol"));
        JsonNode b = body.get("bias");
        SymbolBias bias = b != null && b.isTextual() ? SymbolBias.fromWire(b.textValue()) : null;
        if (bias == null) {
            throw ApiException.badRequest("bias: required, one of long_only, short_only, flat");
        }
        long now = loops.tradingTime();
        long until = until(body.get("until"), now);
        String rationale = rationale(body.get("rationale"), "why this side is vetoed");
        SymbolVeto veto = new SymbolVeto(symbol, bias, until, rationale, WriteRoutes.author(ctx), now);
        SymbolVeto inForce = commands.setSymbolBias(veto, WriteRoutes.principal(ctx));
        if (inForce != null) {
            throw new ApiException(403, "Forbidden", symbol + " is vetoed " + inForce.bias().wireName() + " until "
                    + Json.time(inForce.until()) + ": a new veto must block every side it blocks, at least as long;"
                    + " only the operator's token may loosen or clear it");
        }
        ObjectNode o = node(veto);
        o.put("accepted", true);
        return o;
    }

    /** {@code DELETE /api/symbol-bias/{symbol}} with {@code {"rationale"}}: the operator's token only. */
    JsonNode clear(Context ctx) throws IOException {
        Query.of(ctx);
        if (WriteRoutes.principal(ctx) != Principal.OPERATOR) {
            throw new ApiException(403, "Forbidden", "clearing a veto adds risk back: only the operator's token may;"
                    + " the model's veto otherwise ends at its until");
        }
        String symbol = symbol(Json.object().put("symbol", ctx.pathParam("symbol")).get("symbol"));
        ObjectNode body = WriteRoutes.body(ctx, Set.of("rationale"));
        String rationale = rationale(body.get("rationale"), "why the veto is lifted");
        SymbolVeto was = commands.clearSymbolBias(symbol, WriteRoutes.author(ctx), rationale);
        if (was == null) {
            throw new ApiException(404, "Not Found", "no veto is in force on " + symbol);
        }
        ObjectNode o = Json.object();
        o.put("cleared", true);
        o.set("was", node(was));
        return o;
    }

    /** The vetoes in force, for {@code /api/state}. */
    static ArrayNode list(List<SymbolVeto> vetoes) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        vetoes.forEach(v -> a.add(node(v)));
        return a;
    }

    private static ObjectNode node(SymbolVeto v) {
        ObjectNode o = Json.object();
        o.put("symbol", v.symbol());
        o.put("bias", v.bias().wireName());
        o.put("until", Json.time(v.until()));
        o.put("rationale", v.rationale());
        o.put("by", v.by());
        o.put("since", Json.time(v.since()));
        return o;
    }

    private String symbol(JsonNode n) {
        List<String> known = venue.symbols();
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw ApiException.badRequest("symbol: required, one of " + known);
        }
        if (!known.contains(n.textValue())) {
            throw ApiException.badRequest("symbol: unknown symbol '" + Query.abbreviate(n.textValue()) + "'; one of "
                    + known);
        }
        return n.textValue();
    }

    /** The trading time {@code until} names: after {@code now}, at most {@link #MAX_AHEAD} later. */
    static long until(JsonNode n, long now) {
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw ApiException.badRequest("until: required, " + UNTIL_FORMS);
        }
        String text = n.textValue().strip();
        long until;
        Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                until = now + (m.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount))
                        .toMillis();
            } else if (text.startsWith("P") || text.startsWith("p")) {
                until = now + Duration.parse(text).toMillis();
            } else {
                until = Instant.parse(text).toEpochMilli();
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiException.badRequest("until: '" + Query.abbreviate(text) + "' is not " + UNTIL_FORMS);
        }
        if (until <= now) {
            throw ApiException.badRequest("until: " + Json.time(until) + " is not after the gateway's time now, "
                    + Json.time(now));
        }
        if (until - now > MAX_AHEAD.toMillis()) {
            throw ApiException.badRequest("until: " + Json.time(until) + " is more than 24 h after the gateway's time"
                    + " now, " + Json.time(now) + "; a veto lasts at most 24 h");
        }
        return until;
    }

    private static String rationale(JsonNode n, String what) {
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw ApiException.badRequest("rationale: required, " + what);
        }
        if (n.textValue().length() > MAX_RATIONALE) {
            throw ApiException.badRequest("rationale: at most " + MAX_RATIONALE + " characters");
        }
        return n.textValue().strip();
    }
}
