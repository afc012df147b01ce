package org.zonelake.identity;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.core.identity.NewUser;

/** Makes sure a fresh lake has a platform administrator to log in with. */
public final class AdminBootstrap {
    public static final String ADMIN_USERNAME = "admin";
    /** 24 random bytes: 32 URL-safe characters, 192 bits. */
    private static final int GENERATED_PASSWORD_BYTES = 24;
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private AdminBootstrap() {}

    /**
     * Creates the platform admin {@code admin} if no such user exists, with {@code configuredPassword} or a random
     * password. Returns the random password, for the caller to show once; empty when a configured password was used
     * or the user already existed (whose password is never changed here).
     */
    public static Optional<String> ensureAdmin(IdentityProvider provider, Optional<String> configuredPassword) {
        requireNonNull(provider, "provider is null");
        requireNonNull(configuredPassword, "configuredPassword is null");
        if (provider.findUser(ADMIN_USERNAME).isPresent()) {
            return Optional.empty();
        }
        String password = configuredPassword.orElseGet(() -> OpaqueTokens.randomUrlSafe(GENERATED_PASSWORD_BYTES));
        try {
            provider.createUser(new NewUser(ADMIN_USERNAME, password, "", true));
        } catch (LakeException e) {
            if (e.code() == ErrorCode.USER_EXISTS) {
                // Another lake process sharing the metadata zone created it first.
                return Optional.empty();
            }
            throw e;
        }
        LOG.info("Created the platform admin user '{}' with a {} password", ADMIN_USERNAME, configuredPassword.isPresent() ? "configured" : "generated");
        return configuredPassword.isPresent() ? Optional.empty() : Optional.of(password);
    }
}
