package org.gaplab.server;

import static org.gaplab.server.ClassSocketTest.SMALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP side of making a class: who may make how many, and the links that lead to a class. */
class ClassRoutesTest {
    private static final String PLAN = "param=l2&values=0.001,0.1&" + SMALL;

    @RegisterExtension
    static final RunningApp server = new RunningApp();

    private final ClassLinks links = new ClassLinks(server.port());

    @Test
    void a_link_with_an_empty_class_key_still_makes_the_class() throws Exception {
        HttpResponse<String> first = links.get("class/new?param=l2&class=&values=0.001,0.1&" + SMALL);
        assertEquals(303, first.statusCode(), first.body());
        HttpResponse<String> second = links.get("class/" + first.headers().firstValue("Location").orElseThrow());
        assertEquals(303, second.statusCode(), second.body());
        String teacher = second.headers().firstValue("Location").orElseThrow();
        assertTrue(teacher.startsWith("teacher?class="), "the class is made, not redirected again: " + teacher);
    }

    @Test
    void the_second_step_takes_only_an_id_of_the_form_the_first_step_draws() throws Exception {
        HttpResponse<String> made = links.get("class/new?" + PLAN + "&class=guessable");
        assertEquals(400, made.statusCode());
        assertTrue(made.body().contains("class: guessable is not an id this server draws"), made.body());
        assertTrue(ClassExperiments.ID.matcher(new ClassExperiments(ServerSettings.DEFAULTS).newId()).matches());
    }

    @Test
    void one_address_holds_at_most_its_share_of_the_classes_and_the_clients_of_a_trusted_proxy_count_apart() throws Exception {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--max-classes-per-client", "2"}, Map.of())).start();
        try {
            ClassLinks links = new ClassLinks(app.port());   // this app's: two classes from this address at most
            links.create(PLAN);
            links.create(PLAN);
            HttpResponse<String> first = links.get("class/new?" + PLAN);
            HttpResponse<String> third = links.get("class/" + first.headers().firstValue("Location").orElseThrow());
            assertEquals(429, third.statusCode());
            assertTrue(third.body().contains("--max-classes-per-client 2"), "the refusal names the limit: " + third.body());

            // The test's own address is loopback, a trusted proxy by default: the address it forwards is the teacher.
            HttpResponse<String> forwarded = links.get("class/" + first.headers().firstValue("Location").orElseThrow(),
                    "X-Forwarded-For", "203.0.113.7");
            assertEquals(303, forwarded.statusCode(), forwarded.body());
            assertTrue(forwarded.headers().firstValue("Location").orElseThrow().startsWith("teacher?class="));
        } finally {
            app.stop();
        }
    }
}
