package dev.leash.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded venue answers (Bybit V5, LMEX) that tests serve from WireMock, read from this module's resources. */
public final class VenueFixtures {

    private VenueFixtures() {
    }

    /** The recorded Bybit answer {@code bybit/<name>.json}. */
    public static String bybitJson(String name) {
        return read("bybit", name);
    }

    /** The recorded LMEX answer {@code lmex/<name>.json}. */
    public static String lmexJson(String name) {
        return read("lmex", name);
    }

    private static String read(String venue, String name) {
        String path = "/" + venue + "/" + name + ".json";
        try (InputStream in = VenueFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
