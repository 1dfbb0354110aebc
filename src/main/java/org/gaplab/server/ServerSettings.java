package org.gaplab.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Precision;
import org.gaplab.server.safety.AddressRange;
import org.gaplab.server.safety.Clients;
import org.gaplab.server.safety.RunLimits;
import org.gaplab.server.session.Inbox;

/**
 * How one GapLab server runs: where it listens, how many threads train, and the limits that keep one classroom's
 * sessions from starving each other, the machine or its memory, and other websites out (docs/DEPLOY.md explains
 * each). Read from command-line options and environment variables by {@link #parse}; options win over the
 * environment.
 *
 * @param workers              threads that train; every session's epochs share them in time slices
 * @param frameRate            epoch frames per second per session, at most
 * @param slice                how long a session trains before it yields its thread to the next session
 * @param maxSessionsPerClient sockets one client address may hold at once
 * @param maxMessageBytes      the largest client message the transport accepts (larger ones close the socket)
 * @param memoryBudget         bytes every session's runs and datasets may hold together (a shared dataset counts once)
 * @param maxPendingEpochs     epochs a session may produce ahead of a browser that reads slowly before it waits
 * @param idleTimeout          a session that is not training and hears nothing for this long is closed
 * @param startTimeout         a socket that has started nothing for this long is closed, giving its slot back
 * @param pingInterval         how often every socket is pinged, so proxies keep quiet connections open
 * @param stallTimeout         a browser that has not accepted a frame for this long is disconnected
 * @param frameAncestors       the CSP frame-ancestors source list that may embed {@code /embed} ("*": anyone)
 * @param allowedOrigins       origins besides the page's own whose pages may open the training socket
 * @param trustedProxies       addresses (or CIDR ranges) whose {@code X-Forwarded-For} names the real client
 * @param webDirectory         browser files served from this directory instead of the jar (for development), or none
 * @param backend              where every session's matrix products run (OpenBLAS or the Java kernels)
 * @param precision            what every session computes in (float32, or the float64 reference)
 * @param maxClassSize         learners one class experiment may seat (one who leaves after training keeps a seat)
 * @param classTtl             how long a class experiment lives before it ends by itself
 * @param maxClasses           class experiments this server holds at once
 * @param maxClassesPerClient  live class experiments one client address may have created
 * @param safeguards           what keeps the open web and one greedy client from taking a class's resources
 * @param lessonsDirectory     a directory of the operator's lesson files (docs/LESSONS.md) added to the built-in ones
 * @param lessonsOverride      whether a lesson file there may replace the built-in lesson of its id
 */
public record ServerSettings(String host, int port, int workers, double frameRate, Duration slice, int maxSessions,
                             int maxSessionsPerClient, int maxMessageBytes, int maxEpochs, long memoryBudget,
                             int maxPendingEpochs, Duration idleTimeout, Duration startTimeout, Duration pingInterval,
                             Duration stallTimeout, String frameAncestors, List<String> allowedOrigins,
                             List<String> trustedProxies, Optional<Path> webDirectory, Backend backend, Precision precision, int maxClassSize,
                             Duration classTtl, int maxClasses, int maxClassesPerClient, Safeguards safeguards,
                             Optional<Path> lessonsDirectory, boolean lessonsOverride) {

    /** The most a message may be: a config with every key is about 2 KB, a sweep's values a few hundred bytes more. */
    public static final int LARGEST_MESSAGE_LIMIT = 1024 * 1024;

    /** One command-line option with its environment variable and its default. */
    record Option(String name, String environment, String defaultValue, String description) {
        String flag() { return "--" + name; }
    }

    static final List<Option> OPTIONS = java.util.stream.Stream.of(java.util.stream.Stream.of(
            new Option("host", "GAPLAB_HOST", "127.0.0.1", "address to listen on (0.0.0.0: every interface)"),
            new Option("port", "GAPLAB_PORT", "7070", "port to listen on (0: any free port)"),
            new Option("workers", "GAPLAB_WORKERS", String.valueOf(Runtime.getRuntime().availableProcessors()),
                    "threads that train (default: one per core)"),
            new Option("frame-rate", "GAPLAB_FRAME_RATE", "20", "epoch frames per second per session, at most"),
            new Option("slice-ms", "GAPLAB_SLICE_MS", "20", "milliseconds a session trains before yielding its thread"),
            new Option("max-sessions", "GAPLAB_MAX_SESSIONS", "60", "concurrent sessions; one more is told busy"),
            new Option("max-sessions-per-client", "GAPLAB_MAX_SESSIONS_PER_CLIENT", "10",
                    "sessions one client address may hold (raise it when a class shares one address)"),
            new Option("max-message-bytes", "GAPLAB_MAX_MESSAGE_BYTES", "16384",
                    "largest client message; a larger one closes its socket (1009)"),
            new Option("max-epochs", "GAPLAB_MAX_EPOCHS", "10000", "epochs a run may ask for"),
            new Option("memory-budget", "GAPLAB_MEMORY_BUDGET", "60%",
                    "heap all runs and datasets may hold together: megabytes, or a percentage of the maximum heap"),
            new Option("max-pending-epochs", "GAPLAB_MAX_PENDING_EPOCHS", "1000",
                    "epochs a session may run ahead of a slow browser before it waits"),
            new Option("idle-timeout", "GAPLAB_IDLE_TIMEOUT", "900",
                    "seconds a session that is not training may stay silent before it is closed"),
            new Option("start-timeout", "GAPLAB_START_TIMEOUT", "30",
                    "seconds a socket may stay without starting anything before it gives its slot back"),
            new Option("ping-interval", "GAPLAB_PING_INTERVAL", "20", "seconds between pings to every socket"),
            new Option("stall-timeout", "GAPLAB_STALL_TIMEOUT", "30",
                    "seconds a browser may leave a frame unaccepted before it is disconnected"),
            new Option("frame-ancestors", "GAPLAB_FRAME_ANCESTORS", "*",
                    "origins allowed to embed /embed in an iframe, space separated (*: any)"),
            new Option("allowed-origins", "GAPLAB_ALLOWED_ORIGINS", "none",
                    "origins besides the page's own (and --frame-ancestors') whose pages may open the socket"),
            new Option("trusted-proxies", "GAPLAB_TRUSTED_PROXIES", "127.0.0.1/8 ::1",
                    "proxies whose X-Forwarded-For names the client: addresses or CIDR ranges (none: trust none)"),
            new Option("web-dir", "GAPLAB_WEB_DIR", "none",
                    "serve the browser files from this directory instead of the jar (for development; none: the jar's)"),
            new Option("backend", "GAPLAB_BACKEND", "auto",
                    "matrix products: blas (OpenBLAS), java, or auto (blas when its natives load)"),
            new Option("precision", "GAPLAB_PRECISION", Precision.preferred().configName(),
                    "what training computes in: f32, or f64 (the reference; -Dgaplab.precision sets the default)"),
            new Option("max-class-size", "GAPLAB_MAX_CLASS_SIZE", "60", "learners one class experiment may seat"),
            new Option("class-ttl", "GAPLAB_CLASS_TTL", "10800", "seconds a class experiment lives before it ends by itself"),
            new Option("max-classes", "GAPLAB_MAX_CLASSES", "10", "class experiments this server holds at once"),
            new Option("max-classes-per-client", "GAPLAB_MAX_CLASSES_PER_CLIENT", "3",
                    "live class experiments one client address may create (raise it when teachers share one address)")),
            Safeguards.OPTIONS.stream(), java.util.stream.Stream.of(
            new Option("lessons-dir", "GAPLAB_LESSONS_DIR", "none",
                    "a directory of lesson files (*.json, docs/LESSONS.md) added to the lesson menu; a bad file is refused by name"),
            new Option("lessons-override", "GAPLAB_LESSONS_OVERRIDE", "false",
                    "true: a lesson file may replace the built-in lesson of its id"))).flatMap(s -> s).toList();

    /** The settings with every default: 127.0.0.1:7070. */
    public static final ServerSettings DEFAULTS = parse(new String[0], Map.of());

    public ServerSettings {
        require(!host.isBlank(), "host", host, "an address or host name");
        require(port >= 0 && port <= 65535, "port", port, "0 to 65535");
        require(workers >= 1 && workers <= 64, "workers", workers, "1 to 64");
        require(frameRate >= 1 && frameRate <= 60, "frame-rate", frameRate, "1 to 60");
        require(!slice.isNegative() && slice.toMillis() >= 1 && slice.toMillis() <= 1000, "slice-ms", slice.toMillis(), "1 to 1000");
        require(maxSessions >= 1 && maxSessions <= 10_000, "max-sessions", maxSessions, "1 to 10000");
        require(maxSessionsPerClient >= 1 && maxSessionsPerClient <= 10_000, "max-sessions-per-client",
                maxSessionsPerClient, "1 to 10000");
        require(maxMessageBytes >= 1024 && maxMessageBytes <= LARGEST_MESSAGE_LIMIT, "max-message-bytes",
                maxMessageBytes, "1024 to " + LARGEST_MESSAGE_LIMIT);
        require(maxEpochs >= 1 && maxEpochs <= 100_000, "max-epochs", maxEpochs, "1 to 100000");
        require(memoryBudget >= 16L * 1024 * 1024, "memory-budget", memoryBudget / (1024 * 1024) + " MB", "at least 16 MB");
        require(maxPendingEpochs >= 10 && maxPendingEpochs <= 1_000_000, "max-pending-epochs", maxPendingEpochs, "10 to 1000000");
        require(isPositive(idleTimeout), "idle-timeout", idleTimeout, "a positive number of seconds");
        require(isPositive(startTimeout), "start-timeout", startTimeout, "a positive number of seconds");
        require(isPositive(pingInterval), "ping-interval", pingInterval, "a positive number of seconds");
        require(isPositive(stallTimeout), "stall-timeout", stallTimeout, "a positive number of seconds");
        // The value goes into a response header: one line, no directive separator.
        require(!frameAncestors.isBlank() && frameAncestors.chars().noneMatch(c -> c == ';' || c == ',' || c < ' '),
                "frame-ancestors", frameAncestors, "CSP sources separated by spaces, e.g. \"https://lms.example.org\"");
        allowedOrigins = List.copyOf(allowedOrigins);
        for (String origin : allowedOrigins) {
            require(Clients.isOrigin(origin), "allowed-origins", origin, "origins like https://lms.example.org, space separated");
        }
        require(maxClassSize >= 1 && maxClassSize <= 10_000, "max-class-size", maxClassSize, "1 to 10000");
        require(isPositive(classTtl), "class-ttl", classTtl, "a positive number of seconds");
        require(maxClasses >= 1 && maxClasses <= 1000, "max-classes", maxClasses, "1 to 1000");
        require(maxClassesPerClient >= 1 && maxClassesPerClient <= 1000, "max-classes-per-client", maxClassesPerClient, "1 to 1000");
        trustedProxies = List.copyOf(trustedProxies);
        for (String proxy : trustedProxies) {
            require(AddressRange.parse(proxy).isPresent(), "trusted-proxies", proxy,
                    "addresses or CIDR ranges like 10.0.0.0/8, space separated, or none");
        }
    }

    /**
     * Reads {@code --name value} or {@code --name=value} options over {@code GAPLAB_*} environment variables over the
     * defaults. Throws {@link IllegalArgumentException} naming the option for anything unknown or out of range.
     */
    public static ServerSettings parse(String[] args, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        for (Option option : OPTIONS) {
            values.put(option.name(), Optional.ofNullable(environment.get(option.environment())).orElse(option.defaultValue()));
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument \"" + arg + "\"");
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (!values.containsKey(name)) throw new IllegalArgumentException("unknown option --" + name);
            if (equals >= 0) {
                values.put(name, arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        return new ServerSettings(values.get("host"), integer(values, "port"), integer(values, "workers"),
                number(values, "frame-rate"), Duration.ofMillis(integer(values, "slice-ms")),
                integer(values, "max-sessions"), integer(values, "max-sessions-per-client"),
                integer(values, "max-message-bytes"), integer(values, "max-epochs"), budget(values.get("memory-budget")),
                integer(values, "max-pending-epochs"), seconds(values, "idle-timeout"), seconds(values, "start-timeout"),
                seconds(values, "ping-interval"), seconds(values, "stall-timeout"), values.get("frame-ancestors").trim(),
                words(values.get("allowed-origins")), words(values.get("trusted-proxies")), webDirectory(values.get("web-dir")),
                backend(values.get("backend")), precision(values.get("precision")), integer(values, "max-class-size"), seconds(values, "class-ttl"),
                integer(values, "max-classes"), integer(values, "max-classes-per-client"),
                Safeguards.read(values, budget(values.get("memory-budget"))), lessonsDirectory(values.get("lessons-dir")),
                flag(values, "lessons-override"));
    }

    /** One line per option, for {@code --help}. */
    public static String usage() {
        StringBuilder text = new StringBuilder("Options (each also read from its environment variable):\n");
        for (Option o : OPTIONS) {
            text.append(String.format(Locale.ROOT, "  %-22s %-26s %s (default %s)%n", o.flag() + " VALUE",
                    o.environment(), o.description(), o.defaultValue()));
        }
        return text.toString();
    }

    public ServerSettings withPort(int value) {
        return new ServerSettings(host, value, workers, frameRate, slice, maxSessions, maxSessionsPerClient,
                maxMessageBytes, maxEpochs, memoryBudget, maxPendingEpochs, idleTimeout, startTimeout, pingInterval,
                stallTimeout, frameAncestors, allowedOrigins, trustedProxies, webDirectory, backend, precision, maxClassSize, classTtl,
                maxClasses, maxClassesPerClient, safeguards, lessonsDirectory, lessonsOverride);
    }

    public ServerSettings withMaxSessions(int value) {
        return new ServerSettings(host, port, workers, frameRate, slice, value, maxSessionsPerClient, maxMessageBytes,
                maxEpochs, memoryBudget, maxPendingEpochs, idleTimeout, startTimeout, pingInterval, stallTimeout,
                frameAncestors, allowedOrigins, trustedProxies, webDirectory, backend, precision, maxClassSize, classTtl, maxClasses,
                maxClassesPerClient, safeguards, lessonsDirectory, lessonsOverride);
    }

    public ServerSettings withMaxSessionsPerClient(int value) {
        return new ServerSettings(host, port, workers, frameRate, slice, maxSessions, value, maxMessageBytes, maxEpochs,
                memoryBudget, maxPendingEpochs, idleTimeout, startTimeout, pingInterval, stallTimeout, frameAncestors,
                allowedOrigins, trustedProxies, webDirectory, backend, precision, maxClassSize, classTtl, maxClasses, maxClassesPerClient, safeguards, lessonsDirectory, lessonsOverride);
    }

    /** The limits a client may need to know, as {@code hello} announces them. */
    public Map<String, Object> limits() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxSessions", maxSessions);
        limits.put("maxSessionsPerClient", maxSessionsPerClient);
        limits.put("maxMessageBytes", maxMessageBytes);
        limits.put("maxEpochs", maxEpochs);
        limits.put("maxParameters", org.gaplab.training.TrainingConfig.MAX_PARAMETERS);
        limits.put("memoryBudgetBytes", memoryBudget);
        limits.put("frameRate", frameRate);
        limits.put("sliceMs", slice.toMillis());
        limits.put("maxPendingEpochs", maxPendingEpochs);
        limits.put("idleTimeoutSeconds", idleTimeout.toSeconds());
        limits.put("startTimeoutSeconds", startTimeout.toSeconds());
        limits.put("maxWaitingCommands", Inbox.MAX_WAITING_COMMANDS);
        limits.put("maxSweepValues", org.gaplab.protocol.Command.MAX_SWEEP_VALUES);
        limits.put("maxSweepEpochs", (long) RunLimits.SWEEP_EPOCH_FACTOR * maxEpochs);
        limits.put("maxExportParameters", RunLimits.MAX_EXPORT_PARAMETERS);
        limits.put("maxRecipeChanges", org.gaplab.protocol.Recipe.MAX_CHANGES);
        limits.put("maxClassSize", maxClassSize);
        limits.putAll(safeguards.limits());
        return limits;
    }

    /** The socket's own timeout: long enough that pings (and their answers) keep a healthy socket alive. */
    public Duration socketTimeout() {
        return pingInterval.multipliedBy(3);
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    static void require(boolean ok, String option, Object value, String allowed) {
        if (!ok) throw new IllegalArgumentException("--" + option + ": " + value + " is not allowed; allowed: " + allowed);
    }

    static int integer(Map<String, String> values, String name) {
        return read(values, name, Integer::parseInt, "a whole number");
    }

    static double number(Map<String, String> values, String name) {
        return read(values, name, Double::parseDouble, "a number");
    }

    static Duration seconds(Map<String, String> values, String name) {
        double seconds = read(values, name, Double::parseDouble, "a number of seconds");
        if (!Double.isFinite(seconds) || seconds > 1e9) {
            throw new IllegalArgumentException("--" + name + ": " + values.get(name) + " is not a number of seconds");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static Backend backend(String text) {
        try {
            return Backend.choose(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
    }

    private static Precision precision(String text) {
        try {
            return Precision.choose(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
    }

    /** Megabytes ("300") or a share of the maximum heap ("60%"). */

    static long budget(String text) {
        String value = text.trim();
        try {
            if (value.endsWith("%")) {
                double percent = Double.parseDouble(value.substring(0, value.length() - 1));
                if (!(percent > 0 && percent <= 100)) throw new NumberFormatException();
                return (long) (Runtime.getRuntime().maxMemory() * percent / 100);
            }
            double megabytes = Double.parseDouble(value);
            if (!(megabytes > 0 && megabytes < 1e9)) throw new NumberFormatException();
            return (long) (megabytes * 1024 * 1024);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--memory-budget: \"" + value + "\" is not allowed; allowed: megabytes "
                    + "(e.g. 300) or a percentage of the maximum heap (e.g. 60%)");
        }
    }

    /** A directory given explicitly, or none: the working directory's {@code web/} is never taken by itself. */
    private static Optional<Path> webDirectory(String text) {
        String value = text.trim();
        if (value.isEmpty() || value.equals("none")) return Optional.empty();
        Path directory = Path.of(value);
        if (!java.nio.file.Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--web-dir: " + value + " is not a directory; allowed: a directory of "
                    + "browser files (for development), or none to serve the jar's");
        }
        return Optional.of(directory);
    }

    /** The operator's lesson directory, or none. A directory that is missing stops the start: a typo would hide every lesson. */
    private static Optional<Path> lessonsDirectory(String text) {
        String value = text.trim();
        if (value.isEmpty() || value.equals("none")) return Optional.empty();
        require(java.nio.file.Files.isDirectory(Path.of(value)), "lessons-dir", value, "a directory of lesson files (*.json), or none");
        return Optional.of(Path.of(value));
    }

    static boolean flag(Map<String, String> values, String name) {
        String value = values.get(name).trim();
        require(value.equals("true") || value.equals("false"), name, value, "true or false");
        return value.equals("true");
    }

    /** Values separated by spaces or commas; "none" or nothing is the empty list. */
    static List<String> words(String text) {
        String value = text.trim();
        if (value.isEmpty() || value.equals("none")) return List.of();
        return List.of(value.split("[\\s,]+"));
    }

    static <T> T read(Map<String, String> values, String name, Function<String, T> parser, String allowed) {
        String text = values.get(name).trim();
        try {
            return parser.apply(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": \"" + text + "\" is not " + allowed);
        }
    }
}
