package org.gaplab.server.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.gaplab.protocol.Json;
import org.gaplab.server.session.SessionPool;

/**
 * {@code GET /health}: whether the server is up, how many sessions it holds and how busy they keep it. While the
 * server drains (SIGTERM) it answers 503, so a load balancer's readiness check sends new learners elsewhere. With
 * {@code --health-token} the details (sessions, memory, classes, threads) are the operator's: a request without the
 * token gets only the status, which is all a load balancer needs.
 */
public final class Health {
    private final SessionPool pool;
    private final Optional<byte[]> token;

    public Health(SessionPool pool, Optional<String> token) {
        this.pool = pool;
        this.token = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
    }

    public void show(Context ctx) {
        ctx.status(pool.isStopping() ? 503 : 200).contentType("application/json").header("Cache-Control", "no-store");
        String given = ctx.header("Authorization");
        boolean operator = token.isEmpty()
                || (given != null && MessageDigest.isEqual(token.get(), given.getBytes(StandardCharsets.UTF_8)));
        ctx.result(Json.write(operator ? pool.health() : Map.of("status", pool.isStopping() ? "stopping" : "ok")));
    }
}
