package org.gaplab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the full Fashion-MNIST files are looked for, in order: a configured directory (system property
 * {@value #PROPERTY}, then environment variable {@value #ENVIRONMENT}), Debian's package directory
 * {@code /usr/share/datasets/fashion-mnist} ({@code apt install dataset-fashion-mnist}), then the user cache
 * ({@code $XDG_CACHE_HOME/gaplab/fashion-mnist}, by default {@code ~/.cache/gaplab/fashion-mnist}), which is where
 * {@link FashionMnistDownloader} writes. The first directory holding all four files wins; a configured directory that
 * lacks them is skipped, and the error message lists every place looked at.
 */
public final class FashionMnistSources {
    public static final String PROPERTY = "gaplab.fashionDir";
    public static final String ENVIRONMENT = "GAPLAB_FASHION_DIR";
    public static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    private final List<Path> candidates;
    private final Path cache;

    /**
     * @param property    the system property's value, or null
     * @param environment the environment variable's value, or null
     * @param debian      the distribution's directory (normally {@link #DEBIAN})
     * @param cache       the user cache directory for Fashion-MNIST
     */
    public FashionMnistSources(String property, String environment, Path debian, Path cache) {
        List<Path> places = new ArrayList<>();
        if (property != null && !property.isBlank()) places.add(Path.of(property));
        if (environment != null && !environment.isBlank()) places.add(Path.of(environment));
        places.add(debian);
        places.add(cache);
        this.candidates = List.copyOf(places);
        this.cache = cache;
    }

    /** The places this JVM is configured with. */
    public static FashionMnistSources fromSystem() {
        return fromEnvironment(System.getProperty(PROPERTY), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static FashionMnistSources fromEnvironment(String property, Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path cacheRoot = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return new FashionMnistSources(property, environment.get(ENVIRONMENT), DEBIAN,
                cacheRoot.resolve("gaplab").resolve("fashion-mnist"));
    }

    /** Every place looked at, in order. */
    public List<Path> candidates() { return candidates; }

    /** Where downloads go. */
    public Path cacheDirectory() { return cache; }

    /** The first place that holds all four files. */
    public Optional<Path> find() {
        return candidates.stream().filter(FashionMnist::isComplete).findFirst();
    }

    /** What to tell someone who asked for the full set when none of the places has it. */
    public String notFoundMessage() {
        StringBuilder message = new StringBuilder("the full Fashion-MNIST files (")
                .append(String.join(", ", FashionMnist.FILES)).append(", each .gz or plain) were not found in:");
        for (Path place : candidates) message.append("\n  ").append(place.toAbsolutePath());
        message.append("\nTo get them: install the Debian package dataset-fashion-mnist (apt install dataset-fashion-mnist),")
                .append(" or put the files in a directory named by -D").append(PROPERTY).append("=DIR or ")
                .append(ENVIRONMENT).append("=DIR, or download them into ").append(cache.toAbsolutePath())
                .append(" with: java -cp gaplab.jar ").append(FashionMnistDownloader.class.getName())
                .append("\nOr use fashionSource \"embedded\" (5,000 training and 1,000 test images, no download).");
        return message.toString();
    }
}
