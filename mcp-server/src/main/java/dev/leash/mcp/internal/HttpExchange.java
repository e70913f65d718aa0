package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One HTTP request to the gateway and its JSON answer; failures become {@link GatewayException}s with a clear text. */
final class HttpExchange {

    /** The largest gateway answer read; more is reported, not buffered. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final String base;
    private final Duration callTimeout;

    HttpExchange(String base, Duration callTimeout) {
        this.base = base;
        this.callTimeout = callTimeout;
    }

    GatewayReply execute(OkHttpClient http, Request request) throws GatewayException {
        String what = request.method() + " " + request.url().encodedPath();
        try (Response r = http.newCall(request).execute()) {
            byte[] bytes = r.peekBody(MAX_BODY_BYTES + 1L).bytes();
            if (bytes.length > MAX_BODY_BYTES) {
                throw new GatewayException(what + ": the gateway's answer is larger than " + MAX_BODY_BYTES
                        + " bytes", false);
            }
            return reply(what, r.code(), bytes);
        } catch (GatewayException e) {
            throw e;
        } catch (ConnectException | NoRouteToHostException e) {
            throw new GatewayException("the gateway at " + base + " is unreachable (connection refused); is it "
                    + "running? Set LEASH_GATEWAY_URL or --gateway", true);
        } catch (UnknownHostException e) {
            throw new GatewayException("the gateway host in " + base + " cannot be resolved", false);
        } catch (SocketTimeoutException e) {
            String phase = String.valueOf(e.getMessage()).contains("connect") ? "accept a connection" : "answer";
            throw new GatewayException("the gateway at " + base + " did not " + phase + " in time (" + what
                    + "); it may be overloaded or stuck", false);
        } catch (InterruptedIOException e) {
            throw new GatewayException("the gateway at " + base + " did not answer within "
                    + callTimeout.toMillis() + " ms (" + what + ")", false);
        } catch (IOException e) {
            throw new GatewayException("the connection to the gateway at " + base + " failed during " + what + " ("
                    + e.getClass().getSimpleName() + ")", true);
        }
    }

    private static GatewayReply reply(String what, int status, byte[] bytes) throws GatewayException {
        JsonNode body = parse(bytes);
        boolean ok = status >= 200 && status < 300;
        if (body instanceof ObjectNode) {
            return new GatewayReply(status, body, new String(bytes, StandardCharsets.UTF_8).strip());
        }
        if (ok) {
            throw new GatewayException(what + ": the gateway answered HTTP " + status
                    + " with a body that is not a JSON object", false);
        }
        ObjectNode problem = Json.object();
        problem.put("status", status);
        problem.put("detail", "the gateway answered HTTP " + status + " without a JSON problem (" + what + ")");
        return GatewayReply.of(status, problem);
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return Json.STRICT.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }
}
