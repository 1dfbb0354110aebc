package org.gaplab.data;

/** The layout of image inputs (row-major grayscale pixels in [0, 1]); {@link #NONE} for non-image data. */
public record ImageShape(int width, int height) {
    public static final ImageShape NONE = new ImageShape(0, 0);

    public boolean isImage() { return width > 0 && height > 0; }

    public int pixels() { return width * height; }
}
