package dev.leash.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON log format: every line written to stderr becomes one JSON object ({@code time} ISO-8601 UTC, {@code level},
 * {@code logger}, {@code thread}, {@code message}). It rewrites slf4j-simple's lines ({@code time [thread] LEVEL logger
 * - message}), so no logging dependency is added; any other line (a banner, a command's error) is kept as a message of
 * logger {@code stderr}. A stack trace is never written: its frames are dropped and its exception line keeps only the
 * class name, since an exception's message may quote a secret.
 */
public final class JsonLogs {

    /** The environment variable choosing the format: {@code text} (the default) or {@code json}. */
    public static final String ENV = "LEASH_LOG_FORMAT";

    private static final Pattern RECORD = Pattern.compile(
            "^(?:(\\d{4}-\\d\\d-\\d\\dT\\S+) )?(?:\\[([^\\]]*)\\] )?(TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)$");
    private static final Pattern EXCEPTION = Pattern.compile(
            "^(?:Caused by: |\\s*Suppressed: )?((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*)(?::.*)?$");
    private static final Pattern FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ (more|common frames omitted))");

    private JsonLogs() {
    }

    /**
     * Whether to log JSON: {@code flag} (a command-line option) wins over {@code env}'s {@link #ENV}, which wins over
     * {@code configured} (the configuration file); each may be null. Throws {@link IllegalArgumentException} naming
     * the source for a value other than {@code text} or {@code json}.
     */
    public static boolean wanted(String flag, Map<String, String> env, String configured) {
        if (flag != null) {
            return json("--log-format", flag);
        }
        String e = env.get(ENV);
        if (e != null && !e.isBlank()) {
            return json(ENV, e);
        }
        return configured != null && json("logging.format", configured);
    }

    private static boolean json(String source, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!v.equals("json") && !v.equals("text")) {
            throw new IllegalArgumentException(source + " must be text or json, got '" + value.trim() + "'");
        }
        return v.equals("json");
    }

    /** A stream writing to {@code target} that turns each line into one JSON object; {@code clock} dates others. */
    public static PrintStream wrap(OutputStream target, Clock clock) {
        return new PrintStream(new Lines(target, clock), true, StandardCharsets.UTF_8);
    }

    /** Replaces {@link System#err} with its JSON form (slf4j-simple's {@code System.err} target follows it). */
    public static PrintStream install() {
        PrintStream json = wrap(System.err, Clock.systemUTC());
        System.setErr(json);
        return json;
    }

    /** Buffers bytes to the end of a line, then writes the line's JSON object. */
    private static final class Lines extends OutputStream {

        private final OutputStream target;
        private final Clock clock;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        private String lastLevel = "INFO";
        private String lastLogger = "stderr";
        private String lastThread = "";

        Lines(OutputStream target, Clock clock) {
            this.target = target;
            this.clock = clock;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            target.flush(); // a partial line waits for its end: one object per line
        }

        @Override
        public synchronized void close() throws IOException {
            if (line.size() > 0) {
                emit();
            }
            target.close();
        }

        private void emit() throws IOException {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            String json = toJson(text);
            if (json != null) {
                target.write((json + "\n").getBytes(StandardCharsets.UTF_8));
                target.flush();
            }
        }

        /** The line's object, or null for a blank line or a stack frame (dropped). */
        private String toJson(String text) {
            Matcher r = RECORD.matcher(text);
            if (r.matches()) {
                lastThread = r.group(2) == null ? "" : r.group(2);
                lastLevel = r.group(3);
                lastLogger = r.group(4);
                return object(time(r.group(1)), lastLevel, lastLogger, lastThread, r.group(5));
            }
            if (text.isBlank() || FRAME.matcher(text).find()) {
                return null;
            }
            Matcher e = EXCEPTION.matcher(text);
            if (e.matches()) {
                return object(clock.instant().toString(), lastLevel, lastLogger, lastThread,
                        "exception " + e.group(1) + " (message and stack trace not logged)");
            }
            return object(clock.instant().toString(), "INFO", "stderr", "", text);
        }

        private String time(String stamp) {
            if (stamp == null) {
                return clock.instant().toString();
            }
            try {
                return OffsetDateTime.parse(stamp).toInstant().toString();
            } catch (DateTimeException e) {
                return clock.instant().toString();
            }
        }
    }

    static String object(String time, String level, String logger, String thread, String message) {
        StringBuilder s = new StringBuilder(96 + message.length());
        s.append("{\"time\":");
        quote(s, time);
        s.append(",\"level\":");
        quote(s, level);
        s.append(",\"logger\":");
        quote(s, logger);
        if (!thread.isEmpty()) {
            s.append(",\"thread\":");
            quote(s, thread);
        }
        s.append(",\"message\":");
        quote(s, message);
        return s.append('}').toString();
    }

    private static void quote(StringBuilder s, String v) {
        s.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
