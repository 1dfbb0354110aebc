package org.gaplab.data;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Procedurally drawn 28×28 grayscale images of ten simple shapes at random positions, sizes, stroke widths and
 * brightness, with Gaussian pixel noise of σ = noise (clamped to [0, 1]). Fast to make (a few microseconds per image)
 * and easy to read, so tests and the augmentation strip can use them. Labels are never flipped: noise here is
 * pixel noise.
 *
 * <p>Each shape is drawn from its signed distance d to the pixel centre, with intensity clamp(½ − d, 0, 1): a one-pixel
 * anti-aliased edge.
 */
final class ShapeImages {
    static final String NAME = "shapes";
    static final ImageShape SHAPE = new ImageShape(28, 28);

    /** The classes, in label order. The diagonal rises to the right, so a horizontal flip changes what it shows. */
    enum Shape {
        HORIZONTAL_BAR("horizontal bar"), VERTICAL_BAR("vertical bar"), DIAGONAL("diagonal"), CROSS("cross"),
        X("X"), CIRCLE("circle"), RING("ring"), SQUARE("square"), TRIANGLE("triangle"), DOT("dot");

        final String label;

        Shape(String label) { this.label = label; }
    }

    static final List<String> CLASS_NAMES = Arrays.stream(Shape.values()).map(shape -> shape.label).toList();

    private ShapeImages() {}

    static DataSplits generate(DataSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        Examples train = examples(spec.trainSize(), spec.noise(), spec.sampleStream(root.split()));
        Examples validation = examples(spec.validationSize(), spec.noise(), root.split());
        Examples test = examples(spec.testSize(), spec.noise(), root.split());
        return new DataSplits(NAME, Task.MULTICLASS, CLASS_NAMES.size(), train, validation, test, SHAPE,
                Datasets.pixelNames(SHAPE), CLASS_NAMES);
    }

    private static Examples examples(int size, double noise, SplittableRandom rng) {
        int pixels = SHAPE.pixels();
        double[] images = new double[size * pixels];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = rng.nextInt(Shape.values().length);
            draw(Shape.values()[labels[i]], rng, images, i * pixels);
            if (noise > 0) {
                for (int p = i * pixels; p < (i + 1) * pixels; p++) {
                    images[p] = clamp(images[p] + noise * rng.nextGaussian());
                }
            }
        }
        for (int p = 0; p < images.length; p++) images[p] = (float) images[p];   // 4 bytes a pixel in Examples
        return Examples.dense(pixels, images, labels);
    }

    /** Draws one shape of random size, position, stroke and brightness into {@code image[offset ..)}. */
    static void draw(Shape shape, SplittableRandom rng, double[] image, int offset) {
        int width = SHAPE.width();
        int height = SHAPE.height();
        double extent = shape == Shape.DOT ? rng.nextDouble(1.5, 2.5) : rng.nextDouble(5, 11);   // half-size
        double margin = extent + 1.5;
        double cx = rng.nextDouble(margin, width - margin);
        double cy = rng.nextDouble(margin, height - margin);
        double stroke = rng.nextDouble(0.8, 1.6);                                               // half-width
        double brightness = rng.nextDouble(0.7, 1.0);
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                double x = column + 0.5 - cx;                   // pixel centre relative to the shape's centre
                double y = row + 0.5 - cy;                      // y grows downwards, as in the image
                double d = signedDistance(shape, x, y, extent, stroke);
                image[offset + row * width + column] = brightness * clamp(0.5 - d);
            }
        }
    }

    /** Signed distance from (x, y) to the shape: negative inside, positive outside, in pixels. */
    private static double signedDistance(Shape shape, double x, double y, double e, double stroke) {
        double diagonal = e / Math.sqrt(2);                    // a diagonal stroke as long as a bar
        return switch (shape) {
            case HORIZONTAL_BAR -> segment(x, y, -e, 0, e, 0) - stroke;
            case VERTICAL_BAR -> segment(x, y, 0, -e, 0, e) - stroke;
            case DIAGONAL -> segment(x, y, -diagonal, diagonal, diagonal, -diagonal) - stroke;
            case CROSS -> Math.min(segment(x, y, -e, 0, e, 0), segment(x, y, 0, -e, 0, e)) - stroke;
            case X -> Math.min(segment(x, y, -diagonal, diagonal, diagonal, -diagonal),
                    segment(x, y, -diagonal, -diagonal, diagonal, diagonal)) - stroke;
            case CIRCLE, DOT -> Math.hypot(x, y) - e;
            case RING -> Math.abs(Math.hypot(x, y) - e) - stroke;
            case SQUARE -> Math.abs(box(x, y, 0.8 * e)) - stroke;
            case TRIANGLE -> triangle(x, y, e);
        };
    }

    /** Distance from (x, y) to the segment from (ax, ay) to (bx, by). */
    private static double segment(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));  // projection
        return Math.hypot(x - ax - t * dx, y - ay - t * dy);
    }

    /** Signed distance to an axis-aligned square of half-side h. */
    private static double box(double x, double y, double h) {
        double qx = Math.abs(x) - h;
        double qy = Math.abs(y) - h;
        return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0);
    }

    /**
     * Signed distance (exact near the edges, which is all the anti-aliasing needs) to a filled triangle pointing up
     * with apex (0, −e) and base corners (±e, e·0.8): the largest of the three edges' signed line distances.
     */
    private static double triangle(double x, double y, double e) {
        double base = y - 0.8 * e;                                        // below the base is outside
        double normal = Math.hypot(1.8 * e, e);                           // ‖(±1.8e, −e)‖, the sides' outward normals
        double right = (1.8 * e * x - e * (y + e)) / normal;              // n·(p − apex), side to (e, 0.8e)
        double left = (-1.8 * e * x - e * (y + e)) / normal;              // n·(p − apex), side to (−e, 0.8e)
        return Math.max(base, Math.max(right, left));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
