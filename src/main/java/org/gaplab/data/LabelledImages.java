package org.gaplab.data;

/**
 * Images with one label each, as an IDX image file and its label file hold them: {@code count} images of
 * {@code shape} unsigned-byte pixels, row-major, and one byte label per image.
 *
 * @param pixels count × width × height bytes (0..255); shared, not copied
 * @param labels count bytes, each a class in [0, classes)
 */
public record LabelledImages(int count, ImageShape shape, byte[] pixels, byte[] labels) {
    public LabelledImages {
        if (pixels.length != (long) count * shape.pixels() || labels.length != count) {
            throw new IllegalArgumentException("labelled images: " + count + " images of " + shape + " need "
                    + (long) count * shape.pixels() + " pixels and " + count + " labels, got " + pixels.length
                    + " and " + labels.length);
        }
    }

    /** Pairs an image file with its label file, checking that they agree and that every label is a known class. */
    public static LabelledImages of(IdxFile images, IdxFile labels, int classes) throws IdxFormatException {
        if (images.dimensions().length != 3) {
            throw new IdxFormatException(images.source() + ": an image file has 3 dimensions (count, rows, columns), "
                    + "this one has " + images.dimensions().length);
        }
        if (labels.dimensions().length != 1) {
            throw new IdxFormatException(labels.source() + ": a label file has 1 dimension (count), this one has "
                    + labels.dimensions().length);
        }
        if (images.count() != labels.count()) {
            throw new IdxFormatException("count mismatch: " + images.source() + " holds " + images.count()
                    + " images but " + labels.source() + " holds " + labels.count() + " labels");
        }
        byte[] values = labels.data();
        for (int i = 0; i < values.length; i++) {
            int label = values[i] & 0xff;
            if (label >= classes) {
                throw new IdxFormatException(labels.source() + ": label " + label + " at index " + i
                        + " is not a class in [0, " + classes + ")");
            }
        }
        ImageShape shape = new ImageShape(images.dimensions()[2], images.dimensions()[1]);
        return new LabelledImages(images.count(), shape, images.data(), values);
    }

    public int label(int index) { return labels[index] & 0xff; }

    /** Copies image {@code index} into {@code out[offset ..)} with pixels scaled to [0, 1] (p / 255). */
    public void copyScaled(int index, double[] out, int offset) {
        int size = shape.pixels();
        int from = index * size;
        for (int p = 0; p < size; p++) {
            out[offset + p] = (pixels[from + p] & 0xff) / 255.0;
        }
    }

    /** The images at the given indices, in that order (a copy). */
    public LabelledImages select(int[] indices) {
        int size = shape.pixels();
        byte[] pickedPixels = new byte[indices.length * size];
        byte[] pickedLabels = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, pickedPixels, i * size, size);
            pickedLabels[i] = labels[indices[i]];
        }
        return new LabelledImages(indices.length, shape, pickedPixels, pickedLabels);
    }

    /** As IDX files again (what the subset cutter writes). */
    public IdxFile imageFile(String source) {
        return IdxFile.of(source, new int[] {count, shape.height(), shape.width()}, pixels);
    }

    public IdxFile labelFile(String source) {
        return IdxFile.of(source, new int[] {count}, labels);
    }
}
