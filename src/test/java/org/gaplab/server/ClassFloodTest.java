package org.gaplab.server;

import static org.gaplab.server.ClassLinks.WAIT;
import static org.gaplab.server.ClassSocketTest.SMALL;
import static org.gaplab.server.ClassSocketTest.awaitChart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anyone with a join link may join, but not flood or poison the class (issue 19, point 3): one address holds at most
 * its seats and joins at a bounded rate, a run of one epoch never moves the medians, and the teacher can remove a
 * learner and rename one whose name is a duplicate.
 */
class ClassFloodTest {
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Browser> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--max-seats-per-client", "2"}, Map.of())).start();
    }

    @AfterEach
    void stop() {
        sockets.forEach(Browser::close);
        app.stop();
    }

    /** A learner's socket from this address (the test is loopback, a trusted proxy: X-Forwarded-For names it). */
    private Browser from(String address) {
        Browser browser = Browser.open(http, Browser.socketAddress(app), Map.of("X-Forwarded-For", address));
        sockets.add(browser);
        browser.awaitType("hello", WAIT);
        return browser;
    }

    private static Browser.Received join(Browser learner, ClassLinks.Created created, String nickname) {
        learner.send(Map.of("type", "join", "class", created.id(), "nickname", nickname));
        return learner.await(r -> "class-assignment".equals(r.type()) || "error".equals(r.type()), WAIT, "a seat or a refusal");
    }

    @Test
    void one_address_holds_at_most_its_seats_and_another_address_still_joins() throws Exception {
        ClassLinks.Created created = new ClassLinks(app.port()).create("param=l2&values=0.001,0.1&" + SMALL);
        assertEquals("class-assignment", join(from("203.0.113.7"), created, "A").type());
        assertEquals("class-assignment", join(from("203.0.113.7"), created, "B").type());
        Thread.sleep(1100);   // past the join rate, so only the seats can refuse
        Browser.Received third = join(from("203.0.113.7"), created, "C");
        assertEquals("seats-per-client", third.message().get("code"), third.text());
        assertTrue(String.valueOf(third.message().get("message")).contains("--max-seats-per-client"), third.text());
        assertEquals("class-assignment", join(from("198.51.100.9"), created, "D").type(), "another address is seated");
    }

    @Test
    void joins_from_one_address_are_rate_limited() throws Exception {
        ClassLinks.Created created = new ClassLinks(app.port()).create("param=l2&values=0.001,0.1&" + SMALL);
        // Join and leave before training: the seat stays empty, so only the join rate can stop the loop.
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Browser passer = from("203.0.113.8");
            Browser.Received answer = join(passer, created, "P");
            codes.add(answer.type().equals("error") ? String.valueOf(answer.message().get("code")) : answer.type());
            passer.close();
        }
        assertEquals("class-assignment", codes.get(0));
        assertTrue(codes.contains("overloaded"), "a burst of the address's seats, then at most one join a second: " + codes);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_run_of_one_epoch_and_a_closed_tab_does_not_move_the_medians() throws Exception {
        ClassLinks.Created created = new ClassLinks(app.port()).create("param=l2&values=0.001,0.1&" + SMALL);
        try (Browser teacher = ClassLinks.teach(Browser.open(http, app), created)) {
            Browser poisoner = from("203.0.113.9");
            Browser.Received seat = join(poisoner, created, "Drive by");
            poisoner.send(Map.of("type", "start", "config", seat.message().get("config"), "speed", 1));
            poisoner.awaitType("epoch", WAIT);
            poisoner.close();
            Map<String, Object> chart = awaitChart(teacher, c -> !ClassLinks.points(c).isEmpty()
                    && ((Number) ClassLinks.points(c).get(0).get("epoch")).intValue() >= 1
                    && Boolean.TRUE.equals(ClassLinks.points(c).get(0).get("left")));
            assertFalse((Boolean) ClassLinks.points(chart).get(0).get("counted"), "drawn, not counted");
            int index = ((Number) seat.message().get("index")).intValue();
            Map<String, Object> summary = ((List<Map<String, Object>>) chart.get("summary")).get(index);
            assertEquals(0, summary.get("trained"), summary.toString());
            assertEquals(-1, chart.get("bestIndex"), "one epoch picks no best value");
        }
    }

    @Test
    void the_teacher_removes_a_learner_and_renames_a_duplicate_name() throws Exception {
        ClassLinks.Created created = new ClassLinks(app.port()).create("param=l2&values=0.001,0.1&" + SMALL);
        try (Browser teacher = ClassLinks.teach(Browser.open(http, app), created)) {
            Browser ada = from("203.0.113.10");
            Browser twin = from("203.0.113.11");
            Browser.Received adaSeat = join(ada, created, "Ada");
            int adaNumber = ((Number) adaSeat.message().get("learner")).intValue();
            Browser.Received twinSeat = join(twin, created, "ada");
            int twinNumber = ((Number) twinSeat.message().get("learner")).intValue();
            Map<String, Object> both = awaitChart(teacher, c -> ClassLinks.points(c).size() == 2);
            assertTrue(ClassLinks.points(both).stream().allMatch(p -> Boolean.TRUE.equals(p.get("duplicate"))),
                    "two Adas are marked: " + ClassLinks.points(both));

            teacher.send(Map.of("type", "class-learner", "learner", twinNumber, "action", "rename", "nickname", "Grace"));
            awaitChart(teacher, c -> ClassLinks.points(c).stream().anyMatch(p -> "Grace".equals(p.get("nickname"))
                    && Boolean.FALSE.equals(p.get("duplicate"))));

            teacher.send(Map.of("type", "class-learner", "learner", adaNumber, "action", "remove"));
            Browser.Received told = ada.await(r -> "error".equals(r.type()), WAIT, "the removed learner is told");
            assertEquals("removed", told.message().get("code"));
            Map<String, Object> after = awaitChart(teacher, c -> ClassLinks.points(c).size() == 1);
            assertEquals(twinNumber, ((Number) ClassLinks.points(after).get(0).get("learner")).intValue());
            ada.send(Map.of("type", "join", "class", created.id(), "seat", adaSeat.message().get("seat")));
            Browser.Received back = ada.await(r -> "error".equals(r.type()) || "class-assignment".equals(r.type()), WAIT,
                    "the removed learner's seat token");
            assertEquals("removed", back.message().get("code"), "the removed seat is never taken back: " + back.text());

            twin.send(Map.of("type", "class-learner", "learner", twinNumber, "action", "remove"));
            Browser.Received notTeacher = twin.await(r -> "error".equals(r.type()) && "forbidden".equals(r.message().get("code")),
                    WAIT, "a learner may not remove anyone");
            assertEquals("type", notTeacher.message().get("field"), notTeacher.text());
        }
    }
}
