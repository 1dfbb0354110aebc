package org.gaplab.data;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Zalando's Fashion-MNIST (MIT licence): 28×28 grayscale images of ten kinds of clothing, 60,000 for training and
 * 10,000 for testing. Two sources: the embedded class-balanced subset (5,000 + 1,000 images, no download, see
 * {@link EmbeddedSubsetCutter}) and the official files found by {@link FashionMnistSources}. Every file is checked
 * against a pinned SHA-256 of its uncompressed content before it is used.
 */
public final class FashionMnist {
    public static final String NAME = "fashion-mnist";
    public static final ImageShape SHAPE = new ImageShape(28, 28);
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four files, by their official names without ".gz". */
    public static final List<String> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    /**
     * SHA-256 of the uncompressed official files, computed from Debian's dataset-fashion-mnist
     * 0.0~git20200523.55506a9-1 (a snapshot of github.com/zalandoresearch/fashion-mnist). Debian rewrote the gzip
     * headers, so the compressed bytes differ from the upstream downloads while the content is the same; hence
     * hashes of the content, not of the .gz files.
     */
    public static final Map<String, String> OFFICIAL_SHA256 = Map.of(
            TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");

    /** Sizes of the official files, to check a request before reading 30 MB. */
    public static final int OFFICIAL_TRAIN = 60_000;
    public static final int OFFICIAL_TEST = 10_000;

    /** Where the embedded subset lives on the class path. */
    static final String EMBEDDED_RESOURCES = "/org/gaplab/data/fashion-mnist/";
    public static final int EMBEDDED_TRAIN = 5_000;
    public static final int EMBEDDED_TEST = 1_000;
    /** SHA-256 of the uncompressed embedded files (also in the resource folder's PROVENANCE.md). */
    static final Map<String, String> EMBEDDED_SHA256 = Map.of(
            TRAIN_IMAGES, "444ed5f7ce17397f236f5eba17dd507d3f6912f04edd3e4f1701cdf82f2cc0c5",
            TRAIN_LABELS, "35d691216f65485d010cc635af5574a9dc04aa5060de9be64ab6e5cb5ead38e9",
            TEST_IMAGES, "7cee33c3c6414b1b86c25e665a6c4f41584269de3b7cc9768b1d351922845eef",
            TEST_LABELS, "3128d790775889812b73c4f13923559c8b9e281d112c6ea7862acf60a206a909");

    /** The dimensions of each official file, so a header that declares anything else is refused before it is read. */
    public static final Map<String, int[]> OFFICIAL_DIMENSIONS = Map.of(
            TRAIN_IMAGES, new int[] {OFFICIAL_TRAIN, 28, 28}, TRAIN_LABELS, new int[] {OFFICIAL_TRAIN},
            TEST_IMAGES, new int[] {OFFICIAL_TEST, 28, 28}, TEST_LABELS, new int[] {OFFICIAL_TEST});
    static final Map<String, int[]> EMBEDDED_DIMENSIONS = Map.of(
            TRAIN_IMAGES, new int[] {EMBEDDED_TRAIN, 28, 28}, TRAIN_LABELS, new int[] {EMBEDDED_TRAIN},
            TEST_IMAGES, new int[] {EMBEDDED_TEST, 28, 28}, TEST_LABELS, new int[] {EMBEDDED_TEST});

    /** Archives read and verified in this process, by where they came from and how the files looked. */
    private static final Map<String, SoftReference<Archive>> READ = new HashMap<>();
    private static final String EMBEDDED = "embedded";

    /** The training file pair and the test file pair of one source. */
    public record Archive(LabelledImages train, LabelledImages test) {}

    private FashionMnist() {}

    /** Reads the embedded subset from the class path (once per process, as {@link #readDirectory}). */
    public static Archive readEmbedded() throws IOException {
        synchronized (READ) {
            SoftReference<Archive> kept = READ.get(EMBEDDED);
            Archive archive = kept == null ? null : kept.get();
            if (archive != null) return archive;
            archive = new Archive(
                    LabelledImages.of(embedded(TRAIN_IMAGES), embedded(TRAIN_LABELS), CLASS_NAMES.size()),
                    LabelledImages.of(embedded(TEST_IMAGES), embedded(TEST_LABELS), CLASS_NAMES.size()));
            READ.put(EMBEDDED, new SoftReference<>(archive));
            return archive;
        }
    }

    /**
     * Reads the official files from a directory (each as {@code name.gz} or {@code name}), checking their hashes.
     * Read and verified once per process: while the files are unchanged (same size and time) and the memory is not
     * needed elsewhere, later calls get the same archive (its arrays are never written), so a server whose learners
     * start many runs on the full set decompresses and hashes its 55 MB once.
     */
    public static Archive readDirectory(Path directory) throws IOException {
        String key = fingerprint(directory);
        synchronized (READ) {
            SoftReference<Archive> kept = READ.get(key);
            Archive archive = kept == null ? null : kept.get();
            if (archive != null) return archive;
            archive = new Archive(
                    LabelledImages.of(official(directory, TRAIN_IMAGES), official(directory, TRAIN_LABELS), CLASS_NAMES.size()),
                    LabelledImages.of(official(directory, TEST_IMAGES), official(directory, TEST_LABELS), CLASS_NAMES.size()));
            READ.keySet().removeIf(other -> !other.equals(EMBEDDED));   // one directory's: a changed one replaces it
            READ.put(key, new SoftReference<>(archive));
            return archive;
        }
    }

    /** The directory and each file's size and modification time: a replaced file is read again. */
    private static String fingerprint(Path directory) throws IOException {
        StringBuilder key = new StringBuilder(directory.toAbsolutePath().normalize().toString());
        for (String name : FILES) {
            Path file = fileIn(directory, name);
            if (file == null) continue;
            key.append('|').append(file.getFileName()).append(':').append(Files.size(file)).append(':')
                    .append(Files.getLastModifiedTime(file).toMillis());
        }
        return key.toString();
    }

    /** Whether a directory holds all four files, compressed or not. */
    public static boolean isComplete(Path directory) {
        return FILES.stream().allMatch(name -> fileIn(directory, name) != null);
    }

    /** The file {@code name.gz} or {@code name} in the directory, whichever exists (compressed first), or null. */
    public static Path fileIn(Path directory, String name) {
        for (Path candidate : List.of(directory.resolve(name + ".gz"), directory.resolve(name))) {
            if (Files.isRegularFile(candidate)) return candidate;
        }
        return null;
    }

    private static IdxFile official(Path directory, String name) throws IOException {
        Path path = fileIn(directory, name);
        if (path == null) {
            throw new IdxFormatException(directory + " has neither " + name + ".gz nor " + name);
        }
        return verified(IdxFile.read(path, OFFICIAL_DIMENSIONS.get(name)), OFFICIAL_SHA256.get(name),
                "the official Fashion-MNIST " + name);
    }

    private static IdxFile embedded(String name) throws IOException {
        String resource = EMBEDDED_RESOURCES + name + ".gz";
        try (InputStream in = FashionMnist.class.getResourceAsStream(resource)) {
            if (in == null) throw new IdxFormatException("the embedded Fashion-MNIST subset is missing " + resource);
            return verified(IdxFile.read(in, "classpath:" + resource, EMBEDDED_DIMENSIONS.get(name)), EMBEDDED_SHA256.get(name),
                    "the embedded subset's " + name + " (rebuild it with EmbeddedSubsetCutter)");
        }
    }

    static IdxFile verified(IdxFile file, String expectedSha256, String what) throws IdxFormatException {
        if (!file.sha256().equals(expectedSha256)) {
            throw new IdxFormatException(file.source() + " is not " + what + ": its uncompressed SHA-256 is "
                    + file.sha256() + ", expected " + expectedSha256);
        }
        return file;
    }
}
