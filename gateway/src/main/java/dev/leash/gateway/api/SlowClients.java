package dev.leash.gateway.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.function.LongSupplier;

/**
 * A bound on clients that send slowly, so a few hundred connections dribbling a body cannot hold every request
 * thread: after a grace of {@link BodyPace#GRACE_NANOS} a body must have kept {@value #MIN_BODY_BYTES_PER_SECOND}
 * bytes a second since its headers (else 408, connection closed), so a small honest body split across TCP segments
 * or read late under load passes. A body that stops altogether is ended by Jetty's idle timeout.
 */
final class SlowClients {

    static final long MIN_BODY_BYTES_PER_SECOND = 1024;

    private SlowClients() {
    }

    /** Installs the pace check in front of every route of {@code handler}. */
    static void install(ServletContextHandler handler) {
        FilterHolder pace = new FilterHolder(new PaceFilter(new BodyPace(MIN_BODY_BYTES_PER_SECOND), System::nanoTime));
        pace.setAsyncSupported(true);
        handler.addFilter(pace, "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    /** Wraps each request's body stream in a {@link PacedInput} that starts counting when the headers are in. */
    static final class PaceFilter implements Filter {

        private final BodyPace pace;
        private final LongSupplier nanoTime;

        PaceFilter(BodyPace pace, LongSupplier nanoTime) {
            this.pace = pace;
            this.nanoTime = nanoTime;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse res)) {
                chain.doFilter(request, response);
                return;
            }
            long start = nanoTime.getAsLong();
            chain.doFilter(new HttpServletRequestWrapper(http) {
                private PacedInput input;

                @Override
                public ServletInputStream getInputStream() throws IOException {
                    if (input == null) {
                        input = new PacedInput(super.getInputStream(), pace, nanoTime, start, res);
                    }
                    return input;
                }

                @Override
                public BufferedReader getReader() throws IOException {
                    String charset = getCharacterEncoding();
                    return new BufferedReader(new InputStreamReader(getInputStream(),
                            charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
                }
            }, response);
        }
    }

    /** A body stream that refuses with 408 once a read shows the body behind its {@link BodyPace}. */
    static final class PacedInput extends ServletInputStream {

        private final ServletInputStream in;
        private final BodyPace pace;
        private final LongSupplier nanoTime;
        private final long start;
        private final HttpServletResponse response;
        private long bytes;

        PacedInput(ServletInputStream in, BodyPace pace, LongSupplier nanoTime, long start,
                   HttpServletResponse response) {
            this.in = in;
            this.pace = pace;
            this.nanoTime = nanoTime;
            this.start = start;
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            counted(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            counted(Math.max(n, 0));
            return n;
        }

        private void counted(int n) {
            bytes += n;
            if (pace.tooSlow(nanoTime.getAsLong() - start, bytes)) {
                if (!response.isCommitted()) {
                    response.setHeader("Connection", "close");
                }
                throw new HttpException.RuntimeException(408, "the request body arrived too slowly");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
