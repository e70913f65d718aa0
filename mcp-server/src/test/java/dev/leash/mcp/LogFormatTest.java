package dev.leash.mcp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** The MCP server's log configuration: stderr only, ISO-8601 UTC timestamps, levels shown. */
class LogFormatTest {

    /** The main configuration. */
    private static Properties shipped() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/simplelogger.properties"))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void logsGoToStderrWithTheLevelAtInfo() throws IOException {
        Properties p = shipped();
        assertThat(p.getProperty("org.slf4j.simpleLogger.logFile")).isEqualTo("System.err");
        assertThat(p.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("info");
        assertThat(p.getProperty("org.slf4j.simpleLogger.showLevel", "true")).isEqualTo("true");
    }

    @Test
    void everyLineStartsWithAnIsoUtcTimestamp() throws IOException {
        Properties p = shipped();
        assertThat(p.getProperty("org.slf4j.simpleLogger.showDateTime")).isEqualTo("true");
        SimpleDateFormat format = new SimpleDateFormat(p.getProperty("org.slf4j.simpleLogger.dateTimeFormat"));
        format.setTimeZone(TimeZone.getTimeZone("UTC")); // as Main sets the default before the first logger
        Instant t = Instant.parse("2026-12-03T09:15:42.123Z");

        String stamp = format.format(Date.from(t));

        assertThat(stamp).isEqualTo("2026-12-03T09:15:42.123Z");
        assertThat(Instant.parse(stamp)).isEqualTo(t);
    }
}
