package org.gaplab.server;

import io.javalin.http.Context;
import org.gaplab.protocol.Json;

/**
 * {@code GET /health}: whether the server is up, how many sessions it holds and how busy they keep it. While the
 * server drains (SIGTERM) it answers 503, so a load balancer's readiness check sends new learners elsewhere.
 */
final class Health {
    private final Classroom room;

    Health(Classroom room) {
        this.room = room;
    }

    void show(Context ctx) {
        ctx.status(room.isStopping() ? 503 : 200).contentType("application/json").result(Json.write(room.health()));
    }
}
