package org.gaplab.data;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.gaplab.settings.InvalidSettingException;

/**
 * Every dataset GapLab knows, in the page's order: its name, its family (what the page draws for it and which
 * settings it reads), the speed a learner watches it train at by default, and how it is made or loaded. Adding a
 * dataset is one entry here and its generator.
 *
 * <p>Default speeds, in epochs per second (0: as fast as the session's fair share allows): a 2-D set trains an epoch
 * in well under a millisecond, and at full speed its 300 epochs would be over before a learner sees the boundary
 * move, so it is slowed to a watchable pace. Image sets take long enough per epoch that they run as fast as they can.
 */
public enum Dataset {
    CIRCLE(PointPattern.CIRCLE),
    XOR(PointPattern.XOR),
    GAUSS(PointPattern.GAUSS),
    SPIRAL(PointPattern.SPIRAL),
    MOONS(PointPattern.MOONS),
    PLANE(PointPattern.PLANE),
    NOISY_FEATURES(NoisyFeatures.NAME, DataSpec.Family.FEATURES, 10.0, (spec, sources) -> NoisyFeatures.generate(spec)),
    FEATURE_CROSS(FeatureCross.NAME, DataSpec.Family.FEATURES, 5.0, (spec, sources) -> FeatureCross.generate(spec)),
    SHAPES(ShapeImages.NAME, DataSpec.Family.IMAGES, 5.0, (spec, sources) -> ShapeImages.generate(spec)),
    FASHION_MNIST(FashionMnist.NAME, DataSpec.Family.IMAGES, 0.0, FashionMnistSplits::load);

    /** Epochs per second a 2-D set trains at by default. */
    private static final double POINTS_SPEED = 15.0;

    private final String id;
    private final DataSpec.Family family;
    private final double defaultSpeed;
    private final BiFunction<DataSpec, FashionMnistSources, DataSplits> loader;

    Dataset(String id, DataSpec.Family family, double defaultSpeed,
            BiFunction<DataSpec, FashionMnistSources, DataSplits> loader) {
        this.id = id;
        this.family = family;
        this.defaultSpeed = defaultSpeed;
        this.loader = loader;
    }

    /** A 2-D set: its name and classes are its pattern's. */
    Dataset(PointPattern pattern) {
        this(pattern.datasetName(), DataSpec.Family.POINTS, POINTS_SPEED, (spec, sources) -> PointSets.generate(pattern, spec));
    }

    /** The name configs, the protocol and the page use ("circle", "fashion-mnist"). */
    public String id() { return id; }

    public DataSpec.Family family() { return family; }

    /** The epochs per second a learner watches it train at unless they choose (0: as fast as allowed). */
    public double defaultSpeed() { return defaultSpeed; }

    /** Every dataset's name, in the page's order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Dataset::id).toList();
    }

    /** The dataset of this name; refused naming the {@code dataset} setting and the names allowed. */
    public static Dataset named(String id) {
        for (Dataset dataset : values()) if (dataset.id.equals(id)) return dataset;
        throw new InvalidSettingException("dataset", id, "one of " + ids());
    }

    /** Makes or loads the splits {@code spec} asks for (Fashion-MNIST's full files are looked for in {@code sources}). */
    DataSplits load(DataSpec spec, FashionMnistSources sources) {
        return loader.apply(spec, sources);
    }
}
