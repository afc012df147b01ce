package org.zonelake.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random bearer tokens and the digests under which they are stored. */
final class OpaqueTokens {
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {}

    /** 32 random bytes, base64url without padding (43 characters). */
    static String generate() {
        return randomUrlSafe(TOKEN_BYTES);
    }

    /** {@code bytes} random bytes, base64url without padding. */
    static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * SHA-256 of the token, lower-case hex. A plain hash suffices (no salt, no KDF): the token carries 256 bits
     * of entropy, so a stolen digest cannot be reversed, and lookups stay a single indexed read.
     */
    static String digest(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
