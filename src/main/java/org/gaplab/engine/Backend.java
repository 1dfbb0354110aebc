package org.gaplab.engine;

import java.util.Locale;

/**
 * Where the dense products run. {@link #BLAS} is OpenBLAS (bundled natives for linux-x86_64); {@link #JAVA} is GapLab's
 * own kernels, the fallback where the natives cannot load. Both are tested against EJML as the oracle; they agree to
 * rounding, not bit for bit, so a run is reproducible on the same machine and backend.
 */
public enum Backend {
    BLAS,
    JAVA;

    /** A system property that picks the backend when none is asked for explicitly: blas, java or auto. */
    public static final String PROPERTY = "gaplab.backend";

    /** The config spelling: "blas", "java". */
    public String configName() { return name().toLowerCase(Locale.ROOT); }

    /** Whether this backend works in this process (the Java one always does). */
    public boolean isAvailable() {
        return this == JAVA || BlasNatives.ERROR == null;
    }

    /** What runs, for logs, {@code /health} and {@code bench}: "blas (OpenBLAS 0.3.31, ...)" or "java". */
    public String describe() {
        return this == BLAS ? "blas (" + BlasNatives.VERSION + ", 1 thread per training thread)" : "java";
    }

    /** Products on this backend in the process's preferred precision ({@link Precision#preferred()}). */
    public Products products(int threads) {
        return products(threads, Precision.preferred());
    }

    /**
     * Products on this backend in {@code precision}, using up to {@code threads} threads (the caller's plus helpers).
     *
     * @throws IllegalStateException when this backend cannot run here
     */
    public Products products(int threads, Precision precision) {
        if (threads < 1 || threads > maxThreads()) {
            throw new IllegalArgumentException("threads must be in [1, " + maxThreads() + "] (the cores here), got " + threads);
        }
        java.util.Objects.requireNonNull(precision, "precision");
        return this == BLAS ? new BlasProducts(threads, precision) : new JavaProducts(threads, precision);
    }

    /** The most threads a run may use: the cores of this machine. */
    public static int maxThreads() { return Runtime.getRuntime().availableProcessors(); }

    /**
     * The backend for a request: "blas" or "java" (refused with the reason when it cannot run here), or "auto" (or
     * null): the system property {@value #PROPERTY} when set, else OpenBLAS when its natives load, else Java.
     */
    public static Backend choose(String requested) {
        String wanted = requested == null ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("auto")) return preferred();
        Backend backend = switch (wanted) {
            case "blas" -> BLAS;
            case "java" -> JAVA;
            default -> throw new IllegalArgumentException("backend: \"" + requested + "\" is not allowed; allowed: blas, java, auto");
        };
        if (!backend.isAvailable()) {
            throw new IllegalArgumentException("backend: blas is not available here (" + BlasNatives.ERROR + "); allowed: java, auto");
        }
        return backend;
    }

    /** What "auto" means in this process, decided once and logged. */
    public static Backend preferred() { return Preferred.BACKEND; }

    /** Holds the natives' state so that nothing loads them before a backend is asked for. */
    private static final class BlasNatives {
        static final String ERROR = loadError();
        static final String VERSION = ERROR == null ? BlasProducts.version() : "unavailable";

        private static String loadError() {
            try {
                return BlasProducts.loadError();
            } catch (LinkageError e) {                     // the bytedeco classes themselves are missing
                return e.toString();
            }
        }
    }

    private static final class Preferred {
        static final Backend BACKEND = decide();

        private static Backend decide() {
            String property = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
            Backend chosen = property.equals("auto") ? (BLAS.isAvailable() ? BLAS : JAVA) : choose(property);
            System.Logger log = System.getLogger(Backend.class.getName());
            if (chosen == JAVA && property.equals("auto")) {
                log.log(System.Logger.Level.INFO, "matrix products: java (OpenBLAS did not load: " + BlasNatives.ERROR + ")");
            } else {
                log.log(System.Logger.Level.INFO, "matrix products: " + chosen.describe());
            }
            return chosen;
        }
    }
}
