package dev.leash.mcp.internal;

import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpReplyTest {

    /** Records what a servlet response was given: status, headers, body. */
    private static final class Recorded {
        final Map<String, Object> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status;

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener l) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setContentType" -> headers.put("Content-Type", args[0]);
                        case "setContentLength" -> headers.put("Content-Length", args[0]);
                        case "setHeader" -> headers.put((String) args[0], args[1]);
                        case "getOutputStream" -> out;
                        default -> null;
                    });
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void theAnswerAloneIsOneJsonBody() {
        Recorded r = new Recorded();
        HttpReply reply = new HttpReply(r.response(), LeashServer.jsonMapper(), 7, true);

        reply.sendMessage(JSONRPCResponse.result(7, Map.of("ok", true))).block();

        assertThat(reply.answered()).isTrue();
        assertThat(r.status).isEqualTo(200);
        assertThat(r.headers).containsEntry("Content-Type", "application/json")
                .containsEntry("Content-Length", r.body.size());
        assertThat(r.text()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"ok\":true}}");
    }

    @Test
    void aNotificationBeforeTheAnswerTurnsTheReplyIntoAStreamEndingWithTheAnswer() {
        Recorded r = new Recorded();
        HttpReply reply = new HttpReply(r.response(), LeashServer.jsonMapper(), 7, true);

        reply.sendMessage(new JSONRPCNotification("2.0", "notifications/progress", Map.of("progress", 1)), "e1")
                .block();
        assertThat(reply.answered()).isFalse();
        reply.sendMessage(JSONRPCResponse.result(7, Map.of()), "e2").block();
        reply.sendMessage(new JSONRPCNotification("2.0", "notifications/late", Map.of())).block();

        assertThat(reply.answered()).isTrue();
        assertThat(r.headers).containsEntry("Content-Type", "text/event-stream").doesNotContainKey("Content-Length");
        assertThat(r.text()).isEqualTo("id: e1\nevent: message\ndata: "
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progress\":1}}\n\n"
                + "id: e2\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}\n\n");
    }

    @Test
    void aResponseToAnotherIdIsNotTheAnswer() {
        Recorded r = new Recorded();
        HttpReply reply = new HttpReply(r.response(), LeashServer.jsonMapper(), "a", true);

        reply.sendMessage(JSONRPCResponse.result("b", Map.of())).block();

        assertThat(reply.answered()).isFalse();
        assertThat(r.headers).containsEntry("Content-Type", "text/event-stream");
    }

    @Test
    void nothingIsWrittenOnceClosed() {
        Recorded r = new Recorded();
        HttpReply reply = new HttpReply(r.response(), LeashServer.jsonMapper(), 1, true);

        reply.close();
        reply.sendMessage(JSONRPCResponse.result(1, Map.of())).block();

        assertThat(r.body.size()).isZero();
        assertThat(reply.answered()).isFalse();
    }
}
