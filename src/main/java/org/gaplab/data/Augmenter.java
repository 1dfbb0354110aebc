package org.gaplab.data;

import java.util.random.RandomGenerator;

/**
 * Makes new training examples on the fly by transforming a copy of each minibatch; labels never change, and
 * validation and test data are never passed in. Seeded through the generator the caller injects, so a run repeats.
 *
 * <p>Images, per image and in this order: one resampling for shift (whole pixels), rotation, rescale and horizontal
 * flip about the centre (bilinear, black outside), then Gaussian blur with σ drawn from [0, blur], Gaussian pixel
 * noise (clamped to [0, 1]), and cutout of a square at a random centre. A transform whose strength is 0 draws no random
 * numbers and costs nothing.
 *
 * <p>2-D points: jitter moves the point itself by a Gaussian step of σ = jitter in both coordinates and recomputes
 * every input feature from the moved point (see {@link PointEncoding} for how the point is read back when the inputs
 * are derived features such as x1²). Jittering the columns one by one would make rows no point could produce.
 * Image transforms do nothing to points, jitter nothing to images, and data that is neither (noisy-features, the
 * sparse feature-cross) is left as it is.
 *
 * <p>Not thread-safe: it keeps scratch buffers so that {@link #augment} allocates nothing. One per training loop.
 */
public final class Augmenter {
    private static final double MIN_BLUR = 0.1;        // below this σ a blur kernel is a delta
    private static final int MAX_BLUR_RADIUS = 3 * (int) Math.ceil(AugmentationSpec.BLUR.max());

    private final AugmentationSpec spec;
    private final ImageShape shape;
    private final PointEncoding points;                 // null unless the rows are 2-D point features
    private final boolean geometric;
    private final boolean identity;

    private final double[] source;                      // the image before resampling
    private final double[] pass;                        // the blur's horizontal pass
    private final double[] kernel = new double[2 * MAX_BLUR_RADIUS + 1];
    private final double[] point = new double[2];

    /**
     * An augmenter for rows of this shape. With {@link ImageShape#NONE} the rows are taken to be 2-D points whose
     * first two columns are the raw x1 and x2 (the default input features); when the inputs include derived features
     * use {@link #Augmenter(AugmentationSpec, DataSplits)}, which recomputes them.
     */
    public Augmenter(AugmentationSpec spec, ImageShape shape) {
        this(spec, shape, shape.isImage() ? null : PointEncoding.RAW);
    }

    /** An augmenter for rows of this data: images, 2-D points with their input features, or neither. */
    public Augmenter(AugmentationSpec spec, DataSplits data) {
        this(spec, data.image(), data.points().orElse(null));
    }

    private Augmenter(AugmentationSpec spec, ImageShape shape, PointEncoding points) {
        this.spec = spec;
        this.shape = shape;
        this.points = points;
        this.geometric = spec.shift() > 0 || spec.rotation() > 0 || spec.scale() > 0 || spec.flip();
        boolean imageWork = shape.isImage()
                && (geometric || spec.blur() > 0 || spec.noise() > 0 || spec.cutout() > 0);
        boolean pointWork = points != null && spec.jitter() > 0;
        this.identity = !imageWork && !pointWork;
        this.source = new double[shape.isImage() ? shape.pixels() : 0];
        this.pass = new double[source.length];
    }

    /** Whether {@link #augment} leaves every row as it is (then the caller need not copy the batch). */
    public boolean isIdentity() { return identity; }

    public AugmentationSpec spec() { return spec; }

    /**
     * Transforms {@code count} dense row-major rows of {@code columns} values in place.
     *
     * @throws IllegalArgumentException when the rows do not fit the shape this augmenter was made for
     */
    public void augment(double[] rows, int count, int columns, RandomGenerator rng) {
        if (count < 0 || (long) count * columns > rows.length) {
            throw new IllegalArgumentException(count + " rows of " + columns + " do not fit in " + rows.length + " values");
        }
        if (identity) return;
        if (shape.isImage()) {
            if (columns != shape.pixels()) {
                throw new IllegalArgumentException("rows of " + columns + " values are not " + shape.width() + "×"
                        + shape.height() + " images");
            }
            for (int i = 0; i < count; i++) augmentImage(rows, i * columns, rng);
        } else {
            if (columns < points.size()) {
                throw new IllegalArgumentException("rows of " + columns + " values cannot hold the point features "
                        + points.names());
            }
            for (int i = 0; i < count; i++) jitter(rows, i * columns, rng);
        }
    }

    /** {@code count} augmented copies of one row, one after another (for the page's "what the augmenter made"). */
    public double[] samples(double[] row, int count, RandomGenerator rng) {
        double[] copies = new double[count * row.length];
        for (int i = 0; i < count; i++) System.arraycopy(row, 0, copies, i * row.length, row.length);
        augment(copies, count, row.length, rng);
        return copies;
    }

    private void jitter(double[] rows, int offset, RandomGenerator rng) {
        points.recoverPoint(rows, offset, point);
        double x1 = point[0] + spec.jitter() * rng.nextGaussian();      // x ← x + σ·ε, ε ~ N(0, 1)
        double x2 = point[1] + spec.jitter() * rng.nextGaussian();
        points.encode(x1, x2, rows, offset);
    }

    private void augmentImage(double[] image, int offset, RandomGenerator rng) {
        if (geometric) warp(image, offset, rng);
        if (spec.blur() > 0) blur(image, offset, rng.nextDouble() * spec.blur());
        if (spec.noise() > 0) {
            for (int p = offset; p < offset + shape.pixels(); p++) {
                image[p] = clamp(image[p] + spec.noise() * rng.nextGaussian());   // p ← clamp(p + σ·ε)
            }
        }
        if (spec.cutout() > 0) cutout(image, offset, rng.nextInt(shape.width()), rng.nextInt(shape.height()));
    }

    /**
     * Shift, rotate, rescale and flip about the image centre in one resampling. For each output pixel the inverse map
     * finds where it came from: undo the shift, then the rotation, then the scale, then the flip.
     */
    private void warp(double[] image, int offset, RandomGenerator rng) {
        int width = shape.width();
        int height = shape.height();
        int dx = spec.shift() > 0 ? rng.nextInt(-spec.shift(), spec.shift() + 1) : 0;
        int dy = spec.shift() > 0 ? rng.nextInt(-spec.shift(), spec.shift() + 1) : 0;
        double angle = spec.rotation() > 0 ? Math.toRadians(rng.nextDouble(-spec.rotation(), spec.rotation())) : 0;
        double scale = spec.scale() > 0 ? rng.nextDouble(1 - spec.scale(), 1 + spec.scale()) : 1;
        boolean flip = spec.flip() && rng.nextBoolean();
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cx = width / 2.0;
        double cy = height / 2.0;
        System.arraycopy(image, offset, source, 0, shape.pixels());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = x + 0.5 - cx - dx;                   // undo the shift
                double v = y + 0.5 - cy - dy;
                double ru = (cos * u + sin * v) / scale;        // undo the rotation, (u, v) ← R(−θ)·(u, v), and the scale
                double rv = (-sin * u + cos * v) / scale;
                if (flip) ru = -ru;                             // undo the flip
                image[offset + y * width + x] = bilinear(ru + cx - 0.5, rv + cy - 0.5);
            }
        }
    }

    /** The source image at a fractional position, black outside: a weighted mean of the four nearest pixels. */
    private double bilinear(double sx, double sy) {
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        double top = (1 - fx) * pixel(x0, y0) + fx * pixel(x0 + 1, y0);          // lerp along x, then along y
        double bottom = (1 - fx) * pixel(x0, y0 + 1) + fx * pixel(x0 + 1, y0 + 1);
        return (1 - fy) * top + fy * bottom;
    }

    private double pixel(int x, int y) {
        if (x < 0 || y < 0 || x >= shape.width() || y >= shape.height()) return 0;
        return source[y * shape.width() + x];
    }

    /** Separable Gaussian blur, kernel radius ⌈3σ⌉, edges extended. */
    private void blur(double[] image, int offset, double sigma) {
        if (sigma < MIN_BLUR) return;
        int radius = Math.min(MAX_BLUR_RADIUS, (int) Math.ceil(3 * sigma));
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));     // g(k) = exp(−k² / 2σ²)
            sum += kernel[k + radius];
        }
        for (int k = 0; k <= 2 * radius; k++) kernel[k] /= sum;             // Σ g = 1 keeps brightness
        int width = shape.width();
        int height = shape.height();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double value = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.max(0, Math.min(width - 1, x + k));
                    value += kernel[k + radius] * image[offset + y * width + xx];
                }
                pass[y * width + x] = value;
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double value = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.max(0, Math.min(height - 1, y + k));
                    value += kernel[k + radius] * pass[yy * width + x];
                }
                image[offset + y * width + x] = value;
            }
        }
    }

    /** Blanks a square of side {@code cutout} centred at (cx, cy); it may hang over the edge. */
    private void cutout(double[] image, int offset, int cx, int cy) {
        int side = spec.cutout();
        int left = cx - side / 2;
        int top = cy - side / 2;
        for (int y = Math.max(0, top); y < Math.min(shape.height(), top + side); y++) {
            for (int x = Math.max(0, left); x < Math.min(shape.width(), left + side); x++) {
                image[offset + y * shape.width() + x] = 0;
            }
        }
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    @Override public String toString() {
        return "Augmenter[" + spec + ", " + (shape.isImage() ? shape : points) + (identity ? ", identity" : "") + "]";
    }
}
