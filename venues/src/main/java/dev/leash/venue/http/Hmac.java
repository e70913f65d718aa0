package dev.leash.venue.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** Lowercase-hex HMAC of a UTF-8 message, for request signing. */
public final class Hmac {

    private Hmac() {
    }

    /** {@code algorithm} is a JCA name such as {@code HmacSHA256} or {@code HmacSHA384}. */
    public static String hex(String algorithm, String secret, String message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Never include the key: only the algorithm is named.
            throw new IllegalStateException("cannot compute " + algorithm, e);
        }
    }
}
