package dev.leash.gateway.config;

import dev.leash.journal.JournalOptions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The gateway's id when {@code gateway.id} is not set: the venue and the account, so two gateways on different
 * accounts never share journal rows. The simulated venue's account is its market seed; a live venue's is the first
 * 8 hex digits of the SHA-256 of its API key (the key itself is never written anywhere).
 */
final class GatewayIds {

    private GatewayIds() {
    }

    static String derive(String venue, long seed, Map<String, String> env) {
        String keyVar = venue.startsWith("bybit") ? "LEASH_BYBIT_API_KEY"
                : venue.startsWith("lmex") ? "LEASH_LMEX_API_KEY" : null;
        if (venue.equals("simulated")) {
            return "simulated-" + Math.abs(seed);
        }
        String key = keyVar == null ? null : env.get(keyVar);
        if (key == null || key.isBlank()) {
            return venue;
        }
        return venue + "-" + sha256(key.strip()).substring(0, 8);
    }

    /** The configured id, checked, or {@code null} when none is configured. */
    static String check(String id, String key) throws ConfigException {
        if (id != null && !JournalOptions.GATEWAY_ID.matcher(id).matches()) {
            throw new ConfigException(key + ": '" + id + "' must be 1 to 40 lower-case letters, digits and dashes,"
                    + " starting with a letter or digit");
        }
        return id;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
