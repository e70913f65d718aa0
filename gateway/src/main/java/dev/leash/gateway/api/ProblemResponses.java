package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The REST API's error answers: every refusal and failure as {@code application/problem+json}. */
final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SLOW_BODY = "the request body arrived slower than "
            + SlowClients.MIN_BODY_BYTES_PER_SECOND + " bytes a second";

    private ProblemResponses() {
    }

    /** Installs the exception and status handlers; {@code maxBody} is the body limit a 413 names. */
    static void install(RoutesConfig routes, long maxBody) {
        routes.exception(ApiException.class, (e, ctx) -> ApiServer.problem(ctx, e.status(), e.title(), e.getMessage(),
                e.extensions()));
        routes.exception(HttpException.RuntimeException.class, (e, ctx) -> {
            int code = e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400;
            ApiServer.problem(ctx, code, HttpStatus.getMessage(code), code == 408 ? SLOW_BODY
                    : "the request could not be read: " + HttpStatus.getMessage(code), null);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            String id = HexFormat.of().toHexDigits(RANDOM.nextInt());
            LOG.error("{} {} failed (error {}): {}", ctx.method(), ctx.path(), id, where(e));
            ObjectNode ext = Json.object().put("error_id", id);
            ApiServer.problem(ctx, 500, "Internal Server Error", "the gateway could not answer (error " + id
                    + "); the gateway log says where it failed", ext);
        });
        routes.error(404, ctx -> {
            if (!ApiServer.PROBLEM_JSON.equals(ctx.res().getContentType())) {
                ApiServer.problem(ctx, 404, "Not Found", "no endpoint " + ctx.method() + " " + ctx.path(), null);
            }
        });
        routes.error(405, ctx -> ApiServer.problem(ctx, 405, "Method Not Allowed", ctx.method()
                + " is not allowed on " + ctx.path(), null));
        routes.error(408, ctx -> ApiServer.problem(ctx, 408, "Request Timeout", SLOW_BODY, null));
        routes.error(413, ctx -> ApiServer.problem(ctx, 413, "Content Too Large", "the request body is larger than "
                + maxBody + " bytes", null));
    }

    /**
     * The failure's type and the innermost frame of Leash code it passed through, without its message or the rest
     * of the trace: a message may quote a file or a secret, and neither belongs in a log.
     */
    static String where(Throwable e) {
        StackTraceElement at = null;
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("dev.leash.")) {
                at = f;
                break;
            }
        }
        return e.getClass().getName() + (at == null ? "" : " in " + at.getClassName() + "." + at.getMethodName()
                + " line " + at.getLineNumber());
    }
}
