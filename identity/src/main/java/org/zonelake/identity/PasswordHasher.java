package org.zonelake.identity;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;
import java.util.Base64;

/** Argon2id password hashes in PHC string form ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}). */
final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Function function;
    /** Hash of a random password, verified against when the user is unknown so that timing tells nothing. */
    private final String decoy;

    PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoy = hash(Base64.getEncoder().encodeToString(random));
    }

    String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    /**
     * Constant-time check. The parameters come from the stored hash, so hashes made with older settings
     * still verify after the settings change.
     */
    boolean verify(String password, String phcHash) {
        try {
            return Password.check(password, phcHash).with(Argon2Function.getInstanceFromHash(phcHash));
        } catch (RuntimeException e) {
            // A malformed stored hash must fail the login, not leak a parser error to the caller.
            return false;
        }
    }

    /** Spends one verification, as a login of an existing user would. */
    void verifyDecoy(String password) {
        verify(password, decoy);
    }
}
