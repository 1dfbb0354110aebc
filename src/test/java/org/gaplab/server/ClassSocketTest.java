package org.gaplab.server;

import static org.gaplab.server.ClassLinks.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Class experiments over the socket: seats, the class's rules for a learner's run, the teacher's orders. */
class ClassSocketTest {
    /** Small and quick: a learner's run of this trains hundreds of epochs a second at full speed. */
    static final String SMALL = "dataset=circle&trainSize=60&validationSize=60&testSize=60&hiddenLayers=4&epochs=3000";

    @RegisterExtension
    static final RunningApp server = new RunningApp();

    private final ClassLinks links = new ClassLinks(server.port());

    @Test
    void a_class_link_creates_the_class_and_sends_the_teacher_to_its_page_with_the_key_out_of_the_servers_sight() throws Exception {
        ClassLinks.Created created = links.create("param=l2&values=0.0001,0.001,0.01,0.1&" + SMALL);
        assertTrue(created.id().length() >= 22 && created.key().length() >= 22, "128-bit id and key: " + created);
        assertNotEquals(created.id(), created.key());
        HttpResponse<String> page = links.get(created.teacherPath());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-class=\"" + created.id() + "\"") && !page.body().contains(created.key()),
                "the page names the class but not the key");

        assertEquals(404, links.get("class/teacher?class=nosuchclass").statusCode());
        HttpResponse<String> bad = links.post("class/new?class=abcdefghijklmnopqrstuv", "param=l2&values=0.1,7&" + SMALL);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("values: 7.0 is not a valid l2; allowed: a number in [0, 1]"), bad.body());
        HttpResponse<String> form = links.get("class/new?dataset=spiral&l2=0.01");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"dataset\" value=\"spiral\"") && form.body().contains("name=\"param\""),
                "without a setting to vary, the form asks for one and carries the link's settings: " + form.body());
        HttpResponse<String> unknown = links.get("class/new?param=l2&colour=blue");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("Unknown keys in the link: colour"), unknown.body());
    }

    @Test
    void a_sweep_lesson_makes_a_class_over_its_own_values() throws Exception {
        ClassLinks.Created created = links.create("preset=choosing-lambda");
        try (Browser learner = server.browser()) {
            Map<String, Object> assignment = ClassLinks.join(learner, created, "Ada").message();
            assertEquals("l2", assignment.get("param"));
            assertEquals(org.gaplab.lessons.Lessons.CHOOSING_LAMBDA.sweepPlan().values(), assignment.get("values"));
            assertEquals("noisy-features", ((Map<?, ?>) assignment.get("config")).get("dataset"));
        }
    }

    @Test
    void a_class_over_initializers_gives_names_on_a_category_axis() throws Exception {
        ClassLinks.Created created = links.create("param=init&values=zeros,he-normal,too-large&" + SMALL);
        try (Browser learner = server.browser()) {
            Map<String, Object> assignment = ClassLinks.join(learner, created, "Cat").message();
            assertEquals("category", assignment.get("axis"));
            assertEquals(List.of("zeros", "he-normal", "too-large"), assignment.get("values"));
            assertEquals("zeros", ((Map<?, ?>) assignment.get("config")).get("init"));
        }
        HttpResponse<String> bad = links.post("class/new?class=abcdefghijklmnopqrstuv", "param=init&values=zeros,golden");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("values: golden is not a valid init"), bad.body());
    }

    @Test
    void learners_are_spread_evenly_and_two_on_one_value_train_different_seeds() throws Exception {
        ClassLinks.Created created = links.create("param=l2&values=0.0001,0.001,0.01,0.1&" + SMALL);
        List<Browser> learners = new ArrayList<>();
        try {
            Map<Object, List<Number>> seedsByValue = new HashMap<>();
            for (int i = 0; i < 8; i++) {
                Browser learner = server.browser();
                learners.add(learner);
                Map<String, Object> a = ClassLinks.join(learner, created, "L" + i).message();
                assertEquals(a.get("value"), ((Map<?, ?>) a.get("config")).get("l2"), "the config carries the value");
                assertEquals(a.get("seed"), ((Map<?, ?>) a.get("config")).get("seed"));
                seedsByValue.computeIfAbsent(a.get("value"), v -> new ArrayList<>()).add((Number) a.get("seed"));
            }
            assertEquals(4, seedsByValue.size());
            for (List<Number> seeds : seedsByValue.values()) {
                assertEquals(2, seeds.size(), "two learners per value: " + seedsByValue);
                assertNotEquals(seeds.get(0), seeds.get(1), "different seeds on one value: " + seedsByValue);
            }
            assertEquals(1, seedsByValue.values().stream().map(s -> s.get(0)).distinct().count(),
                    "the first learner on each value shares the seed, as a sweep's runs do: " + seedsByValue);
        } finally {
            learners.forEach(Browser::close);
        }
    }

    @Test
    void a_small_class_is_handed_both_ends_of_the_grid_first_then_its_middle() throws Exception {
        ClassLinks.Created created = links.create("preset=choosing-lambda");
        List<?> grid = org.gaplab.lessons.Lessons.CHOOSING_LAMBDA.sweepPlan().values();
        assertEquals(8, grid.size(), "the lesson's grid this test reads: " + grid);
        List<Browser> learners = new ArrayList<>();
        List<Object> handedOut = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Browser learner = server.browser();
                learners.add(learner);
                handedOut.add(ClassLinks.join(learner, created, "L" + i).message().get("value"));
            }
            assertEquals(List.of(grid.get(0), grid.get(7), grid.get(3)), handedOut.subList(0, 3),
                    "three learners: both ends and the middle");
            assertEquals(List.of(grid.get(0), grid.get(7), grid.get(3), grid.get(1), grid.get(5), grid.get(2)), handedOut,
                    "then each gap halved, never two on a value while one is empty");
        } finally {
            learners.forEach(Browser::close);
        }
    }

    @Test
    void a_learners_run_keeps_the_assigned_value_and_seed_and_a_refusal_leaves_the_session_working() throws Exception {
        ClassLinks.Created created = links.create("param=l2&values=0.001,0.1&" + SMALL);
        try (Browser teacher = ClassLinks.teach(server.browser(), created); Browser learner = server.browser()) {
            Browser.Received assignment = ClassLinks.join(learner, created, "Bo");
            Map<String, Object> config = new HashMap<>(config(assignment));
            config.put("l2", 0.5);
            learner.send(Map.of("type", "start", "config", config));
            Map<String, Object> error = learner.awaitType("error", WAIT).message();
            assertEquals("fixed", error.get("code"));
            assertEquals("l2", error.get("field"));
            assertTrue(((String) error.get("allowed")).startsWith(String.valueOf(assignment.message().get("value"))), error.toString());

            config.put("l2", assignment.message().get("value"));
            config.put("learningRate", 0.1);   // anything else is the learner's to choose
            learner.send(Map.of("type", "start", "config", config, "speed", 0));
            learner.awaitType("epoch", WAIT);
            learner.send(Map.of("type", "update", "config", Map.of("l2", 0.2)));
            assertEquals("l2", learner.awaitType("error", WAIT).message().get("field"));
            learner.send(Map.of("type", "compare", "config", config, "changes", Map.of("dropout", 0.5)));
            assertEquals("type", learner.awaitType("error", WAIT).message().get("field"));

            teacher.send(Map.of("type", "class-control", "action", "lock"));
            Map<String, Object> hidden = new HashMap<>(config(assignment));
            hidden.put("hiddenLayers", List.of(8));
            awaitChart(teacher, chart -> Boolean.TRUE.equals(chart.get("locked")));
            learner.send(Map.of("type", "start", "config", hidden));
            Map<String, Object> locked = learner.await(r -> "error".equals(r.type()), WAIT, "a refusal").message();
            assertEquals("hiddenLayers", locked.get("field"));
            learner.send(Map.of("type", "update", "speed", 5));   // the pace stays the learner's
            learner.awaitEvent("updated", WAIT);
        }
    }

    @Test
    void the_teachers_pause_stops_every_run_after_its_epoch_and_resume_runs_them_again() throws Exception {
        ClassLinks.Created created = links.create("param=l2&values=0.001,0.1&" + SMALL);
        List<Browser> learners = new ArrayList<>();
        List<List<Browser.Received>> seen = new ArrayList<>();
        try (Browser teacher = ClassLinks.teach(server.browser(), created)) {
            for (int i = 0; i < 3; i++) {
                Browser learner = server.browser();
                learners.add(learner);
                ClassLinks.startAssigned(learner, ClassLinks.join(learner, created, "P" + i), 20);
                seen.add(new ArrayList<>(List.of(learner.awaitType("epoch", WAIT))));
            }
            teacher.send(Map.of("type", "class-control", "action", "pause"));
            List<Integer> pausedAt = new ArrayList<>();
            for (int i = 0; i < learners.size(); i++) {
                List<Browser.Received> before = seen.get(i);
                learners.get(i).await(r -> { before.add(r); return r.isEvent("paused"); }, WAIT, "the class's pause");
                pausedAt.add(lastEpoch(before));
            }
            for (int i = 0; i < learners.size(); i++) {
                List<Browser.Received> after = learners.get(i).collect(Duration.ofMillis(1500));
                assertTrue(after.stream().noneMatch(r -> "epoch".equals(r.type())), "learner " + i + " trained on after the pause");
                learners.get(i).send(Map.of("type", "resume"));
                assertEquals("class-paused", learners.get(i).awaitType("error", WAIT).message().get("code"));
            }
            Map<String, Object> chart = awaitChart(teacher, c -> Boolean.TRUE.equals(c.get("paused"))
                    && ClassLinks.points(c).stream().allMatch(p -> "paused".equals(p.get("status"))));
            assertEquals(pausedAt, ClassLinks.points(chart).stream().map(p -> ((Number) p.get("epoch")).intValue()).toList(),
                    "the chart shows each run where it stopped");

            teacher.send(Map.of("type", "class-control", "action", "resume"));
            for (int i = 0; i < learners.size(); i++) {
                int stopped = pausedAt.get(i);
                learners.get(i).awaitEvent("resumed", WAIT);
                learners.get(i).await(r -> "epoch".equals(r.type()) && lastEpoch(List.of(r)) > stopped, WAIT, "epochs again");
            }
        } finally {
            learners.forEach(Browser::close);
        }
    }

    @Test
    void the_teachers_restart_runs_every_learner_from_epoch_zero_even_one_who_had_not_started() throws Exception {
        ClassLinks.Created created = links.create("param=dropout&values=0,0.3&" + SMALL);
        try (Browser teacher = ClassLinks.teach(server.browser(), created); Browser started = server.browser();
             Browser waiting = server.browser()) {
            ClassLinks.startAssigned(started, ClassLinks.join(started, created, "Ran"), 20);
            started.await(r -> "epoch".equals(r.type()) && lastEpoch(List.of(r)) > 5, WAIT, "a few epochs");
            ClassLinks.join(waiting, created, "Waited");
            teacher.send(Map.of("type", "class-control", "action", "restart"));
            assertEquals("reset", started.awaitType("started", WAIT).message().get("reason"));
            assertEquals("start", waiting.awaitType("started", WAIT).message().get("reason"));
            for (Browser learner : List.of(started, waiting)) {
                learner.await(r -> "epoch".equals(r.type()) && lastEpoch(List.of(r)) > 3, WAIT, "training after the restart");
            }
        }
    }

    @Test
    void only_the_teacher_key_controls_the_class_and_bad_class_messages_name_their_field() throws Exception {
        ClassLinks.Created created = links.create("param=l2&values=0.001,0.1&" + SMALL);
        try (Browser stranger = server.browser(); Browser teacher = ClassLinks.teach(server.browser(), created)) {
            stranger.awaitType("hello", WAIT);
            stranger.send(Map.of("type", "teach", "class", created.id(), "key", created.key() + "x"));
            Map<String, Object> refused = stranger.awaitType("error", WAIT).message();
            assertEquals("forbidden", refused.get("code"));
            assertEquals("key", refused.get("field"));
            stranger.send(Map.of("type", "class-control", "action", "end"));
            assertEquals("forbidden", stranger.awaitType("error", WAIT).message().get("code"));
            stranger.send(Map.of("type", "join", "nickname", "x"));
            assertEquals("class", stranger.awaitType("error", WAIT).message().get("field"));
            stranger.send(Map.of("type", "join", "class", created.id(), "nickname", "<script>"));
            Map<String, Object> nickname = stranger.awaitType("error", WAIT).message();
            assertEquals("nickname", nickname.get("field"));
            assertTrue(((String) nickname.get("allowed")).contains("24 letters"), nickname.toString());
            teacher.send(Map.of("type", "class-control", "action", "dance"));
            Map<String, Object> action = teacher.awaitType("error", WAIT).message();
            assertEquals("action", action.get("field"));
            assertTrue(((String) action.get("allowed")).contains("pause"), action.toString());
            stranger.send(Map.of("type", "start", "config", Map.of("epochs", 3)));
            stranger.awaitType("epoch", WAIT);   // the session survived every refusal
        }
    }

    @Test
    void a_learner_who_leaves_keeps_the_point_marked_stopped_and_an_ended_class_says_so() throws Exception {
        ClassLinks.Created created = links.create("param=l2&values=0.001,0.1&" + SMALL);
        try (Browser teacher = ClassLinks.teach(server.browser(), created)) {
            Browser leaver = server.browser();
            ClassLinks.startAssigned(leaver, ClassLinks.join(leaver, created, "Gone"), 0);
            leaver.await(r -> "epoch".equals(r.type()) && lastEpoch(List.of(r)) > 3, WAIT, "a few epochs");
            leaver.close();
            Map<String, Object> chart = awaitChart(teacher, c -> ClassLinks.points(c).size() == 1
                    && "stopped".equals(ClassLinks.points(c).get(0).get("status")));
            Map<String, Object> point = ClassLinks.points(chart).get(0);
            assertEquals(true, point.get("left"));
            assertTrue(((Number) point.get("epoch")).intValue() > 3 && point.get("validationLoss") instanceof Number, point.toString());

            teacher.send(Map.of("type", "class-control", "action", "end"));
            Map<String, Object> last = awaitChart(teacher, c -> Boolean.TRUE.equals(c.get("ended")));
            assertEquals("teacher", last.get("endReason"));
            assertEquals(1, ClassLinks.points(last).size(), "the final chart keeps every point");
            try (Browser late = server.browser()) {
                late.awaitType("hello", WAIT);
                late.send(Map.of("type", "join", "class", created.id()));
                assertEquals("class-ended", late.awaitType("error", WAIT).message().get("code"));
                late.send(Map.of("type", "join", "class", "NoSuchClass"));
                assertEquals("no-class", late.awaitType("error", WAIT).message().get("code"));
            }
            assertEquals(410, links.get(created.teacherPath()).statusCode());
        }
    }

    @Test
    void a_class_ends_by_itself_when_its_time_is_up_and_its_pages_are_told() throws Exception {
        io.javalin.Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--class-ttl", "2"}, Map.of())).start();
        try {
            ClassLinks.Created created = new ClassLinks(app.port()).create("param=l2&values=0.001,0.1&" + SMALL);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            try (Browser teacher = ClassLinks.teach(Browser.open(http, app), created);
                 Browser learner = Browser.open(http, app)) {
                Browser.Received assignment = ClassLinks.join(learner, created, "Late");
                Map<String, Object> last = awaitChart(teacher, c -> Boolean.TRUE.equals(c.get("ended")));
                assertEquals("expired", last.get("endReason"));
                learner.await(r -> "class".equals(r.type()) && Boolean.TRUE.equals(r.message().get("ended")), WAIT, "the learner told");
                Map<String, Object> free = new HashMap<>(config(assignment));
                free.put("l2", 0.5);
                learner.send(Map.of("type", "start", "config", free));
                assertEquals(0.5, ((Map<?, ?>) learner.awaitType("started", WAIT).message().get("config")).get("l2"),
                        "the class's rules end with it: another value is the learner's to train");
                learner.send(Map.of("type", "join", "class", created.id()));
                assertEquals("class-ended", learner.awaitType("error", WAIT).message().get("code"));
            }
        } finally {
            app.stop();
        }
    }

    @Test
    void ending_a_paused_class_lets_the_runs_it_paused_go_on() throws Exception {
        ClassLinks.Created created = links.create("param=l2&values=0.001,0.1&" + SMALL);
        try (Browser teacher = ClassLinks.teach(server.browser(), created); Browser learner = server.browser()) {
            ClassLinks.startAssigned(learner, ClassLinks.join(learner, created, "Held"), 20);
            learner.awaitType("epoch", WAIT);
            teacher.send(Map.of("type", "class-control", "action", "pause"));
            List<Browser.Received> before = new ArrayList<>();
            learner.await(r -> before.add(r) && r.isEvent("paused"), WAIT, "the class's pause");
            int pausedAt = lastEpoch(before);
            teacher.send(Map.of("type", "class-control", "action", "end"));
            learner.awaitEvent("resumed", WAIT);
            learner.await(r -> "epoch".equals(r.type()) && lastEpoch(List.of(r)) > pausedAt, WAIT, "epochs after the class");
        }
    }

    private static Map<String, Object> config(Browser.Received assignment) {
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) assignment.message().get("config");
        return config;
    }

    static Map<String, Object> awaitChart(Browser teacher, java.util.function.Predicate<Map<String, Object>> wanted) {
        return teacher.await(r -> "class".equals(r.type()) && r.message().get("points") != null && wanted.test(r.message()),
                WAIT, "a class chart").message();
    }

    static int lastEpoch(List<Browser.Received> messages) {
        int last = -1;
        for (Browser.Received r : messages) {
            if (!"epoch".equals(r.type())) continue;
            for (Map<String, Object> e : r.epochs()) last = Math.max(last, ((Number) e.get("epoch")).intValue());
        }
        return last;
    }
}
