package dev.leash.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway token: from the environment, or generated once into the data directory for the owner only. */
@Timeout(10)
class TokensTest {

    private static final String ENV = "LEASH_GATEWAY_TOKEN";

    @TempDir
    Path dir;

    @Test
    void generatesATokenFileReadableByTheOwnerOnly() throws IOException {
        Path file = dir.resolve("gateway.token");

        Tokens.Token t = Tokens.load(null, ENV, file);

        assertThat(t.value()).matches("[0-9a-f]{64}");
        assertThat(t.source()).contains("generated");
        assertThat(Files.readString(file).strip()).isEqualTo(t.value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void reusesTheGeneratedTokenOnRestart() throws IOException {
        Path file = dir.resolve("sub/gateway.token");
        Tokens.Token first = Tokens.load(null, ENV, file);

        Tokens.Token again = Tokens.load("", ENV, file);

        assertThat(again.value()).isEqualTo(first.value());
        assertThat(again.source()).doesNotContain("generated");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void prefersTheEnvironmentAndCreatesNoFile() throws IOException {
        Path file = dir.resolve("gateway.token");

        Tokens.Token t = Tokens.load("  0123456789abcdef-from-env \n", ENV, file);

        assertThat(t.value()).isEqualTo("0123456789abcdef-from-env");
        assertThat(t.source()).isEqualTo("env " + ENV);
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesAnEnvironmentTokenShorterThanSixteenCharacters() {
        Path file = dir.resolve("gateway.token");

        assertThatThrownBy(() -> Tokens.load("fifteen-chars-x", ENV, file))
                .isInstanceOf(IOException.class)
                .hasMessage(ENV + " is shorter than 16 characters; use a long random token")
                .hasMessageNotContaining("fifteen-chars-x");
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesATokenFileWithoutAUsableToken() throws IOException {
        Path file = dir.resolve("gateway.token");
        Files.writeString(file, "short\n");

        assertThatThrownBy(() -> Tokens.load(null, ENV, file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("holds no usable token")
                .hasMessageNotContaining("short\n");
    }

    @Test
    void neverPrintsTheTokenItself() throws IOException {
        Tokens.Token t = Tokens.load("a-secret-token-of-some-length", ENV, dir.resolve("gateway.token"));

        assertThat(t.toString()).doesNotContain("a-secret-token-of-some-length").contains("env " + ENV);
    }

    @Test
    void matchesOnlyTheExactToken() {
        String token = Tokens.generate();

        assertThat(Tokens.matches(token, token)).isTrue();
        assertThat(Tokens.matches(new String(token.toCharArray()), token)).as("equal, not identical").isTrue();
        assertThat(Tokens.matches(null, token)).isFalse();
        assertThat(Tokens.matches("", token)).isFalse();
        assertThat(Tokens.matches(token.substring(0, 63), token)).as("a prefix").isFalse();
        assertThat(Tokens.matches(token + "0", token)).as("a longer one").isFalse();
        assertThat(Tokens.matches(token.toUpperCase(Locale.ROOT), token)).as("case matters").isFalse();
        char last = token.charAt(63);
        String lastDiffers = token.substring(0, 63) + (last == '0' ? '1' : '0');
        assertThat(Tokens.matches(lastDiffers, token)).as("differs in the last character only").isFalse();
    }

    /**
     * {@link Tokens#matches} hashes both sides and compares the digests with {@link java.security.MessageDigest#isEqual},
     * so the work does not depend on where, or whether, the strings differ. Timing is too noisy to assert on a shared
     * machine; this checks the property that makes it constant-time: inputs of any length compare as fixed-size
     * digests, and none of them throws.
     */
    @Test
    void comparesInputsOfAnyLengthWithoutFailingEarly() {
        String token = Tokens.generate();

        for (String presented : new String[] {"", "x", token.substring(0, 1), "x".repeat(10_000), "\u00e9\u0000"}) {
            assertThat(Tokens.matches(presented, token)).as("'%s...'", presented.substring(0,
                    Math.min(5, presented.length()))).isFalse();
        }
        assertThat(Tokens.matches("", "")).as("degenerate but consistent").isTrue();
    }

    @Test
    void generatesADifferentTokenEachTime() {
        assertThat(Tokens.generate()).isNotEqualTo(Tokens.generate());
    }

    @Test
    void aTokenFromAFileNamesTheFileAndNeverTheToken() throws IOException {
        Path file = dir.resolve("mcp.token");
        Files.writeString(file, "a-secret-token-of-some-length\n");

        Tokens.Token t = Tokens.load(null, "LEASH_MCP_TOKEN", file);

        assertThat(t.value()).isEqualTo("a-secret-token-of-some-length");
        assertThat(t.file()).isEqualTo(file);
        assertThat(t.generated()).isFalse();
        assertThat(t.toString()).doesNotContain("a-secret").contains(file.toString());
    }

    @Test
    void aGeneratedTokenRemembersItsFile() throws IOException {
        Path file = dir.resolve("data/mcp.token");

        Tokens.Token t = Tokens.load(null, "LEASH_MCP_TOKEN", file);

        assertThat(t.file()).isEqualTo(file);
        assertThat(t.generated()).isTrue();
        assertThat(t.toString()).doesNotContain(t.value());
    }

    @Test
    void anUnusableTokenFileIsRefusedWithoutQuotingIt() throws IOException {
        Path file = dir.resolve("model.token");
        Files.writeString(file, "fifteen-chars-x\n");

        assertThatThrownBy(() -> Tokens.load(null, "LEASH_MODEL_TOKEN", file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + " holds no usable token (shorter than 16 characters); delete it to generate a "
                        + "new one");
        assertThat(Files.readString(file)).isEqualTo("fifteen-chars-x\n");
    }
}
