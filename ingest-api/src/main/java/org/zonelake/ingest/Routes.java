package org.zonelake.ingest;

import io.javalin.Javalin;

/** A group of endpoints of the gateway; each group registers its handlers on the app. */
public interface Routes {
    void register(Javalin app);
}
