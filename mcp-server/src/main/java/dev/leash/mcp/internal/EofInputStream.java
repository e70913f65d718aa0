package dev.leash.mcp.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/** An input stream that runs a callback once when it reaches end of file (the stdio client went away). */
public final class EofInputStream extends FilterInputStream {

    private final Runnable onEof;
    private final AtomicBoolean fired = new AtomicBoolean();

    public EofInputStream(InputStream in, Runnable onEof) {
        super(in);
        this.onEof = onEof;
    }

    @Override
    public int read() throws IOException {
        return check(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return check(super.read(b, off, len));
    }

    private int check(int n) {
        if (n < 0 && fired.compareAndSet(false, true)) {
            onEof.run();
        }
        return n;
    }
}
