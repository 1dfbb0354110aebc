package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistSourcesTest {
    @TempDir Path root;

    @Test
    void places_are_tried_in_order_property_environment_debian_cache() {
        FashionMnistSources sources = new FashionMnistSources("/p", "/e", Path.of("/debian"), Path.of("/cache"));
        assertEquals(List.of(Path.of("/p"), Path.of("/e"), Path.of("/debian"), Path.of("/cache")), sources.candidates());
    }

    @Test
    void the_first_complete_directory_wins_and_incomplete_ones_are_skipped() throws IOException {
        Path configured = root.resolve("configured");
        Files.createDirectories(configured);
        Files.write(configured.resolve(FashionMnist.TRAIN_IMAGES + ".gz"), new byte[] {1});   // one of four files
        Path debian = root.resolve("debian");
        Path cache = root.resolve("cache");
        writeArchive(debian, 20, 10);
        writeArchive(cache, 20, 10);
        FashionMnistSources sources = new FashionMnistSources(configured.toString(), null, debian, cache);
        assertEquals(Optional.of(debian), sources.find());
    }

    @Test
    void uncompressed_files_count_too() throws IOException {
        Path plain = root.resolve("plain");
        Files.createDirectories(plain);
        for (String name : FashionMnist.FILES) Files.write(plain.resolve(name), IdxFiles.labels(1));
        assertTrue(FashionMnist.isComplete(plain));
    }

    @Test
    void the_cache_follows_xdg_cache_home_or_else_lives_under_the_home_directory() {
        Path home = Path.of("/home/someone");
        assertEquals(Path.of("/home/someone/.cache/gaplab/fashion-mnist"),
                FashionMnistSources.fromEnvironment(null, Map.of(), home).cacheDirectory());
        assertEquals(Path.of("/xdg/gaplab/fashion-mnist"),
                FashionMnistSources.fromEnvironment(null, Map.of("XDG_CACHE_HOME", "/xdg"), home).cacheDirectory());
        FashionMnistSources configured = FashionMnistSources.fromEnvironment("/from-property",
                Map.of(FashionMnistSources.ENVIRONMENT, "/from-environment"), home);
        assertEquals(List.of(Path.of("/from-property"), Path.of("/from-environment"), FashionMnistSources.DEBIAN,
                Path.of("/home/someone/.cache/gaplab/fashion-mnist")), configured.candidates());
    }

    @Test
    void files_that_are_not_the_official_ones_are_refused_by_their_declared_size_before_they_are_read() throws IOException {
        Path impostor = root.resolve("impostor");
        writeArchive(impostor, 20, 10);
        String message = assertThrows(IdxFormatException.class, () -> FashionMnist.readDirectory(impostor)).getMessage();
        assertTrue(message.contains("[20, 28, 28]") && message.contains("[60000, 28, 28]"), message);
    }

    /** The four Fashion-MNIST file names as small gzip files that are not the official ones. */
    static void writeArchive(Path directory, int train, int test) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve(FashionMnist.TRAIN_IMAGES + ".gz"), IdxFiles.gzip(IdxFiles.images(train, 28)));
        Files.write(directory.resolve(FashionMnist.TRAIN_LABELS + ".gz"), IdxFiles.gzip(IdxFiles.labels(train)));
        Files.write(directory.resolve(FashionMnist.TEST_IMAGES + ".gz"), IdxFiles.gzip(IdxFiles.images(test, 28)));
        Files.write(directory.resolve(FashionMnist.TEST_LABELS + ".gz"), IdxFiles.gzip(IdxFiles.labels(test)));
    }
}
