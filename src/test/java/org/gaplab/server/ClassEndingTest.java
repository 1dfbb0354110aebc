package org.gaplab.server;

import static org.gaplab.server.ClassLinks.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;

/** How a class's end reaches its pages when the server holding it drains. */
class ClassEndingTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_draining_server_tells_every_learner_and_the_teacher_that_the_class_ended_for_shutdown_before_it_closes() throws Exception {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--max-seats-per-client", "10"}, Map.of())).start();
        List<Browser> pages = new ArrayList<>();
        try {
            ClassLinks.Created created = new ClassLinks(app.port()).create("param=l2&values=0.0001,0.01&" + ClassSocketTest.SMALL);
            pages.add(ClassLinks.teach(Browser.open(http, app), created));
            for (int i = 0; i < 4; i++) {
                Browser learner = Browser.open(http, app);
                pages.add(learner);
                ClassLinks.startAssigned(learner, ClassLinks.join(learner, created, "L" + i), 20);
                learner.awaitType("epoch", WAIT);
            }
            app.stop();
            for (Browser page : pages) {
                Browser.Received ended = page.await(r -> "class".equals(r.type()) && Boolean.TRUE.equals(r.message().get("ended")),
                        WAIT, "the class's last chart");
                assertEquals("shutdown", ended.message().get("endReason"), ended.message().toString());
                assertEquals(1001, page.awaitClose(WAIT));
            }
        } finally {
            pages.forEach(Browser::close);
        }
    }
}
