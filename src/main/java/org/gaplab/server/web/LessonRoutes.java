package org.gaplab.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gaplab.engine.Backend;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.LessonSchema;
import org.gaplab.lessons.Lessons;
import org.gaplab.protocol.Json;
import org.gaplab.view.LessonGallery;

/** {@code /lessons} (the gallery and its embed builder), {@code /lessons/schema.json} and each lesson's picture. */
public final class LessonRoutes implements AutoCloseable {
    /** Requests that may wait at once for a picture still being drawn; more are told to come back. */
    static final int MAX_WAITING = 8;
    static final int WAIT_SECONDS = 60;

    private final LessonPictures pictures;
    private final Semaphore waiting = new Semaphore(MAX_WAITING);
    private final String schema = Json.write(LessonSchema.schema());

    public LessonRoutes(Backend backend) {
        this.pictures = new LessonPictures(backend);
    }

    public void gallery(Context ctx) {
        // Its own preview frames /embed, which is this server's: frames of 'self' only.
        ctx.header("Content-Security-Policy", SecurityHeaders.policy("'self'").replace("default-src 'self';",
                "default-src 'self'; frame-src 'self';"));
        ctx.contentType("text/html; charset=utf-8").result(LessonGallery.page());
    }

    public void schema(Context ctx) {
        ctx.contentType("application/schema+json").result(schema);
    }

    public void picture(Context ctx) {
        Optional<Lesson> lesson = Lessons.find(ctx.pathParam("id")).filter(l -> l.view() == null);
        if (lesson.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("no lesson with a run has this id");
            return;
        }
        CompletableFuture<String> picture = pictures.of(lesson.get());
        boolean held = !picture.isDone() && waiting.tryAcquire();
        if (!held && !picture.isDone()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10").result("the pictures are being drawn");
            return;
        }
        try {
            String svg = picture.get(WAIT_SECONDS, TimeUnit.SECONDS);
            ctx.header("Cache-Control", "max-age=3600").contentType("image/svg+xml").result(svg);
        } catch (TimeoutException e) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10").result("this lesson's picture is still being drawn");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // the server is stopping
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).result("this server is stopping");
        } catch (java.util.concurrent.ExecutionException e) {
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result("this lesson's run failed: " + e.getCause().getMessage());
        } finally {
            if (held) waiting.release();
        }
    }

    @Override
    public void close() {
        pictures.close();
    }
}
