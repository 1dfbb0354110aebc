package org.gaplab.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.gaplab.data.DataSpec;
import org.gaplab.data.DataSplits;
import org.gaplab.geometry.LandscapeQuery;
import org.gaplab.geometry.LandscapeView;
import org.gaplab.geometry.TwoWeightProblem;
import org.gaplab.lessons.Lessons;
import org.gaplab.protocol.Json;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.TrainingConfig;

/**
 * {@code GET landscape?l1=&l2=&learningRate=&w1=&w2=&steps=&grid=}: the "why L1 gives zeros" view of the lesson's
 * two-weight problem as JSON ({@link LandscapeView}). The λ-independent part (w*, both paths) is solved once per app;
 * a query costs at most grid² loss evaluations and four walks of {@code steps} steps, and at most one query per core
 * runs at a time (the others are told to try again), so no client can ask for much.
 */
public final class LandscapeRoute {
    private static final int LONGEST_VALUE = 32;

    private final Function<DataSpec, DataSplits> datasets;
    private final Semaphore working = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    private TwoWeightProblem problem;

    public LandscapeRoute(Function<DataSpec, DataSplits> datasets) {
        this.datasets = datasets;
    }

    public void show(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((key, values) -> {
            if (!values.isEmpty()) query.put(key, values.get(0));
        });
        if (!working.tryAcquire()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).contentType("application/json")
                    .result(Json.write(Map.of("type", "error", "code", "busy",
                            "message", "every core is drawing a landscape; try again in a moment")));
            return;
        }
        try {
            TwoWeightProblem shown = problem();
            LandscapeQuery asked;
            try {
                query.forEach((key, value) -> {
                    if (value.length() > LONGEST_VALUE) throw new InvalidSettingException(key, value.substring(0, LONGEST_VALUE) + "…",
                            "at most " + LONGEST_VALUE + " characters");
                });
                asked = LandscapeQuery.parse(query, shown);
            } catch (InvalidSettingException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("type", "error");
                error.put("code", "invalid");
                error.put("field", e.field());
                error.put("value", e.value());
                error.put("allowed", e.allowed());
                error.put("message", e.getMessage());
                ctx.status(HttpStatus.BAD_REQUEST).contentType("application/json").result(Json.write(error));
                return;
            }
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("type", "landscape");
            reply.put("view", LandscapeView.of(shown, asked));
            ctx.contentType("application/json").result(Json.write(reply));
        } finally {
            working.release();
        }
    }

    /** The lesson's problem, solved on first use (about a tenth of a second) and kept. */
    private synchronized TwoWeightProblem problem() {
        if (problem == null) {
            DataSplits data = datasets.apply(Lessons.WHY_L1_ZEROS.config().data());
            problem = TwoWeightProblem.of(data.train(), TrainingConfig.L2.max());
        }
        return problem;
    }
}
