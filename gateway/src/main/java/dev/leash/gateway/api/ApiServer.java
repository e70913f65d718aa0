package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.Principal;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The gateway's REST API (Javalin), bound to 127.0.0.1:7070 unless configured otherwise.
 *
 * <p>Reads are open on a loopback address and need a token elsewhere; writes always need
 * {@code Authorization: Bearer <token>}. {@link HostGuard} refuses a foreign {@code Host} or write {@code Origin}
 * first. The token decides the principal of a request, never a header the client chooses: the gateway token is the
 * operator's, the model token the model's (see {@link #principal}); the metrics token reads {@code /metrics} only
 * ({@link BearerAuth}). Every error is {@code application/problem+json}
 * with a specific message, never a stack trace.
 */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** The request attribute holding the {@link Principal} of an authenticated request. */
    static final String PRINCIPAL_ATTRIBUTE = "leash.principal";
    static final String PROBLEM_JSON = "application/problem+json";

    private final RestPorts ports;
    private final ReadRoutes reads;
    private final MarketRoutes market;
    private final ParamsRoutes params;
    private final WriteRoutes writes;
    private final SymbolBiasRoutes biases;
    private Javalin app;
    private BearerAuth auth;

    public ApiServer(RestPorts ports) {
        this.ports = ports;
        this.reads = new ReadRoutes(ports.config().loops(), ports.wall(), ports.venue(), ports.journal(),
                ports.loops(), ports.params());
        this.market = new MarketRoutes(ports.venue(), ports.journal(), ports.loops());
        this.params = new ParamsRoutes(ports.config().limits(), ports.wall(), ports.params(), ports.loops(),
                ports.journal());
        this.writes = new WriteRoutes(ports.params(), ports.loops(), ports.commands(),
                new BacktestRoute(ports.params(), ports.loops(), ports.venue(), ports.config().limits(),
                        ports.wall()));
        this.biases = new SymbolBiasRoutes(ports.venue(), ports.loops(), ports.commands());
    }

    /** Binds and starts; port 0 picks a free port. */
    public void start(String host, int port) {
        auth = new BearerAuth(ports.credentials(), isLoopback(host));
        long maxBody = ports.config().api().maxBodyBytes();
        HostGuard guard = HostGuard.of(host, ports.config().api());
        app = Javalin.create(cfg -> {
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            cfg.http.maxRequestSize = maxBody;
            cfg.http.prefer405over404 = true;
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            cfg.jetty.modifyServletContextHandler(SlowClients::install);
            cfg.routes.before(guard::check);
            cfg.routes.before("/api/*", this::authorize);
            cfg.routes.before("/metrics", this::authorize);
            cfg.routes.get("/api/health", body(reads::healthBody));
            cfg.routes.get("/api/state", body(reads::stateBody));
            cfg.routes.get("/api/trades", json(reads::trades));
            cfg.routes.get("/api/positions", body(reads::positionsBody));
            cfg.routes.get("/api/orders", json(reads::orders));
            cfg.routes.get("/api/funding", json(market::funding));
            cfg.routes.get("/api/market", json(market::market));
            cfg.routes.get("/api/performance", json(market::performance));
            cfg.routes.get("/api/params", body(params::paramsBody));
            cfg.routes.get("/api/params/history", json(params::paramsHistory));
            cfg.routes.get("/api/decisions", json(reads::decisions));
            cfg.routes.get("/api/equity",
                    json(new EquityRoute(ports.journal()::equityCurve, ports.loops()::tradingTime)::equity));
            cfg.routes.get("/api/scorecard", json(new ScorecardRoute(ports.loops()::scorecard,
                    ports.loops()::attribution)::scorecard));
            cfg.routes.get("/api/events", new EventsRoute(ports.events().get())::stream);
            cfg.routes.get("/metrics", ctx -> metrics(ctx, ports.metrics().get()));
            cfg.routes.put("/api/params", json(writes::putParams));
            cfg.routes.post("/api/trading-mode", json(writes::tradingMode));
            cfg.routes.post("/api/backtest", json(writes::backtest));
            cfg.routes.post("/api/symbol-bias", json(biases::set));
            cfg.routes.delete("/api/symbol-bias/{symbol}", json(biases::clear));
            cfg.routes.post("/api/params/rollback", json(new RollbackRoute(ports.commands())::rollback));
            StrategyRoutes strategies = new StrategyRoutes(ports.strategies(), ports.params(), ports.loops(),
                    ports.journal());
            cfg.routes.get("/api/strategies", json(strategies::ledger));
            cfg.routes.post("/api/strategies", json(strategies::propose));
            cfg.routes.post("/api/strategies/{id}/approve", json(strategies::approve));
            cfg.routes.post("/api/strategies/{id}/reject", json(strategies::reject));
            cfg.routes.post("/api/strategies/{id}/rollback", json(strategies::rollback));
            dev.leash.gateway.web.Dashboard.install(cfg);
            ProblemResponses.install(cfg.routes, maxBody);
        }).start();
        LOG.info("REST API listening on http://{}:{}", host.contains(":") ? "[" + host + "]" : host, port());
    }

    public int port() {
        return app == null ? -1 : app.port();
    }

    public void stop() {
        if (app != null) {
            app.stop();
        }
    }

    /** {@code GET /metrics}: Prometheus text (or what {@code Accept} asks for), a read like {@code /api/*}. */
    private static void metrics(Context ctx, dev.leash.gateway.metrics.GatewayMetrics metrics) throws Exception {
        Query.of(ctx);
        var e = metrics.scrape(ctx.header("Accept"));
        ctx.contentType(e.contentType()).result(e.body());
    }

    private void authorize(Context ctx) {
        boolean write = !"GET".equals(ctx.method().name()) && !"HEAD".equals(ctx.method().name());
        BearerAuth.Verdict v = auth.check(write, "/metrics".equals(ctx.path()), ctx.header("Authorization"));
        if (v.refused()) {
            ctx.header("WWW-Authenticate", v.invalidToken() ? "Bearer realm=\"leash\", error=\"invalid_token\""
                    : "Bearer realm=\"leash\"");
            throw new ApiException(401, "Unauthorized", v.detail());
        }
        if (v.principal() != null) {
            ctx.attribute(PRINCIPAL_ATTRIBUTE, v.principal());
        }
    }

    /**
     * The principal of an authenticated request: {@link Principal#OPERATOR} for the gateway token,
     * {@link Principal#MODEL} for the model token; null for a tokenless read on loopback.
     */
    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL_ATTRIBUTE);
    }

    /** True when the request carried the operator's (gateway) token. */
    static boolean isOperator(Context ctx) {
        return principal(ctx) == Principal.OPERATOR;
    }

    /** A handler returning a JSON tree. */
    interface JsonHandler {
        JsonNode handle(Context ctx) throws Exception;
    }

    /** A handler returning a serialized JSON answer (see {@link ResponseMemo}). */
    interface BodyHandler {
        byte[] handle(Context ctx) throws Exception;
    }

    private static Handler json(JsonHandler h) {
        return ctx -> {
            JsonNode body = h.handle(ctx);
            ctx.contentType("application/json").result(Json.bytes(body));
        };
    }

    private static Handler body(BodyHandler h) {
        return ctx -> {
            byte[] body = h.handle(ctx);
            ctx.contentType("application/json").result(body);
        };
    }

    static void problem(Context ctx, int status, String title, String detail, ObjectNode extensions) {
        ObjectNode p = Json.object();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        if (extensions != null) {
            p.setAll(extensions);
        }
        ctx.status(status).contentType(PROBLEM_JSON).result(Json.text(p));
    }

    /** True when every address {@code host} names is a loopback address; false when it does not resolve. */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
