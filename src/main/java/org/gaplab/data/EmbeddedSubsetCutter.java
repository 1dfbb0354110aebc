package org.gaplab.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Cuts the embedded Fashion-MNIST subset from the official files: the first {@value #TRAIN_PER_CLASS} images of each
 * class in the official training file and the first {@value #TEST_PER_CLASS} of each class in the official test file,
 * kept in file order. No randomness, so the cut is the same on every machine; the uncompressed output is
 * byte-identical, the gzip bytes may differ with the JDK's zlib (PROVENANCE.md records both hashes).
 *
 * <p>To rerun, from the project directory:
 * <pre>
 * mvn -q -B compile
 * java -cp target/classes org.gaplab.data.EmbeddedSubsetCutter /usr/share/datasets/fashion-mnist \
 *      src/main/resources/org/gaplab/data/fashion-mnist
 * </pre>
 * then paste the printed uncompressed hashes into {@link FashionMnist} and PROVENANCE.md.
 */
public final class EmbeddedSubsetCutter {
    public static final int TRAIN_PER_CLASS = FashionMnist.EMBEDDED_TRAIN / 10;
    public static final int TEST_PER_CLASS = FashionMnist.EMBEDDED_TEST / 10;

    private EmbeddedSubsetCutter() {}

    /** The subset of an official archive: the first {@code perClass} images of each class, in file order. */
    public static FashionMnist.Archive cut(FashionMnist.Archive official) {
        return new FashionMnist.Archive(firstOfEachClass(official.train(), TRAIN_PER_CLASS),
                firstOfEachClass(official.test(), TEST_PER_CLASS));
    }

    static LabelledImages firstOfEachClass(LabelledImages images, int perClass) {
        int classes = FashionMnist.CLASS_NAMES.size();
        int[] taken = new int[classes];
        int[] picked = new int[classes * perClass];
        int count = 0;
        for (int i = 0; i < images.count() && count < picked.length; i++) {
            int label = images.label(i);
            if (taken[label] < perClass) {
                taken[label]++;
                picked[count++] = i;
            }
        }
        if (count < picked.length) {
            throw new IllegalArgumentException("the source has fewer than " + perClass + " images of some class");
        }
        return images.select(picked);
    }

    /** {@code sourceDirectory outputDirectory}: writes the four gzip IDX files and prints their hashes. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedSubsetCutter <directory with the official files> <output directory>");
            System.exit(2);
        }
        FashionMnist.Archive subset = cut(FashionMnist.readDirectory(Path.of(args[0])));
        Path output = Files.createDirectories(Path.of(args[1]));
        write(subset.train().imageFile(FashionMnist.TRAIN_IMAGES), output);
        write(subset.train().labelFile(FashionMnist.TRAIN_LABELS), output);
        write(subset.test().imageFile(FashionMnist.TEST_IMAGES), output);
        write(subset.test().labelFile(FashionMnist.TEST_LABELS), output);
    }

    private static void write(IdxFile file, Path directory) throws IOException {
        Path target = directory.resolve(file.source() + ".gz");
        Path partial = Files.createTempFile(directory, "." + file.source(), ".part");
        try {
            try (OutputStream out = new MaximalGzip(Files.newOutputStream(partial))) {
                file.write(out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        System.out.printf("%s.gz  %,d bytes  uncompressed sha256 %s  file sha256 %s%n", file.source(),
                Files.size(target), file.sha256(), IdxFile.sha256(Files.readAllBytes(target)));
    }

    /** gzip at the best compression level: the committed files stay small. */
    private static final class MaximalGzip extends GZIPOutputStream {
        MaximalGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
