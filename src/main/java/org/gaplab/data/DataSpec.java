package org.gaplab.data;

import java.util.List;
import org.gaplab.settings.About;
import org.gaplab.settings.Scale;
import org.gaplab.settings.Setting;
import org.gaplab.settings.SettingValues;
import org.gaplab.settings.SweepPlan;

/**
 * What data to make or load: the dataset, the size of each split, label noise, and the options some datasets take.
 * Validated on construction; {@link #SETTINGS} describes every field for the page and the protocol.
 *
 * @param seed       draws the world (what generated data means: which features carry the label, where the cities
 *                   are) and the validation and test examples
 * @param sampleSeed draws the training examples from the same world. Equal to {@code seed} in a plain run; the runs of
 *                   one experiment over several seeds share {@code seed} and differ in {@code sampleSeed}, so each
 *                   trains on its own sample while all are judged on the same validation and test points
 */
public record DataSpec(String dataset, int trainSize, int validationSize, int testSize, double noise,
                       List<String> inputFeatures, int crossRows, int crossColumns, int informativeFeatures,
                       int noiseFeatures, String fashionSource, long seed, long sampleSeed) {

    public static final Setting.Choice DATASET = new Setting.Choice("dataset", Dataset.ids(), Dataset.CIRCLE.id(),
            data("Dataset", "Which data to learn: a 2-D toy set, a wide sparse set, or images"));
    public static final Setting.Integer TRAIN_SIZE = new Setting.Integer("trainSize", 10, 60_000, 200,
            data("Training examples", "Training examples; small sets overfit on purpose")
                    .sweptOver(SweepPlan.values(25.0, 50.0, 100.0, 200.0, 400.0, 800.0, 1600.0, 3200.0)));
    public static final Setting.Integer VALIDATION_SIZE = new Setting.Integer("validationSize", 10, 20_000, 200,
            data("Validation examples", "Validation examples: early stopping and choosing λ look at these"));
    public static final Setting.Integer TEST_SIZE = new Setting.Integer("testSize", 10, 20_000, 200,
            data("Test examples", "Test examples: reported, never used to decide anything"));
    public static final Setting.Number NOISE = new Setting.Number("noise", 0.0, 0.5, 0.1, Scale.LINEAR,
            data("Noise", "Noise of generated data: moves points and flips labels (pixel noise for shapes; Fashion-MNIST ignores it)")
                    .sweptOver(SweepPlan.values(0.0, 0.1, 0.2, 0.3, 0.4, 0.5).suggestedOnly()));
    public static final Setting.ChoiceList INPUT_FEATURES = new Setting.ChoiceList("inputFeatures",
            List.of("x1", "x2", "x1Squared", "x2Squared", "x1x2", "sinX1", "sinX2"), 1, 7, List.of("x1", "x2"),
            data("Input features", "Input features computed from the two coordinates of a 2-D set"));
    public static final Setting.Integer CROSS_ROWS = new Setting.Integer("crossRows", 2, 100, 20,
            data("Latitude buckets", "feature-cross: latitude buckets"));
    public static final Setting.Integer CROSS_COLUMNS = new Setting.Integer("crossColumns", 2, 200, 40,
            data("Longitude buckets", "feature-cross: longitude buckets"));
    public static final Setting.Integer INFORMATIVE_FEATURES = new Setting.Integer("informativeFeatures", 1, 100, 5,
            data("Informative features", "noisy-features: features that carry the label"));
    public static final Setting.Integer NOISE_FEATURES = new Setting.Integer("noiseFeatures", 0, 2_000, 95,
            data("Noise features", "noisy-features: features of pure noise"));
    public static final Setting.Choice FASHION_SOURCE = new Setting.Choice("fashionSource", List.of("embedded", "full"),
            "embedded", data("Fashion-MNIST files", "fashion-mnist: the embedded subset, or the full official files when present"));

    public static final List<Setting> SETTINGS = List.of(DATASET, TRAIN_SIZE, VALIDATION_SIZE, TEST_SIZE, NOISE,
            INPUT_FEATURES, CROSS_ROWS, CROSS_COLUMNS, INFORMATIVE_FEATURES, NOISE_FEATURES, FASHION_SOURCE);

    /** The kinds of data: what the page draws for them and which settings they read follow from the kind. */
    public enum Family {
        /** 2-D points (circle ... plane): a decision boundary over the plane, each hidden unit's picture. */
        POINTS,
        /** Many plain or sparse features (noisy-features, feature-cross): first-layer weights as a row or a map. */
        FEATURES,
        /** Images (shapes, fashion-mnist): first-layer weights as images. */
        IMAGES;

        /** The family of a dataset name of {@link #DATASET} ({@link Dataset#family}). */
        public static Family of(String dataset) {
            return Dataset.named(dataset).family();
        }
    }

    /**
     * The datasets that read a setting (the others ignore it, so a config may switch datasets freely), for the
     * settings only some datasets read; null for a setting every dataset reads. Augmentation counts as data here:
     * jitter moves points, the other transforms change images (see {@code Augmenter}).
     */
    public static List<String> readBy(String setting) {
        if (named(setting, INPUT_FEATURES, AugmentationSpec.JITTER)) return of(Family.POINTS);
        if (named(setting, NOISE)) return DATASET.choices().stream().filter(d -> !d.equals(FashionMnist.NAME)).toList();
        if (named(setting, CROSS_ROWS, CROSS_COLUMNS)) return List.of(FeatureCross.NAME);
        if (named(setting, INFORMATIVE_FEATURES, NOISE_FEATURES)) return List.of(NoisyFeatures.NAME);
        if (named(setting, FASHION_SOURCE)) return List.of(FashionMnist.NAME);
        // Every other augmentation transforms images.
        if (named(setting, AugmentationSpec.SETTINGS.toArray(Setting[]::new))) return of(Family.IMAGES);
        return null;
    }

    /** Whether {@code name} is the name of one of {@code settings}. */
    private static boolean named(String name, Setting... settings) {
        return java.util.Arrays.stream(settings).anyMatch(s -> s.name().equals(name));
    }

    private static List<String> of(Family family) {
        return DATASET.choices().stream().filter(d -> Family.of(d) == family).toList();
    }

    public static final DataSpec DEFAULTS = new DataSpec(DATASET.defaultChoice(), TRAIN_SIZE.defaultInt(),
            VALIDATION_SIZE.defaultInt(), TEST_SIZE.defaultInt(), NOISE.defaultNumber(), INPUT_FEATURES.defaultList(),
            CROSS_ROWS.defaultInt(), CROSS_COLUMNS.defaultInt(), INFORMATIVE_FEATURES.defaultInt(),
            NOISE_FEATURES.defaultInt(), FASHION_SOURCE.defaultChoice(), 1L, 1L);

    public DataSpec {
        DATASET.check(dataset);
        TRAIN_SIZE.check(trainSize);
        VALIDATION_SIZE.check(validationSize);
        TEST_SIZE.check(testSize);
        NOISE.check(noise);
        inputFeatures = INPUT_FEATURES.check(inputFeatures);
        CROSS_ROWS.check(crossRows);
        CROSS_COLUMNS.check(crossColumns);
        INFORMATIVE_FEATURES.check(informativeFeatures);
        NOISE_FEATURES.check(noiseFeatures);
        FASHION_SOURCE.check(fashionSource);
    }

    /** A data setting: it takes effect in a new run, and both runs of a comparison share it. */
    private static About data(String label, String description) {
        return About.onReset(label, description).sharedByComparedRuns();
    }

    /** The data these values describe, drawn from seed {@code seed}, its training sample from {@code sampleSeed}. */
    public static DataSpec of(SettingValues v, long seed, long sampleSeed) {
        return new DataSpec(v.get(DATASET), v.get(TRAIN_SIZE), v.get(VALIDATION_SIZE), v.get(TEST_SIZE), v.get(NOISE),
                v.get(INPUT_FEATURES), v.get(CROSS_ROWS), v.get(CROSS_COLUMNS), v.get(INFORMATIVE_FEATURES),
                v.get(NOISE_FEATURES), v.get(FASHION_SOURCE), seed, sampleSeed);
    }

    /** The values of {@link #SETTINGS} (the seeds are the config's). */
    public SettingValues values() {
        return SettingValues.defaults(SETTINGS).with(DATASET, dataset).with(TRAIN_SIZE, trainSize)
                .with(VALIDATION_SIZE, validationSize).with(TEST_SIZE, testSize).with(NOISE, noise)
                .withJson(INPUT_FEATURES, inputFeatures).with(CROSS_ROWS, crossRows).with(CROSS_COLUMNS, crossColumns)
                .with(INFORMATIVE_FEATURES, informativeFeatures).with(NOISE_FEATURES, noiseFeatures)
                .with(FASHION_SOURCE, fashionSource);
    }

    public DataSpec withDataset(String value) {
        return new DataSpec(value, trainSize, validationSize, testSize, noise, inputFeatures, crossRows, crossColumns,
                informativeFeatures, noiseFeatures, fashionSource, seed, sampleSeed);
    }

    public DataSpec withSizes(int train, int validation, int test) {
        return new DataSpec(dataset, train, validation, test, noise, inputFeatures, crossRows, crossColumns,
                informativeFeatures, noiseFeatures, fashionSource, seed, sampleSeed);
    }

    public DataSpec withNoise(double value) {
        return new DataSpec(dataset, trainSize, validationSize, testSize, value, inputFeatures, crossRows, crossColumns,
                informativeFeatures, noiseFeatures, fashionSource, seed, sampleSeed);
    }

    /** The same data from another seed: another world, other validation and test points, another sample. */
    public DataSpec withSeed(long value) {
        return new DataSpec(dataset, trainSize, validationSize, testSize, noise, inputFeatures, crossRows, crossColumns,
                informativeFeatures, noiseFeatures, fashionSource, value, value);
    }

    /** Another training sample of the same world, judged on the same validation and test points. */
    public DataSpec withSampleSeed(long value) {
        return new DataSpec(dataset, trainSize, validationSize, testSize, noise, inputFeatures, crossRows, crossColumns,
                informativeFeatures, noiseFeatures, fashionSource, seed, value);
    }

    /** Whether the training sample is drawn by its own seed rather than the world's. */
    public boolean resampled() {
        return sampleSeed != seed;
    }

    /**
     * The stream the training examples are drawn from: {@code fromWorld}, the world seed's own stream for them, in a
     * plain run (so such data is exactly what it always was), else a stream of the sample seed alone.
     */
    public java.util.SplittableRandom sampleStream(java.util.SplittableRandom fromWorld) {
        return resampled() ? new java.util.SplittableRandom(sampleSeed).split() : fromWorld;
    }

    public DataSpec withInputFeatures(List<String> value) {
        return new DataSpec(dataset, trainSize, validationSize, testSize, noise, value, crossRows, crossColumns,
                informativeFeatures, noiseFeatures, fashionSource, seed, sampleSeed);
    }

    public DataSpec withCross(int rows, int columns) {
        return new DataSpec(dataset, trainSize, validationSize, testSize, noise, inputFeatures, rows, columns,
                informativeFeatures, noiseFeatures, fashionSource, seed, sampleSeed);
    }

    public DataSpec withFeatureCounts(int informative, int noisy) {
        return new DataSpec(dataset, trainSize, validationSize, testSize, noise, inputFeatures, crossRows, crossColumns,
                informative, noisy, fashionSource, seed, sampleSeed);
    }

    public DataSpec withFashionSource(String value) {
        return new DataSpec(dataset, trainSize, validationSize, testSize, noise, inputFeatures, crossRows, crossColumns,
                informativeFeatures, noiseFeatures, value, seed, sampleSeed);
    }
}
