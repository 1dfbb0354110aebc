package org.gaplab.server.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings that keep a server on the open web, or behind a school's NAT and a proxy, usable by its class: how
 * much of the memory budget one client address may hold, how many seats of a class, and which host names requests
 * may carry. Each option is a line of {@link ServerSettings}' table; docs/DEPLOY.md's
 * "Threat model" says what each protects.
 *
 * @param maxMemoryPerClient bytes of the memory budget one client address's runs may hold beside its first run
 * @param maxSeatsPerClient  seats one client address may hold in one class (and the burst of its joins)
 * @param publicHosts        host names requests may carry besides IP literals, localhost and --host (DNS rebinding)
 * @param healthToken        the bearer token {@code /health}'s details need, or empty: details for anyone
 */
public record Safeguards(long maxMemoryPerClient, int maxSeatsPerClient, List<String> publicHosts,
                         java.util.Optional<String> healthToken) {

    public Safeguards {
        // Each value was checked by its option (ServerSettings' table); a share of the budget can still come out too small.
        require(maxMemoryPerClient >= 1024 * 1024, "max-memory-per-client", maxMemoryPerClient / (1024 * 1024) + " MB",
                "at least 1 MB");
        publicHosts = List.copyOf(publicHosts);
    }

    /** The limits a page may need, announced in {@code hello}. */
    public Map<String, Object> limits() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxMemoryPerClientBytes", maxMemoryPerClient);
        limits.put("maxSeatsPerClient", maxSeatsPerClient);
        return limits;
    }

    private static void require(boolean ok, String option, Object value, String allowed) {
        if (!ok) throw new IllegalArgumentException("--" + option + ": " + value + " is not allowed; allowed: " + allowed);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Safeguards[maxMemoryPerClient=%d MB, maxSeatsPerClient=%d, publicHosts=%s, healthToken=%s]",
                maxMemoryPerClient / (1024 * 1024), maxSeatsPerClient, publicHosts, healthToken.isPresent() ? "(set)" : "none");
    }
}
