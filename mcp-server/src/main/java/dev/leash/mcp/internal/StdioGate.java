package dev.leash.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The stdin the SDK reads: only well-formed JSON-RPC lines pass. A line that is not JSON, not a JSON-RPC message
 * or too long is answered here with a JSON-RPC error and dropped, because one bad line would otherwise end the SDK's
 * inbound processing. Runs {@code onEof} once when the client closes stdin.
 */
public final class StdioGate extends InputStream {

    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final InputStream in;
    private final LineOutputStream out;
    private final Runnable onEof;
    private final AtomicBoolean eof = new AtomicBoolean();
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private volatile Thread reader;
    private byte[] line = new byte[0];
    private int pos;

    public StdioGate(InputStream in, LineOutputStream out, Runnable onEof) {
        this.in = new BufferedInputStream(in);
        this.out = out;
        this.onEof = onEof;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (reader == null) {
            reader = Thread.currentThread();
            firstRead.countDown();
        }
        if (len == 0) {
            return 0;
        }
        while (pos >= line.length) {
            if (!nextValidLine()) {
                if (eof.compareAndSet(false, true)) {
                    onEof.run();
                }
                return -1;
            }
        }
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }

    /**
     * Blocks until the thread reading this stream (the SDK's inbound loop) has ended, for whatever reason: EOF, or
     * the SDK closing the session after an error. Nothing is read from stdin after that.
     */
    public void awaitReaderEnd() throws InterruptedException {
        firstRead.await();
        reader.join();
    }

    private boolean nextValidLine() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        boolean tooLong = false;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (buf.size() < MAX_LINE_BYTES) {
                buf.write(c);
            } else {
                tooLong = true;
            }
        }
        if (c < 0 && buf.size() == 0) {
            return false;
        }
        String text = buf.toString(StandardCharsets.UTF_8).strip();
        if (tooLong) {
            reject(null, -32600, "message larger than " + MAX_LINE_BYTES + " bytes");
        } else if (!text.isEmpty() && accept(text)) {
            line = (text + "\n").getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }

    private boolean accept(String text) throws IOException {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            reject(null, -32700, "Parse error: " + ErrorBodies.clean(e.getOriginalMessage(), 400));
            return false;
        }
        String problem = JsonRpcShape.problem(n);
        if (problem != null) {
            reject(JsonRpcShape.id(n), -32600, "Invalid Request: " + problem);
            return false;
        }
        return true;
    }

    private void reject(JsonNode id, int code, String message) throws IOException {
        ObjectNode o = Json.object();
        o.put("jsonrpc", "2.0");
        o.set("id", id);
        o.putObject("error").put("code", code).put("message", message);
        out.writeLine(Json.compact(o));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
