package org.gaplab.data;

import static org.gaplab.data.IdxFiles.gzip;
import static org.gaplab.data.IdxFiles.idx;
import static org.gaplab.data.IdxFiles.images;
import static org.gaplab.data.IdxFiles.labels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    private static IdxFile read(byte[] bytes) throws IOException {
        return IdxFile.read(new ByteArrayInputStream(bytes), "test.idx");
    }

    private static String failure(byte[] bytes) {
        return assertThrows(IdxFormatException.class, () -> read(bytes)).getMessage();
    }

    @Test
    void a_plain_file_is_read_with_its_dimensions_and_bytes() throws IOException {
        IdxFile file = read(images(3, 4));
        assertArrayEquals(new int[] {3, 4, 4}, file.dimensions());
        assertEquals(48, file.data().length);
        assertEquals((byte) 7, file.data()[1]);
        assertEquals(3, file.count());
    }

    @Test
    void gzip_is_detected_from_the_magic_bytes_and_hashes_the_uncompressed_content() throws IOException {
        byte[] plain = images(3, 4);
        IdxFile fromPlain = read(plain);
        IdxFile fromGzip = read(gzip(plain));
        assertArrayEquals(fromPlain.data(), fromGzip.data());
        assertEquals(IdxFile.sha256(plain), fromGzip.sha256());
        assertEquals(fromPlain.sha256(), fromGzip.sha256());
    }

    @Test
    void a_file_on_disk_is_read_whatever_its_name(@TempDir Path directory) throws IOException {
        Path misleading = directory.resolve("labels.gz");
        Files.write(misleading, labels(25));              // plain bytes under a .gz name
        assertEquals(25, IdxFile.read(misleading).count());
    }

    @Test
    void a_wrong_magic_number_is_an_error() {
        byte[] bytes = labels(5);
        bytes[0] = 0x12;
        assertTrue(failure(bytes).contains("wrong magic number"));
    }

    @Test
    void an_element_type_other_than_unsigned_byte_is_an_error() {
        byte[] bytes = labels(5);
        bytes[2] = 0x0d;                                  // float
        assertTrue(failure(bytes).contains("element type 0x0d"));
    }

    @Test
    void a_file_that_ends_inside_the_header_is_truncated() {
        byte[] bytes = Arrays.copyOf(images(2, 4), 10);
        assertTrue(failure(bytes).contains("truncated"));
        assertTrue(failure(new byte[0]).contains("truncated"));
    }

    @Test
    void a_file_shorter_than_its_header_promises_is_truncated() {
        byte[] bytes = images(3, 4);
        String message = failure(Arrays.copyOf(bytes, bytes.length - 5));
        assertTrue(message.contains("truncated") && message.contains("48") && message.contains("43"), message);
    }

    @Test
    void a_truncated_gzip_file_is_an_error() {
        byte[] compressed = gzip(images(50, 28));
        String message = failure(Arrays.copyOf(compressed, compressed.length / 2));
        assertTrue(message.contains("truncated"), message);
    }

    @Test
    void a_corrupt_gzip_file_is_an_error() {
        byte[] compressed = gzip(images(50, 28));
        compressed[compressed.length - 6] ^= 0x55;        // the CRC
        assertTrue(failure(compressed).contains("corrupt"));
    }

    @Test
    void bytes_after_the_data_are_an_error() {
        byte[] bytes = Arrays.copyOf(labels(5), labels(5).length + 3);
        assertTrue(failure(bytes).contains("unexpected bytes"));
    }

    @Test
    void a_negative_size_is_an_error() {
        byte[] bytes = labels(5);
        bytes[4] = (byte) 0xff;
        assertTrue(failure(bytes).contains("negative"));
    }

    @Test
    void images_and_labels_must_agree_in_count() throws IOException {
        IdxFile images = read(images(4, 28));
        IdxFile labels = read(labels(5));
        String message = assertThrows(IdxFormatException.class, () -> LabelledImages.of(images, labels, 10)).getMessage();
        assertTrue(message.contains("count mismatch") && message.contains("4 images") && message.contains("5 labels"),
                message);
    }

    @Test
    void a_label_outside_the_classes_is_an_error() throws IOException {
        IdxFile images = read(images(2, 28));
        IdxFile labels = read(idx(new int[] {2}, new byte[] {3, 10}));
        String message = assertThrows(IdxFormatException.class, () -> LabelledImages.of(images, labels, 10)).getMessage();
        assertTrue(message.contains("label 10 at index 1"), message);
    }

    @Test
    void image_and_label_files_must_have_their_dimensions() throws IOException {
        IdxFile labels = read(labels(4));
        assertThrows(IdxFormatException.class, () -> LabelledImages.of(labels, labels, 10));
    }

    @Test
    void labelled_images_scale_pixels_to_the_unit_range() throws IOException {
        LabelledImages pairs = LabelledImages.of(read(idx(new int[] {1, 1, 2}, new byte[] {0, (byte) 255})),
                read(idx(new int[] {1}, new byte[] {7})), 10);
        double[] out = new double[2];
        pairs.copyScaled(0, out, 0);
        assertArrayEquals(new double[] {0, 1}, out);
        assertEquals(7, pairs.label(0));
        assertEquals(new ImageShape(2, 1), pairs.shape());
    }

    @Test
    void a_small_gzip_whose_header_declares_gigabytes_is_refused_before_anything_is_allocated() throws IOException {
        java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(header)) {
            out.writeInt(0x00000803);                      // unsigned bytes, 3 dimensions
            out.writeInt(2_000_000);
            out.writeInt(28);
            out.writeInt(38);                               // 2,128,000,000 bytes declared
            out.write(new byte[1 << 20]);                   // a megabyte of them, then the stream ends
        }
        byte[] bomb = gzip(header.toByteArray());
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertTrue(failure(bomb).contains("declares"));
        assertTrue(threads.getCurrentThreadAllocatedBytes() - before < 16L << 20, "read no further than the header");
        String expected = assertThrows(IdxFormatException.class, () -> IdxFile.read(new ByteArrayInputStream(gzip(images(3, 4))),
                "t10k-images", new int[] {10_000, 28, 28})).getMessage();
        assertTrue(expected.contains("[10000, 28, 28]"), "a known file's dimensions are checked first: " + expected);
    }

    @Test
    void a_long_tail_after_the_data_is_refused_without_reading_it() throws IOException {
        byte[] plain = labels(5);
        byte[] tailed = Arrays.copyOf(plain, plain.length + (64 << 20));   // 64 MB of zeros, a few KB compressed
        long start = System.nanoTime();
        assertTrue(failure(gzip(tailed)).contains("unexpected bytes"));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "the tail is not read to its end");
    }
}
