package dev.leash.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference for the backtest load script: a plain Java count of a file's lines with
 * {@code BufferedReader.readLine}, the least any CSV reader in Java does with the same bytes.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.leash.bench.CsvLineCount file.csv</pre>
 */
public final class CsvLineCount {

    private CsvLineCount() {
    }

    public static void main(String[] args) throws IOException {
        long lines = 0;
        long chars = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                chars += line.length();
            }
        }
        System.out.println(lines + " lines, " + chars + " chars");
    }
}
