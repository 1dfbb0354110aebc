package org.gaplab.server.options;

import static org.gaplab.server.options.ServerOption.directory;
import static org.gaplab.server.options.ServerOption.engineChoice;
import static org.gaplab.server.options.ServerOption.heapShare;
import static org.gaplab.server.options.ServerOption.integer;
import static org.gaplab.server.options.ServerOption.millis;
import static org.gaplab.server.options.ServerOption.number;
import static org.gaplab.server.options.ServerOption.secret;
import static org.gaplab.server.options.ServerOption.seconds;
import static org.gaplab.server.options.ServerOption.shareOf;
import static org.gaplab.server.options.ServerOption.text;
import static org.gaplab.server.options.ServerOption.trueOrFalse;
import static org.gaplab.server.options.ServerOption.words;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Precision;
import org.gaplab.server.safety.AddressRange;
import org.gaplab.server.safety.Clients;
import org.gaplab.server.safety.GuardedSettings;
import org.gaplab.server.safety.PublicHosts;

/**
 * How one GapLab server runs: where it listens, how many threads train, and the limits that keep one classroom's
 * sessions from starving each other, the machine or its memory, and other websites out (docs/DEPLOY.md explains
 * each). Every option is one line of the table below; {@link #parse} reads them from command-line options over
 * {@code GAPLAB_*} environment variables over their defaults, and {@link #usage} and docs/DEPLOY.md list them.
 */
public final class ServerSettings implements GuardedSettings {
    /** The most a message may be: a config with every key is about 2 KB, a sweep's values a few hundred bytes more. */
    public static final int LARGEST_MESSAGE_LIMIT = 1024 * 1024;

    private static final List<ServerOption<?>> TABLE = new ArrayList<>();
    /** Every option, in the order of {@code --help} and of docs/DEPLOY.md's table. */
    static final List<ServerOption<?>> OPTIONS = Collections.unmodifiableList(TABLE);

    static final ServerOption<String> HOST = option("host", "127.0.0.1",
            "address to listen on (0.0.0.0: every interface)", text(host -> !host.isEmpty(), "an address or host name"));
    static final ServerOption<Integer> PORT = option("port", "7070", "port to listen on (0: any free port)",
            integer(0, 65535));
    static final ServerOption<Integer> WORKERS = option("workers",
            String.valueOf(Runtime.getRuntime().availableProcessors()), "threads that train (the default: one per core of this machine)",
            integer(1, 64));
    static final ServerOption<Double> FRAME_RATE = option("frame-rate", "20",
            "epoch frames per second per session, at most", number(1, 60));
    static final ServerOption<Duration> SLICE = option("slice-ms", "20",
            "milliseconds a session trains before yielding its thread", millis(1, 1000));
    static final ServerOption<Integer> MAX_SESSIONS = option("max-sessions", "60",
            "concurrent sessions; one more is told busy", integer(1, 10_000));
    static final ServerOption<Integer> MAX_SESSIONS_PER_CLIENT = option("max-sessions-per-client", "10",
            "sessions one client address may hold (raise it when a class shares one address)", integer(1, 10_000));
    static final ServerOption<Integer> MAX_MESSAGE_BYTES = option("max-message-bytes", "16384",
            "largest client message; a larger one closes its socket (1009)", integer(1024, LARGEST_MESSAGE_LIMIT));
    static final ServerOption<Integer> MAX_EPOCHS = option("max-epochs", "10000", "epochs a run may ask for",
            integer(1, 100_000));
    static final ServerOption<Long> MEMORY_BUDGET = option("memory-budget", "60%",
            "heap all runs and datasets may hold together: megabytes, or a percentage of the maximum heap", heapShare());
    static final ServerOption<Integer> MAX_PENDING_EPOCHS = option("max-pending-epochs", "1000",
            "epochs a session may run ahead of a slow browser before it waits", integer(10, 1_000_000));
    static final ServerOption<Duration> IDLE_TIMEOUT = option("idle-timeout", "900",
            "seconds a session that is not training may stay silent before it is closed", seconds());
    static final ServerOption<Duration> START_TIMEOUT = option("start-timeout", "30",
            "seconds a socket may stay without starting anything before it gives its slot back", seconds());
    static final ServerOption<Duration> PING_INTERVAL = option("ping-interval", "20",
            "seconds between pings to every socket", seconds());
    static final ServerOption<Duration> STALL_TIMEOUT = option("stall-timeout", "30",
            "seconds a browser may leave a frame unaccepted before it is disconnected", seconds());
    // The value goes into a response header: one line, no directive separator.
    static final ServerOption<String> FRAME_ANCESTORS = option("frame-ancestors", "*",
            "origins allowed to embed /embed in an iframe, space separated (*: any)",
            text(s -> !s.isEmpty() && s.chars().noneMatch(c -> c == ';' || c == ',' || c < ' '),
                    "CSP sources separated by spaces, e.g. \"https://lms.example.org\""));
    static final ServerOption<List<String>> ALLOWED_ORIGINS = option("allowed-origins", "none",
            "origins besides the page's own (and --frame-ancestors') whose pages may open the socket",
            words(Clients::isOrigin, "origins like https://lms.example.org"));
    static final ServerOption<List<String>> TRUSTED_PROXIES = option("trusted-proxies", "127.0.0.1/8 ::1",
            "proxies whose X-Forwarded-For names the client: addresses or CIDR ranges (none: trust none)",
            words(proxy -> AddressRange.parse(proxy).isPresent(), "addresses or CIDR ranges like 10.0.0.0/8"));
    // Never the working directory's web/ by itself: a directory is given explicitly, or the jar's files are served.
    static final ServerOption<Optional<Path>> WEB_DIR = option("web-dir", "none",
            "serve the browser files from this directory instead of the jar (for development; none: the jar's)",
            directory("a directory of browser files (for development)"));
    static final ServerOption<Backend> BACKEND = option("backend", "auto",
            "matrix products: blas (OpenBLAS), java, or auto (blas when its natives load)",
            engineChoice(Backend::choose, "blas, java, auto"));
    static final ServerOption<Precision> PRECISION = option("precision", Precision.preferred().configName(),
            "what training computes in: f32, or f64 (the reference; -Dgaplab.precision sets the default)",
            engineChoice(Precision::choose, "f32, f64"));
    static final ServerOption<Integer> MAX_CLASS_SIZE = option("max-class-size", "60",
            "learners one class experiment may seat", integer(1, 10_000));
    static final ServerOption<Duration> CLASS_TTL = option("class-ttl", "10800",
            "seconds a class experiment lives before it ends by itself", seconds());
    static final ServerOption<Integer> MAX_CLASSES = option("max-classes", "10",
            "class experiments this server holds at once", integer(1, 1000));
    static final ServerOption<Integer> MAX_CLASSES_PER_CLIENT = option("max-classes-per-client", "3",
            "live class experiments one client address may create (raise it when teachers share one address)",
            integer(1, 1000));
    static final ServerOption<LongUnaryOperator> MAX_MEMORY_PER_CLIENT = option("max-memory-per-client", "25%",
            "memory one client address's runs may hold beside its first: megabytes, or a percentage of the budget",
            shareOf("--memory-budget"));
    static final ServerOption<Integer> MAX_SEATS_PER_CLIENT = option("max-seats-per-client", "10",
            "seats one client address may hold in one class (raise it when a class shares one address)",
            integer(1, 10_000));
    static final ServerOption<List<String>> PUBLIC_HOST = option("public-host", "none",
            "host names the server answers for besides IP literals, localhost and --host; others get 421",
            words(name -> PublicHosts.NAME.matcher(name).matches(),
                    "host names like gaplab.example.org (no port, no scheme), or * for any"));
    static final ServerOption<Optional<String>> HEALTH_TOKEN = option("health-token", "none",
            "a secret /health's details need (Authorization: Bearer TOKEN); others get only its status",
            secret("[A-Za-z0-9._~+/=-]{16,200}", "16 to 200 letters, digits and . _ ~ + / = -"));
    static final ServerOption<Optional<Path>> LESSONS_DIR = option("lessons-dir", "none",
            "a directory of lesson files (*.json, docs/LESSONS.md) added to the lesson menu; a bad file is refused by name",
            directory("a directory of lesson files (*.json)"));
    static final ServerOption<Boolean> LESSONS_OVERRIDE = option("lessons-override", "false",
            "true: a lesson file may replace the built-in lesson of its id", trueOrFalse());

    /** The settings with every default: 127.0.0.1:7070. */
    public static final ServerSettings DEFAULTS = parse(new String[0], Map.of());

    private static <T> ServerOption<T> option(String name, String defaultValue, String help, ServerOption.Type<T> type) {
        ServerOption<T> option = new ServerOption<>(name, defaultValue, help, type);
        TABLE.add(option);
        return option;
    }

    /** Each option's text, by name, and the value read from it. */
    private final Map<String, String> texts;
    private final Map<String, Object> values = new HashMap<>();
    private final Safeguards safeguards;

    private ServerSettings(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
        for (ServerOption<?> option : OPTIONS) values.put(option.name(), option.read(texts.get(option.name())));
        this.safeguards = new Safeguards(value(MAX_MEMORY_PER_CLIENT).applyAsLong(memoryBudget()),
                value(MAX_SEATS_PER_CLIENT), value(PUBLIC_HOST), value(HEALTH_TOKEN));
    }

    /**
     * Reads {@code --name value} or {@code --name=value} options over {@code GAPLAB_*} environment variables over the
     * defaults. Throws {@link IllegalArgumentException} naming the option for anything unknown or out of range.
     */
    public static ServerSettings parse(String[] args, Map<String, String> environment) {
        Map<String, String> texts = new HashMap<>();
        for (ServerOption<?> option : OPTIONS) {
            texts.put(option.name(), environment.getOrDefault(option.environment(), option.defaultValue()));
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument \"" + arg + "\"");
            int equals = arg.indexOf('=');
            String name = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (!texts.containsKey(name)) throw new IllegalArgumentException("unknown option --" + name);
            if (equals >= 0) {
                texts.put(name, arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                texts.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        return new ServerSettings(texts);
    }

    /** Two lines per option, for {@code --help}: its flag and variable; its help line, what it allows and its default. */
    public static String usage() {
        StringBuilder text = new StringBuilder("Options (each also read from its environment variable):\n");
        for (ServerOption<?> o : OPTIONS) {
            text.append(String.format(Locale.ROOT, "  %s VALUE  (%s)\n      %s; allowed: %s; default %s\n", o.flag(),
                    o.environment(), o.help(), o.type().allowed(), o.defaultValue()));
        }
        return text.toString();
    }

    /** These settings with one option's text replaced, read and checked as if it were given on the command line. */
    ServerSettings with(ServerOption<?> option, Object value) {
        Map<String, String> changed = new HashMap<>(texts);
        changed.put(option.name(), String.valueOf(value));
        return new ServerSettings(changed);
    }

    public ServerSettings withPort(int value) { return with(PORT, value); }

    public ServerSettings withMaxSessions(int value) { return with(MAX_SESSIONS, value); }

    public ServerSettings withMaxSessionsPerClient(int value) { return with(MAX_SESSIONS_PER_CLIENT, value); }

    @SuppressWarnings("unchecked")   // values.get(name) was read by this very option
    private <T> T value(ServerOption<T> option) {
        return (T) values.get(option.name());
    }

    // Each option's value; its help line in the table says what it is.
    public String host() { return value(HOST); }
    public int port() { return value(PORT); }
    public int workers() { return value(WORKERS); }
    public double frameRate() { return value(FRAME_RATE); }
    public Duration slice() { return value(SLICE); }
    public int maxSessions() { return value(MAX_SESSIONS); }
    public int maxSessionsPerClient() { return value(MAX_SESSIONS_PER_CLIENT); }
    public int maxMessageBytes() { return value(MAX_MESSAGE_BYTES); }
    public int maxEpochs() { return value(MAX_EPOCHS); }
    public long memoryBudget() { return value(MEMORY_BUDGET); }
    public int maxPendingEpochs() { return value(MAX_PENDING_EPOCHS); }
    public Duration idleTimeout() { return value(IDLE_TIMEOUT); }
    public Duration startTimeout() { return value(START_TIMEOUT); }
    public Duration pingInterval() { return value(PING_INTERVAL); }
    public Duration stallTimeout() { return value(STALL_TIMEOUT); }
    public String frameAncestors() { return value(FRAME_ANCESTORS); }
    public List<String> allowedOrigins() { return value(ALLOWED_ORIGINS); }
    public List<String> trustedProxies() { return value(TRUSTED_PROXIES); }
    public Optional<Path> webDirectory() { return value(WEB_DIR); }
    public Backend backend() { return value(BACKEND); }
    public Precision precision() { return value(PRECISION); }
    public int maxClassSize() { return value(MAX_CLASS_SIZE); }
    public Duration classTtl() { return value(CLASS_TTL); }
    public int maxClasses() { return value(MAX_CLASSES); }
    public int maxClassesPerClient() { return value(MAX_CLASSES_PER_CLIENT); }
    public List<String> publicHosts() { return value(PUBLIC_HOST); }
    public Optional<Path> lessonsDirectory() { return value(LESSONS_DIR); }
    public boolean lessonsOverride() { return value(LESSONS_OVERRIDE); }

    /** What keeps the open web and one greedy client from taking a class's resources. */
    public Safeguards safeguards() { return safeguards; }

    /** The socket's own timeout: long enough that pings (and their answers) keep a healthy socket alive. */
    public Duration socketTimeout() {
        return pingInterval().multipliedBy(3);
    }
}
