package dev.leash.mcp.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineOutputStreamTest {

    /** Records each write that reaches the underlying stream. */
    private static final class Writes extends ByteArrayOutputStream {
        final List<String> chunks = new ArrayList<>();

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            chunks.add(new String(b, off, len, StandardCharsets.UTF_8));
        }
    }

    @Test
    void writesEachWholeLineAtOnceWhateverTheSplitOfTheInput() throws IOException {
        Writes sink = new Writes();
        LineOutputStream lines = new LineOutputStream(sink);

        lines.write("{\"a\":".getBytes(StandardCharsets.UTF_8));
        lines.write('1');
        lines.write("}\n{\"b\":2}\n{\"c\"".getBytes(StandardCharsets.UTF_8));
        lines.write("xx:3}\nyy".getBytes(StandardCharsets.UTF_8), 2, 4);
        lines.writeLine("{\"d\":4}");

        assertThat(sink.chunks).containsExactly("{\"a\":1}\n", "{\"b\":2}\n", "{\"c\":3}\n", "{\"d\":4}\n");
    }
}
