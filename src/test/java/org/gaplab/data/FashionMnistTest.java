package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FashionMnistTest {
    @Test
    void the_embedded_subset_is_intact_and_class_balanced() throws IOException {
        FashionMnist.Archive embedded = FashionMnist.readEmbedded();       // checks the pinned hashes
        assertEquals(FashionMnist.EMBEDDED_TRAIN, embedded.train().count());
        assertEquals(FashionMnist.EMBEDDED_TEST, embedded.test().count());
        assertEquals(FashionMnist.SHAPE, embedded.train().shape());
        int[] train = new int[10];
        int[] test = new int[10];
        for (int i = 0; i < embedded.train().count(); i++) train[embedded.train().label(i)]++;
        for (int i = 0; i < embedded.test().count(); i++) test[embedded.test().label(i)]++;
        for (int c = 0; c < 10; c++) {
            assertEquals(500, train[c]);
            assertEquals(100, test[c]);
        }
    }

    @Test
    void the_embedded_subset_ships_with_its_licence_and_provenance() throws IOException {
        for (String note : new String[] {"LICENSE", "PROVENANCE.md"}) {
            try (var in = FashionMnist.class.getResourceAsStream(FashionMnist.EMBEDDED_RESOURCES + note)) {
                assertTrue(in != null, note + " is on the class path");
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(text.contains("Zalando"), note);
            }
        }
    }

    @Test
    void the_subset_cutter_takes_the_first_images_of_each_class_in_file_order() throws IOException {
        int count = 40;
        byte[] labels = new byte[count];
        byte[] pixels = new byte[count * 4];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) ((i * 3) % 10);
            pixels[i * 4] = (byte) i;                      // remember where each image came from
        }
        LabelledImages images = new LabelledImages(count, new ImageShape(2, 2), pixels, labels);
        LabelledImages cut = EmbeddedSubsetCutter.firstOfEachClass(images, 2);
        assertEquals(20, cut.count());
        int previous = -1;
        for (int i = 0; i < cut.count(); i++) {
            int source = cut.pixels()[i * 4];
            assertTrue(source > previous, "file order is kept");
            previous = source;
        }
        assertArrayEquals(new byte[] {0, 3, 6, 9, 2, 5, 8, 1, 4, 7, 0, 3, 6, 9, 2, 5, 8, 1, 4, 7}, cut.labels());
    }

    /** Runs where the official files are installed (CI installs dataset-fashion-mnist); skipped elsewhere. */
    @Test
    void the_full_official_set_reads_verifies_and_reproduces_the_embedded_subset() throws IOException {
        Optional<Path> directory = FashionMnistSources.fromSystem().find();
        Assumptions.assumeTrue(directory.isPresent(), "the full Fashion-MNIST files are not installed here "
                + "(apt install dataset-fashion-mnist, or set " + FashionMnistSources.ENVIRONMENT + ")");
        FashionMnist.Archive official = FashionMnist.readDirectory(directory.get());
        assertSame(official, FashionMnist.readDirectory(directory.get()), "read and verified once per process");
        assertEquals(60_000, official.train().count());
        assertEquals(10_000, official.test().count());

        FashionMnist.Archive cut = EmbeddedSubsetCutter.cut(official);
        assertEquals(FashionMnist.EMBEDDED_SHA256.get(FashionMnist.TRAIN_IMAGES),
                cut.train().imageFile(FashionMnist.TRAIN_IMAGES).sha256());
        assertEquals(FashionMnist.EMBEDDED_SHA256.get(FashionMnist.TRAIN_LABELS),
                cut.train().labelFile(FashionMnist.TRAIN_LABELS).sha256());
        assertEquals(FashionMnist.EMBEDDED_SHA256.get(FashionMnist.TEST_IMAGES),
                cut.test().imageFile(FashionMnist.TEST_IMAGES).sha256());
        assertEquals(FashionMnist.EMBEDDED_SHA256.get(FashionMnist.TEST_LABELS),
                cut.test().labelFile(FashionMnist.TEST_LABELS).sha256());

        DataSplits splits = Datasets.load(DataSpec.DEFAULTS.withDataset("fashion-mnist").withFashionSource("full")
                .withSizes(6000, 1000, 2000));
        assertEquals(6000, splits.train().size());
        assertEquals(2000, splits.test().size());
        int[] perClass = new int[10];
        for (int label : splits.train().labels()) perClass[label]++;
        for (int count : perClass) assertEquals(600, count);
    }
}
