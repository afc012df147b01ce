package org.zonelake.raw.swift;

import org.zonelake.core.testing.ItEnvironment;

/** The Swift raw zone through the tempauth proxy of {@code services/swift.sh} (Swift's v1.0 auth). */
class SwiftObjectStoreTempAuthIT extends SwiftObjectStoreContract {
    private static final String HOW = "run services/swift.sh start and eval \"$(services/swift.sh env)\"";

    @Override
    protected SwiftConfig serverConfig() {
        return SwiftConfig.tempAuth(ItEnvironment.require("ZONELAKE_IT_SWIFT_TEMPAUTH_URL", HOW),
                ItEnvironment.require("ZONELAKE_IT_SWIFT_TEMPAUTH_USER", HOW), ItEnvironment.require("ZONELAKE_IT_SWIFT_TEMPAUTH_KEY", HOW));
    }
}
