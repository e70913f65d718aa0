package dev.leash.mcp.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * stdout for JSON-RPC: bytes are collected per line and each whole line is written and flushed under one lock, so
 * the session's messages and {@link StdioTransport}'s error answers never interleave.
 */
public final class LineOutputStream extends OutputStream {

    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public LineOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n') {
            pending.writeTo(out);
            out.flush();
            pending.reset();
        }
    }

    /** Copies whole runs up to each newline at once (a byte-per-call loop was the top CPU cost of a stdio call). */
    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == '\n') {
                pending.write(b, start, i + 1 - start);
                pending.writeTo(out);
                out.flush();
                pending.reset();
                start = i + 1;
            }
        }
        pending.write(b, start, end - start);
    }

    /** Writes one whole line (a newline is added) at once. */
    public synchronized void writeLine(String line) throws IOException {
        write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
