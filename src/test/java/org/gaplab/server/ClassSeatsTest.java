package org.gaplab.server;

import static org.gaplab.server.ClassLinks.WAIT;
import static org.gaplab.server.ClassSocketTest.SMALL;
import static org.gaplab.server.ClassSocketTest.awaitChart;
import static org.gaplab.server.ClassSocketTest.lastEpoch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whose numbers a class seat records, and who sits on it. */
class ClassSeatsTest {
    @RegisterExtension
    static final RunningApp server = new RunningApp();

    private final ClassLinks links = new ClassLinks(server.port());

    @Test
    void a_run_started_before_the_seat_was_taken_never_reaches_the_class_chart() throws Exception {
        ClassLinks.Created created = links.create("param=l2&values=0.001,0.1&" + SMALL);
        try (Browser teacher = ClassLinks.teach(server.browser(), created); Browser learner = server.browser()) {
            learner.awaitType("hello", WAIT);
            Map<String, Object> foreign = new HashMap<>(Map.of("dataset", "circle", "trainSize", 60, "validationSize", 60,
                    "testSize", 60, "hiddenLayers", List.of(4), "epochs", 3000, "l2", 0.5));
            learner.send(Map.of("type", "start", "config", foreign, "speed", 0));
            learner.awaitType("epoch", WAIT);
            learner.send(Map.of("type", "pause"));
            List<Browser.Received> before = new ArrayList<>();
            learner.await(r -> before.add(r) && r.isEvent("paused"), WAIT, "the learner's pause");
            int pausedAt = lastEpoch(before);

            learner.send(Map.of("type", "join", "class", created.id()));   // seated while the run of l2 = 0.5 waits
            learner.awaitType("class-assignment", WAIT);
            learner.send(Map.of("type", "resume"));
            learner.await(r -> "epoch".equals(r.type()) && lastEpoch(List.of(r)) > pausedAt + 3, WAIT, "epochs after the join");
            learner.send(Map.of("type", "nickname", "nickname", "Later"));   // a chart newer than those epochs
            Map<String, Object> point = ClassLinks.points(awaitChart(teacher, c -> ClassLinks.points(c).size() == 1
                    && "Later".equals(ClassLinks.points(c).get(0).get("nickname")))).get(0);
            assertEquals(0, ((Number) point.get("epoch")).intValue(), "the run of another l2 is not the seat's: " + point);
            assertNull(point.get("validationLoss"), point.toString());
            assertEquals("waiting", point.get("status"), "no run of the class's yet");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_learner_with_a_setting_of_their_own_is_drawn_but_left_out_of_the_median_and_the_best_value() throws Exception {
        ClassLinks.Created created = links.create("param=l2&values=0.001,0.1&" + SMALL);
        try (Browser teacher = ClassLinks.teach(server.browser(), created); Browser learner = server.browser()) {
            Browser.Received assignment = ClassLinks.join(learner, created, "Own");
            Map<String, Object> config = new HashMap<>((Map<String, Object>) assignment.message().get("config"));
            config.put("learningRate", 0.1);   // the class's is the default, 0.03
            learner.send(Map.of("type", "start", "config", config, "speed", 0));
            Map<String, Object> chart = awaitChart(teacher, c -> ClassLinks.points(c).size() == 1
                    && Boolean.TRUE.equals(ClassLinks.points(c).get(0).get("counted")));
            assertEquals(List.of("learningRate"), ClassLinks.points(chart).get(0).get("changed"));
            int index = ((Number) assignment.message().get("index")).intValue();
            Map<String, Object> summary = ((List<Map<String, Object>>) chart.get("summary")).get(index);
            assertEquals(List.of(0, 1), List.of(summary.get("trained"), summary.get("ownSettings")),
                    "the point is not the class's experiment: " + summary);
            assertNull(summary.get("validationLoss"), "no median without a learner on the class's settings");
            assertEquals(-1, chart.get("bestIndex"), "nor a best value");
        }
    }

    @Test
    void a_newcomer_takes_the_seat_of_one_who_left_before_training_and_the_leaver_cannot_take_it_back() throws Exception {
        ClassLinks.Created created = links.create("param=l2&values=0.001,0.1&" + SMALL);
        try (Browser teacher = ClassLinks.teach(server.browser(), created)) {
            Browser passerBy = server.browser();
            Map<String, Object> left = ClassLinks.join(passerBy, created, "Passer").message();
            passerBy.close();
            awaitChart(teacher, c -> ClassLinks.points(c).size() == 1 && "stopped".equals(ClassLinks.points(c).get(0).get("status")));
            try (Browser newcomer = server.browser(); Browser back = server.browser()) {
                Map<String, Object> taken = ClassLinks.join(newcomer, created, "New").message();
                assertEquals(List.of(left.get("learner"), left.get("value"), left.get("seed")),
                        List.of(taken.get("learner"), taken.get("value"), taken.get("seed")),
                        "the empty seat, not a new one on the other value (the seat nobody uses counts for nobody)");
                Map<String, Object> chart = awaitChart(teacher, c -> "New".equals(ClassLinks.points(c).get(0).get("nickname")));
                assertEquals(1, ClassLinks.points(chart).size());

                back.awaitType("hello", WAIT);
                back.send(Map.of("type", "join", "class", created.id(), "seat", left.get("seat")));
                Map<String, Object> again = back.awaitType("class-assignment", WAIT).message();
                assertEquals(2, again.get("learner"), "the old seat's token is void: a new seat");
                assertEquals(((List<?>) left.get("values")).get(1), again.get("value"), "on the value nobody has");
            }
        }
    }

    @Test
    void a_page_whose_seat_another_page_takes_back_is_told_and_trains_on_free_of_the_class() throws Exception {
        ClassLinks.Created created = links.create("param=l2&values=0.001,0.1&" + SMALL);
        try (Browser first = server.browser(); Browser duplicate = server.browser()) {
            Map<String, Object> seat = ClassLinks.join(first, created, "Twin").message();
            duplicate.awaitType("hello", WAIT);
            duplicate.send(Map.of("type", "join", "class", created.id(), "seat", seat.get("seat")));
            assertEquals(seat.get("learner"), duplicate.awaitType("class-assignment", WAIT).message().get("learner"));
            Map<String, Object> told = first.awaitType("error", WAIT).message();
            assertEquals(List.of("seat-moved", "seat"), List.of(told.get("code"), told.get("field")), told.toString());
            first.send(Map.of("type", "start", "config", Map.of("epochs", 3, "l2", 0.5)));
            first.awaitType("epoch", WAIT);   // no longer the class's learner: another value is accepted
        }
    }
}
