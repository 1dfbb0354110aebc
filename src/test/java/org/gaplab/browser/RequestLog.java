package org.gaplab.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Every URL a browser requested or opened a socket to, collected from Chrome's network log (which
 * {@link HeadlessChromium} turns on), and which of them left the machine.
 */
final class RequestLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChromeDriver driver;
    private final Set<String> requested = new TreeSet<>();

    RequestLog(ChromeDriver driver) {
        this.driver = driver;
    }

    /**
     * Reads what the browser requested since the last read, adds the URLs the page reported itself (its performance
     * entries), and returns every URL so far.
     */
    Set<String> collect(Collection<String> reportedByThePage) {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (!message.contains("Network.requestWillBeSent") && !message.contains("Network.webSocketCreated")) continue;
            requested.addAll(urlsIn(message));
        }
        requested.addAll(reportedByThePage);
        return requested;
    }

    /** The URLs collected so far that left 127.0.0.1. */
    List<String> remote() {
        return requested.stream().filter(url -> !isLocal(url)).toList();
    }

    /**
     * Only network schemes can leave the machine; data:, blob:, about: and the browser's own chrome: pages (its new
     * tab page at start-up) are served from memory or from the browser itself.
     */
    private static boolean isLocal(String url) {
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!Set.of("http", "https", "ws", "wss", "ftp").contains(scheme)) return true;
        try {
            String host = URI.create(url).getHost();
            return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The request URL of a Chrome network-log event. */
    private static List<String> urlsIn(String message) {
        try {
            var params = JSON.readTree(message).path("message").path("params");
            List<String> urls = new ArrayList<>();
            if (params.has("request")) urls.add(params.path("request").path("url").asText());
            else if (params.has("url")) urls.add(params.path("url").asText());
            return urls;
        } catch (IOException e) {
            return List.of();
        }
    }
}
