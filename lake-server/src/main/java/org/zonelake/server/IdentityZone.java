package org.zonelake.server;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.zonelake.core.identity.IdentityProvider;
import org.zonelake.identity.AdminBootstrap;
import org.zonelake.identity.BuiltinIdentityProvider;
import org.zonelake.identity.IdentityConfig;
import org.zonelake.identity.keystone.KeystoneIdentityProvider;
import org.zonelake.metadata.MetadataStore;

/**
 * The identity provider configuration chose: the built-in one on the metadata zone (which creates the platform admin
 * on first start and purges expired tokens), or Keystone (whose users and tokens Keystone keeps).
 */
final class IdentityZone implements AutoCloseable {
    private final IdentityProvider provider;
    private final Consumer<Instant> tokenPurge;
    private final AutoCloseable closer;

    private IdentityZone(IdentityProvider provider, Consumer<Instant> tokenPurge, AutoCloseable closer) {
        this.provider = provider;
        this.tokenPurge = tokenPurge;
        this.closer = closer;
    }

    static IdentityZone open(IdentityConfig config, MetadataStore store, Clock clock, PrintStream console) {
        if (config.backend() == IdentityConfig.Backend.KEYSTONE) {
            KeystoneIdentityProvider keystone = new KeystoneIdentityProvider(config.keystone().orElseThrow(), clock);
            return new IdentityZone(keystone, now -> { }, keystone);
        }
        BuiltinIdentityProvider builtin = new BuiltinIdentityProvider(store, clock, config);
        announceAdminPassword(AdminBootstrap.ensureAdmin(builtin, config.adminPassword()), console);
        return new IdentityZone(builtin, builtin::purgeExpiredTokens, () -> { });
    }

    IdentityProvider provider() {
        return provider;
    }

    /** Run by housekeeping: drops expired tokens where the lake keeps them. */
    Consumer<Instant> tokenPurge() {
        return tokenPurge;
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }

    /** The generated password goes to the console only, never to the log files. */
    private static void announceAdminPassword(Optional<String> generated, PrintStream console) {
        generated.ifPresent(password -> console.printf("%n  Created the platform admin 'admin' with the password:  %s%n"
                + "  It is shown only this once: keep it, or set ZONELAKE_ADMIN_PASSWORD before the first start.%n%n", password));
    }
}
