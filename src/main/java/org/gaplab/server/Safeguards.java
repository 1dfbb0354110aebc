package org.gaplab.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaplab.server.safety.PublicHosts;

/**
 * The settings that keep a server on the open web, or behind a school's NAT and a proxy, usable by its class: how
 * much of the memory budget one client address may hold, how many seats of a class, and which host names requests
 * may carry. Each option is declared here once (with its environment
 * variable and default) and read by {@link ServerSettings#parse}; docs/DEPLOY.md's "Threat model" says what each
 * protects.
 *
 * @param maxMemoryPerClient bytes of the memory budget one client address's runs may hold beside its first run
 * @param maxSeatsPerClient  seats one client address may hold in one class (and the burst of its joins)
 * @param publicHosts        host names requests may carry besides IP literals, localhost and --host (DNS rebinding)
 * @param healthToken        the bearer token {@code /health}'s details need, or empty: details for anyone
 */
public record Safeguards(long maxMemoryPerClient, int maxSeatsPerClient, List<String> publicHosts,
                         java.util.Optional<String> healthToken) {

    static final List<ServerSettings.Option> OPTIONS = List.of(
            new ServerSettings.Option("max-memory-per-client", "GAPLAB_MAX_MEMORY_PER_CLIENT", "25%",
                    "memory one client address's runs may hold beside its first: megabytes, or a percentage of the budget"),
            new ServerSettings.Option("max-seats-per-client", "GAPLAB_MAX_SEATS_PER_CLIENT", "10",
                    "seats one client address may hold in one class (raise it when a class shares one address)"),
            new ServerSettings.Option("public-host", "GAPLAB_PUBLIC_HOST", "none",
                    "host names the server answers for besides IP literals, localhost and --host; others get 421"),
            new ServerSettings.Option("health-token", "GAPLAB_HEALTH_TOKEN", "none",
                    "a secret /health's details need (Authorization: Bearer TOKEN); others get only its status"));

    public Safeguards {
        require(maxMemoryPerClient >= 1024 * 1024, "max-memory-per-client", maxMemoryPerClient / (1024 * 1024) + " MB",
                "at least 1 MB");
        require(maxSeatsPerClient >= 1 && maxSeatsPerClient <= 10_000, "max-seats-per-client", maxSeatsPerClient, "1 to 10000");
        publicHosts = List.copyOf(publicHosts);
        for (String name : publicHosts) {
            require(PublicHosts.NAME.matcher(name).matches(), "public-host", name,
                    "host names like gaplab.example.org (no port, no scheme), space separated, or * for any");
        }
        require(healthToken.map(t -> t.matches("[A-Za-z0-9._~+/=-]{16,200}")).orElse(true), "health-token", "(not shown)",
                "16 to 200 letters, digits and . _ ~ + / = -");
    }

    /** The safeguards among the parsed option values; {@code memoryBudget} is what a percentage is of. */
    static Safeguards read(Map<String, String> values, long memoryBudget) {
        return new Safeguards(share(values.get("max-memory-per-client"), memoryBudget),
                ServerSettings.integer(values, "max-seats-per-client"), ServerSettings.words(values.get("public-host")),
                token(values.get("health-token")));
    }

    /** The limits a page may need, announced in {@code hello}. */
    Map<String, Object> limits() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxMemoryPerClientBytes", maxMemoryPerClient);
        limits.put("maxSeatsPerClient", maxSeatsPerClient);
        return limits;
    }

    private static java.util.Optional<String> token(String text) {
        String value = text.trim();
        return value.isEmpty() || value.equals("none") ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    /** Megabytes ("100") or a share of the memory budget ("25%"). */
    private static long share(String text, long memoryBudget) {
        String value = text.trim();
        try {
            if (value.endsWith("%")) {
                double percent = Double.parseDouble(value.substring(0, value.length() - 1));
                if (!(percent > 0 && percent <= 100)) throw new NumberFormatException();
                return (long) (memoryBudget * percent / 100);
            }
            double megabytes = Double.parseDouble(value);
            if (!(megabytes >= 1 && megabytes < 1e9)) throw new NumberFormatException();
            return (long) (megabytes * 1024 * 1024);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-memory-per-client: \"" + value + "\" is not allowed; allowed: "
                    + "megabytes from 1 (e.g. 100) or a percentage of --memory-budget from 0 to 100 (e.g. 25%)");
        }
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
