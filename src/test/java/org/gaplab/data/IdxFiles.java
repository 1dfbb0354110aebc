package org.gaplab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/** Small IDX files that tests write themselves. */
final class IdxFiles {
    private IdxFiles() {}

    /** Raw IDX bytes of unsigned bytes with the given dimensions. */
    static byte[] idx(int[] dimensions, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            IdxFile.of("test", dimensions, data).write(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    /** {@code count} images of {@code side}×{@code side} with pixel values from the index, labels i mod 10. */
    static byte[] images(int count, int side) {
        byte[] pixels = new byte[count * side * side];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i * 7);
        return idx(new int[] {count, side, side}, pixels);
    }

    static byte[] labels(int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) labels[i] = (byte) (i % 10);
        return idx(new int[] {count}, labels);
    }
}
