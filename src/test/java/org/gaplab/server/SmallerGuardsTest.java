package org.gaplab.server;

import static org.gaplab.server.ClassSocketTest.SMALL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.gaplab.server.options.ServerSettings;
import org.gaplab.server.safety.LogText;
import org.junit.jupiter.api.Test;

/**
 * The smaller guards of issue 19, point 10: the teacher's page warns when its key crossed the network in clear, the
 * QR code is drawn only for this server's own links, /health's details can be the operator's, a logged value cannot
 * pose as another field, and the page's styles need no inline exception in the content security policy.
 */
class SmallerGuardsTest {
    private static final String TOKEN = "operator-secret-0123456789";

    @Test
    void the_teacher_page_warns_over_plain_http_to_another_machine_and_the_qr_code_draws_only_own_links() throws Exception {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--public-host", "school.example.org"},
                Map.of())).start();
        try {
            ClassLinks links = new ClassLinks(app.port());
            ClassLinks.Created created = links.create("param=l2&values=0.001,0.1&" + SMALL);
            HttpResponse<String> here = links.get(created.teacherPath());
            assertEquals(200, here.statusCode(), here.body());
            assertFalse(here.body().contains("plain-http"), "on this machine: no warning");
            // The test is loopback, a trusted proxy: what it forwards is what a proxy in front would say.
            String overWifi = links.get(created.teacherPath(), "X-Forwarded-Host", "school.example.org").body();
            assertTrue(overWifi.contains("data-testid=\"plain-http\"") && overWifi.contains("unencrypted"), overWifi);
            String overTls = links.get(created.teacherPath(), "X-Forwarded-Host", "school.example.org",
                    "X-Forwarded-Proto", "https").body();
            assertFalse(overTls.contains("plain-http"), "over HTTPS: no warning");

            String own = "http://127.0.0.1:" + app.port() + "/?class=" + created.id();
            String phishing = "https://evil.example/login?class=" + created.id();
            assertEquals(200, links.get(qr(created.id(), own)).statusCode());
            HttpResponse<String> refused = links.get(qr(created.id(), phishing));
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("link to this server"), refused.body());
        } finally {
            app.stop();
        }
    }

    @Test
    void health_details_need_the_operator_token_and_its_status_does_not() throws Exception {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--health-token", TOKEN}, Map.of())).start();
        try {
            ClassLinks links = new ClassLinks(app.port());
            HttpResponse<String> anyone = links.get("health");
            assertEquals(200, anyone.statusCode());
            assertEquals("{\"status\":\"ok\"}", anyone.body());
            assertFalse(links.get("health", "Authorization", "Bearer wrong-secret-0123456789").body().contains("sessions"));
            assertTrue(links.get("health", "Authorization", "Bearer " + TOKEN).body().contains("\"sessions\":0"));
            String csp = anyone.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("style-src 'self';") && !csp.contains("unsafe-inline"), csp);
        } finally {
            app.stop();
        }
    }

    @Test
    void a_logged_value_cannot_pose_as_another_field() {
        assertEquals("\"x event=create class=abc\"", LogText.quote("x event=create class=abc"));
        assertEquals("\"say \\\"hi\\\" \\\\ \\u000a\"", LogText.quote("say \"hi\" \\ \n"));
        assertEquals("null", LogText.quote(null));
    }

    private static String qr(String id, String link) {
        return "class/qr.svg?class=" + id + "&link=" + URLEncoder.encode(link, StandardCharsets.UTF_8);
    }
}
