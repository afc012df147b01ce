package org.zonelake.raw.swift;

import org.zonelake.core.testing.ItEnvironment;

/**
 * The Swift raw zone through the Keystone-auth proxy of {@code services/swift.sh}: a v3 password token scoped to the
 * lake's project, and the storage URL from the token's catalog.
 */
class SwiftObjectStoreKeystoneIT extends SwiftObjectStoreContract {
    private static final String HOW = "run services/swift.sh start and eval \"$(services/swift.sh env)\"";

    @Override
    protected SwiftConfig serverConfig() {
        return SwiftConfig.keystone(ItEnvironment.require("ZONELAKE_IT_SWIFT_KEYSTONE_AUTH_URL", HOW),
                ItEnvironment.require("ZONELAKE_IT_SWIFT_KEYSTONE_USER", HOW), ItEnvironment.require("ZONELAKE_IT_SWIFT_KEYSTONE_PASSWORD", HOW),
                ItEnvironment.require("ZONELAKE_IT_SWIFT_KEYSTONE_PROJECT", HOW),
                ItEnvironment.optional("ZONELAKE_IT_SWIFT_KEYSTONE_DOMAIN", SwiftConfig.DEFAULT_DOMAIN));
    }
}
