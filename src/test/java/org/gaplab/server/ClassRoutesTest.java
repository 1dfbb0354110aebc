package org.gaplab.server;

import static org.gaplab.server.ClassSocketTest.SMALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.gaplab.server.classes.ClassExperiments;
import org.gaplab.server.classes.RoomCodes;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP side of making a class: who may make one, how many, and the links that lead to a class. */
class ClassRoutesTest {
    private static final String PLAN = "param=l2&values=0.001,0.1&" + SMALL;
    private static final String WELL_FORMED_ID = "abcdefghijklmnopqrstuv";

    @RegisterExtension
    static final RunningApp server = new RunningApp();

    private final ClassLinks links = new ClassLinks(server.port());

    @Test
    void another_site_makes_no_class_with_its_visitors_browsers() throws Exception {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0"}, Map.of())).start();
        try {
            ClassLinks links = new ClassLinks(app.port());
            // <img src=".../class/new?param=l2&values=..."> on another site, or a chat's link preview: a GET only shows the form.
            HttpResponse<String> image = links.get("class/new?" + PLAN, "Sec-Fetch-Site", "cross-site");
            HttpResponse<String> fixed = links.get("class/new?" + PLAN + "&class=" + WELL_FORMED_ID);
            assertEquals(200, image.statusCode());
            assertTrue(image.body().contains("method=\"post\"") && image.body().contains("Create the class"), image.body());
            assertEquals(200, fixed.statusCode());
            // Another site's form posting to either step is refused, whichever header says where it comes from.
            HttpResponse<String> form = links.post("class/new", PLAN, "Origin", "https://evil.example", "Sec-Fetch-Site", null);
            HttpResponse<String> fixation = links.post("class/new?class=" + WELL_FORMED_ID, PLAN, "Origin", "https://evil.example");
            HttpResponse<String> fetched = links.post("class/new", PLAN, "Origin", null, "Sec-Fetch-Site", "cross-site");
            assertEquals(403, form.statusCode());
            assertEquals(403, fixation.statusCode());
            assertEquals(403, fetched.statusCode());
            assertTrue(form.body().contains("made only from this server"), form.body());
            assertEquals(0, classes(app), "no class was made");
            assertEquals(404, links.get("class/teacher?class=" + WELL_FORMED_ID).statusCode(), "the chosen id is no class");
        } finally {
            app.stop();
        }
    }

    @Test
    void the_first_step_draws_the_id_and_the_second_takes_only_an_id_of_its_form() throws Exception {
        HttpResponse<String> first = links.post("class/new", PLAN);
        assertEquals(307, first.statusCode(), "307: the browser posts the same form again");
        assertTrue(first.headers().firstValue("Location").orElseThrow().matches("new\\?class=[A-Za-z0-9_-]{22}"));
        HttpResponse<String> made = links.post("class/new?class=guessable", PLAN);
        assertEquals(400, made.statusCode());
        assertTrue(made.body().contains("class: guessable is not an id this server draws"), made.body());
        HttpResponse<String> smuggled = links.post("class/new", PLAN + "&class=" + WELL_FORMED_ID);
        assertEquals(400, smuggled.statusCode(), "the id never comes in the form");
        assertTrue(ClassExperiments.ID.matcher(new ClassExperiments(ServerSettings.DEFAULTS).newId()).matches());
    }

    @Test
    void only_claimed_classes_count_in_the_quotas_and_the_clients_of_a_trusted_proxy_count_apart() throws Exception {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--max-classes", "3",
                "--max-classes-per-client", "2"}, Map.of())).start();
        HttpClient http = HttpClient.newHttpClient();
        try (Browser one = Browser.open(http, app); Browser two = Browser.open(http, app)) {
            ClassLinks links = new ClassLinks(app.port());   // this app's: two classes from this address at most
            for (int i = 0; i < 5; i++) links.create(PLAN);   // never opened by a teacher: they lock no one out
            assertEquals(3, classes(app), "unclaimed classes wait in a pool of --max-classes, the oldest making way");
            ClassLinks.teach(one, links.create(PLAN));
            ClassLinks.teach(two, links.create(PLAN));
            HttpResponse<String> first = links.post("class/new", PLAN);
            HttpResponse<String> third = links.post("class/" + first.headers().firstValue("Location").orElseThrow(), PLAN);
            assertEquals(429, third.statusCode());
            assertTrue(third.body().contains("--max-classes-per-client 2"), "the refusal names the limit: " + third.body());

            // The test's own address is loopback, a trusted proxy by default: the address it forwards is the teacher.
            HttpResponse<String> forwarded = links.post("class/" + first.headers().firstValue("Location").orElseThrow(), PLAN,
                    "X-Forwarded-For", "203.0.113.7");
            assertEquals(303, forwarded.statusCode(), forwarded.body());
            assertTrue(forwarded.headers().firstValue("Location").orElseThrow().startsWith("teacher?class="));
        } finally {
            app.stop();
        }
    }

    private static int classes(Javalin app) throws Exception {
        HttpResponse<String> health = new ClassLinks(app.port()).get("health");
        return Integer.parseInt(health.body().replaceAll(".*\"classes\":(\\d+).*", "$1"));
    }

    @Test
    void a_room_code_typed_at_join_leads_to_the_class_while_it_lives_and_tries_are_limited_per_address() throws Exception {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0"}, Map.of())).start();
        try (Browser teacher = Browser.open(HttpClient.newHttpClient(), app)) {
            ClassLinks links = new ClassLinks(app.port());
            ClassLinks.Created created = links.create(PLAN);
            String page = links.get(created.teacherPath()).body();
            java.util.regex.Matcher shown = java.util.regex.Pattern.compile("data-testid=\"class-room-code\"[^>]*>([A-Z0-9]{6})<").matcher(page);
            assertTrue(shown.find(), "the teacher's page shows a six-character room code: " + page);
            String code = shown.group(1);
            assertTrue(code.chars().allMatch(c -> RoomCodes.ALPHABET.indexOf(c) >= 0), "no look-alike characters: " + code);

            HttpResponse<String> form = links.get("join");
            assertEquals(200, form.statusCode());
            assertTrue(form.body().contains("name=\"code\""), form.body());
            HttpResponse<String> typed = links.get("join?code=" + code.toLowerCase().substring(0, 3) + "+" + code.substring(3));
            assertEquals(303, typed.statusCode(), "lower case and a space as a phone types it: " + typed.body());
            assertEquals("./?class=" + created.id(), typed.headers().firstValue("Location").orElseThrow());
            HttpResponse<String> wrong = links.get("join?code=" + (code.startsWith("A") ? "B" : "A") + code.substring(1));
            assertEquals(404, wrong.statusCode());
            assertTrue(wrong.body().contains("code: no class has the code"), wrong.body());

            ClassLinks.teach(teacher, created);
            teacher.send(Map.of("type", "class-control", "action", "end"));
            teacher.await(r -> "class".equals(r.type()) && Boolean.TRUE.equals(r.message().get("ended")), ClassLinks.WAIT, "the end");
            assertEquals(404, links.get("join?code=" + code).statusCode(), "an ended class's code names nothing");

            int refused = 0;
            for (int i = 0; i < RoomCodes.TRIES_BURST + 2; i++) if (links.get("join?code=ZZZZZZ").statusCode() == 429) refused++;
            assertTrue(refused >= 2, "a burst of guesses from one address is refused: " + refused);
            assertTrue(links.get("join?code=ZZZZZZ").body().contains("Too many codes tried"));
        } finally {
            app.stop();
        }
    }
}
