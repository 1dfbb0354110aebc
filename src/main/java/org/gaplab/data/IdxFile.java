package org.gaplab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file, the format of MNIST and Fashion-MNIST: a magic number {@code 00 00 08 d} (unsigned bytes, d
 * dimensions), d big-endian 32-bit sizes, then the bytes in row-major order. Files may be gzip-compressed; that is
 * detected from the first two bytes (1f 8b), not from the name.
 *
 * @param source     where it was read from, for error messages
 * @param dimensions the sizes, outermost first (images: count, rows, columns; labels: count)
 * @param data       the values; shared, not copied
 * @param sha256     SHA-256 of the uncompressed file (header included), lower-case hex: compressed bytes vary with
 *                   the compressor and its header (Debian rewrote the official files' gzip headers), content does not
 */
public record IdxFile(String source, int[] dimensions, byte[] data, String sha256) {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_DIMENSIONS = 4;
    /**
     * The most data a file may declare when the caller expects no particular size: twice the full Fashion-MNIST's
     * training images. A gzip stream is never read further than its header's size, so a small file that declares
     * gigabytes is refused before anything is allocated.
     */
    static final long MAX_DATA_BYTES = 100L * 1024 * 1024;

    public IdxFile {
        long product = 1;
        for (int size : dimensions) product *= size;
        if (product != data.length) {
            throw new IllegalArgumentException(source + ": dimensions " + Arrays.toString(dimensions) + " need "
                    + product + " bytes, got " + data.length);
        }
    }

    /** An IDX file made in memory (for the subset cutter and tests); its hash is computed from its bytes. */
    public static IdxFile of(String source, int[] dimensions, byte[] data) {
        return new IdxFile(source, dimensions.clone(), data, sha256(toBytes(dimensions, data)));
    }

    public static IdxFile read(Path path) throws IOException {
        return read(path, null);
    }

    /** Reads a file whose dimensions must be {@code expected} (null: any within {@link #MAX_DATA_BYTES}). */
    public static IdxFile read(Path path, int[] expected) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString(), expected);
        }
    }

    /** Reads a plain or gzip-compressed IDX file from {@code in} (not closed), validating it fully. */
    public static IdxFile read(InputStream in, String source) throws IOException {
        return read(in, source, null);
    }

    /**
     * Reads a plain or gzip-compressed IDX file from {@code in} (not closed), validating it fully. When
     * {@code expected} is given, a header that declares other dimensions is refused before any data is read.
     */
    public static IdxFile read(InputStream in, String source, int[] expected) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        InputStream content = isGzip(buffered) ? gunzip(buffered, source) : buffered;
        MessageDigest digest = newDigest();
        DataInputStream data = new DataInputStream(new DigestInputStream(content, digest));
        try {
            int magic = readHeaderInt(data, source, "magic number");
            if ((magic >>> 16) != 0) {
                throw new IdxFormatException(source + ": wrong magic number 0x" + String.format("%08x", magic)
                        + "; an IDX file starts with 00 00, the element type and the number of dimensions");
            }
            int type = (magic >>> 8) & 0xff;
            if (type != UNSIGNED_BYTE) {
                throw new IdxFormatException(source + ": element type 0x" + String.format("%02x", type)
                        + " is not supported; only unsigned bytes (0x08) are");
            }
            int rank = magic & 0xff;
            if (rank < 1 || rank > MAX_DIMENSIONS) {
                throw new IdxFormatException(source + ": " + rank + " dimensions; expected 1 to " + MAX_DIMENSIONS);
            }
            int[] dimensions = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                dimensions[i] = readHeaderInt(data, source, "size of dimension " + (i + 1));
                if (dimensions[i] < 0) {
                    throw new IdxFormatException(source + ": dimension " + (i + 1) + " has negative size " + dimensions[i]);
                }
                total *= dimensions[i];
                if (total > Integer.MAX_VALUE - 8) {
                    throw new IdxFormatException(source + ": dimensions " + Arrays.toString(dimensions)
                            + " describe more data than one array can hold");
                }
            }
            if (expected != null && !Arrays.equals(dimensions, expected)) {
                throw new IdxFormatException(source + ": its header declares dimensions " + Arrays.toString(dimensions)
                        + "; this file has " + Arrays.toString(expected));
            }
            if (expected == null && total > MAX_DATA_BYTES) {
                throw new IdxFormatException(source + ": its header declares " + total + " bytes of data, more than the "
                        + MAX_DATA_BYTES + " an IDX file here may hold");
            }
            byte[] values = data.readNBytes((int) total);
            if (values.length < total) {
                throw new IdxFormatException(source + ": truncated: the header " + Arrays.toString(dimensions)
                        + " promises " + total + " bytes of data, the file has only " + values.length);
            }
            if (data.read() != -1) {   // one byte is enough to know; the rest of a long tail is never read
                throw new IdxFormatException(source + ": unexpected bytes after the "
                        + total + " bytes its header " + Arrays.toString(dimensions) + " describes");
            }
            return new IdxFile(source, dimensions, values, HexFormat.of().formatHex(digest.digest()));
        } catch (EOFException | ZipException e) {
            throw new IdxFormatException(source + ": truncated or corrupt compressed data (" + e.getMessage() + ")", e);
        }
    }

    /** Number of items (the outermost dimension). */
    public int count() { return dimensions[0]; }

    /** Writes the uncompressed IDX bytes. */
    public void write(OutputStream out) throws IOException {
        out.write(toBytes(dimensions, data));
    }

    private static byte[] toBytes(int[] dimensions, byte[] data) {
        var bytes = new java.io.ByteArrayOutputStream(4 + 4 * dimensions.length + data.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt((UNSIGNED_BYTE << 8) | dimensions.length);      // 00 00 08 d
            for (int size : dimensions) out.writeInt(size);
            out.write(data);
        } catch (IOException e) {
            throw new AssertionError("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static InputStream gunzip(InputStream in, String source) throws IOException {
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (EOFException | ZipException e) {
            throw new IdxFormatException(source + ": corrupt gzip header (" + e.getMessage() + ")", e);
        }
    }

    private static int readHeaderInt(DataInputStream in, String source, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IdxFormatException(source + ": truncated: the file ends inside the header (" + what + ")", e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override public boolean equals(Object other) {
        return other instanceof IdxFile file && file.sha256.equals(sha256);
    }

    @Override public int hashCode() { return sha256.hashCode(); }

    @Override public String toString() {
        return "IdxFile[" + source + ", " + Arrays.toString(dimensions) + ", sha256=" + sha256 + "]";
    }
}
