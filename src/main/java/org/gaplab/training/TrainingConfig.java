package org.gaplab.training;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.gaplab.data.AugmentationSpec;
import org.gaplab.data.DataSpec;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Init;
import org.gaplab.engine.L1Mode;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.settings.About;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Scale;
import org.gaplab.settings.Setting;
import org.gaplab.settings.SettingValues;
import org.gaplab.settings.SweepPlan;

/**
 * Everything that defines one training run, validated on construction: a bad value throws an
 * {@link InvalidSettingException} naming the field, the value and the allowed range, never a silent clamp. The
 * {@code Setting} constants here (and in {@link DataSpec}, {@link AugmentationSpec}, {@link EarlyStoppingSpec}) are
 * the single source of the rules; see {@link ConfigSchema}.
 *
 * <p>The values are kept by descriptor ({@link #get}); the named accessors ({@link #l2()}, {@link #hiddenLayers()},
 * ...) are typed views of them for the code that trains. {@code dropout} holds one rate per hidden layer (the config
 * may give one number for all). {@code seeds} is how many runs of this config the experiment trains, on seeds
 * {@code seed}, {@code seed + 1}, ...: each draws its own training sample and initial weights, all are judged on the
 * validation and test points of {@code seed} ({@link #replicate}); one trainer never reads it.
 *
 * @param data   the data settings, with the world's seed and the training sample's
 * @param values every other setting: {@link #SETTINGS}
 */
public record TrainingConfig(DataSpec data, SettingValues values) {

    /** The largest network a session may build, in weights and biases. */
    public static final long MAX_PARAMETERS = 3_000_000;

    public static final Setting.IntegerList HIDDEN_LAYERS = new Setting.IntegerList("hiddenLayers", 0, 8, 1, 1024,
            List.of(8, 8), About.onReset("Hidden layers", "Neurons in each hidden layer"));
    public static final Setting.Choice ACTIVATION = new Setting.Choice("activation", names(Activation.values()),
            "tanh", About.onReset("Activation", "Nonlinearity of the hidden layers"));
    public static final Setting.Choice INIT = new Setting.Choice("init", names(Init.values()), "xavier-normal",
            About.onReset("Initialization", "How the weights start"));
    public static final Setting.Number BIAS_INIT = new Setting.Number("biasInit", -1, 1, 0, Scale.LINEAR,
            About.onReset("Bias start value", "The value every bias starts at"));
    public static final Setting.Choice OPTIMIZER = new Setting.Choice("optimizer", names(OptimizerKind.values()), "sgd",
            About.onReset("Optimizer", "Update rule; under adam L2 is inside the adaptive step, adamw decays weights outside it"));
    public static final Setting.Number LEARNING_RATE = new Setting.Number("learningRate", 1e-6, 10, 0.03, Scale.LOG,
            About.live("Learning rate α", "Step size α").sweptOver(SweepPlan.grid(0.001, 1, 7).suggestedOnly()));
    public static final Setting.Number MOMENTUM = new Setting.Number("momentum", 0, 0.99, 0.9, Scale.LINEAR,
            About.live("Momentum μ", "Momentum μ (optimizer momentum only)"));
    public static final Setting.Integer BATCH_SIZE = new Setting.Integer("batchSize", 1, 1024, 10,
            About.onReset("Batch size", "Examples per minibatch"));
    public static final Setting.Integer EPOCHS = new Setting.Integer("epochs", 1, 100_000, 300,
            About.live("Epochs", "Passes over the training set"));
    public static final Setting.Integer SEED = new Setting.Integer("seed", 0, Integer.MAX_VALUE, 1,
            About.onReset("Seed", "Seeds the data, the initial weights, the shuffles, the dropout masks and the augmentation")
                    .sharedByComparedRuns());
    public static final Setting.Integer SEEDS = new Setting.Integer("seeds", 1, 10, 1, About.onReset("Seeds",
            "Runs on seeds seed, seed+1, …: each its own training sample and initial weights, the same validation and test points"));
    public static final Setting.Number L1 = new Setting.Number("l1", 0, 1, 0, Scale.LOG,
            About.live("L1 strength λ₁", "L1 strength λ₁ in λ₁·Σ|w|").sweptOver(SweepPlan.grid(1e-5, 1, 8)));
    public static final Setting.Number L2 = new Setting.Number("l2", 0, 1, 0, Scale.LOG,
            About.live("L2 strength λ₂", "L2 strength λ₂ in (λ₂/2)·Σw²").sweptOver(SweepPlan.grid(1e-5, 1, 8)));
    public static final Setting.Choice L1_MODE = new Setting.Choice("l1Mode", names(L1Mode.values()), "clip",
            About.live("L1 update", "subgradient: add λ₁·sign(w); clip: soft-threshold at zero, which gives exact zeros under SGD (few under Adam, whose steps of about α dwarf αλ₁)"));
    public static final Setting.Flag REGULARIZE_BIASES = new Setting.Flag("regularizeBiases", false,
            About.live("Penalize biases too", "Penalize biases too (off by default, as is usual)"));
    public static final Setting.NumberList DROPOUT = new Setting.NumberList("dropout", 0, 8, 0, 0.9, List.of(),
            About.live("Dropout rate p", "Dropout rate p of each hidden layer (one number applies to all)")
                    .sweptOver(SweepPlan.values(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)));
    public static final Setting.Number INPUT_DROPOUT = new Setting.Number("inputDropout", 0, 0.9, 0, Scale.LINEAR,
            About.live("Input dropout", "Dropout rate of the inputs").sweptOver(SweepPlan.values(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)));
    public static final Setting.Number MAX_NORM = new Setting.Number("maxNorm", 0, 10, 0, Scale.LINEAR,
            About.live("Max-norm c", "Max-norm constraint: after each step every unit's incoming weights are scaled back to ‖w_j‖₂ ≤ c (0: off); the dropout paper pairs it with dropout")
                    .sweptOver(SweepPlan.grid(0.25, 8, 6)));

    public static final List<Setting> MODEL_SETTINGS = List.of(HIDDEN_LAYERS, ACTIVATION, INIT, BIAS_INIT);
    public static final List<Setting> OPTIMIZATION_SETTINGS = List.of(OPTIMIZER, LEARNING_RATE, MOMENTUM, BATCH_SIZE,
            EPOCHS, SEED, SEEDS);
    public static final List<Setting> REGULARIZATION_SETTINGS = List.of(L1, L2, L1_MODE, REGULARIZE_BIASES, DROPOUT,
            INPUT_DROPOUT, MAX_NORM);

    /** Every setting but the data's, in the config's order: what {@link #values} holds. */
    public static final List<Setting> SETTINGS = concat(MODEL_SETTINGS, OPTIMIZATION_SETTINGS, REGULARIZATION_SETTINGS,
            AugmentationSpec.SETTINGS, EarlyStoppingSpec.SETTINGS);

    public static final TrainingConfig DEFAULTS = new TrainingConfig(DataSpec.DEFAULTS, SettingValues.defaults(SETTINGS));

    public TrainingConfig {
        Objects.requireNonNull(data, "data");
        if (!values.settings().equals(SETTINGS)) throw new IllegalArgumentException("a config holds exactly " + SETTINGS);
        // Kept as the config writes it (one number when every layer has the same rate), so it outlives a new layer count.
        values = values.withJson(DROPOUT, DROPOUT.json(perHiddenLayer(values.get(DROPOUT), values.get(HIDDEN_LAYERS).size())));
        if (!values.get(EarlyStoppingSpec.ENABLED)) values = values.with(SettingValues.defaults(EarlyStoppingSpec.SETTINGS));
        long seed = values.get(SEED);
        int seeds = values.get(SEEDS);
        if (seed + seeds - 1 > Integer.MAX_VALUE) {
            throw new InvalidSettingException(SEEDS.name(), seeds, "at most " + (Integer.MAX_VALUE - seed + 1)
                    + " from seed " + seed + " (the last run's seed, seed + seeds − 1, must be at most " + Integer.MAX_VALUE + ")");
        }
        if (data.sampleSeed() != seed) data = data.withSeed(seed);   // a replicate's data keeps its world's seed
    }

    /** One rate for every hidden layer: none means 0, a single number applies to all, else one per layer. */
    private static List<Double> perHiddenLayer(List<Double> rates, int layers) {
        if (rates.isEmpty()) return java.util.Collections.nCopies(layers, 0.0);
        if (rates.size() == 1) return java.util.Collections.nCopies(layers, rates.get(0));
        if (rates.size() != layers) {
            throw new InvalidSettingException(DROPOUT.name(), Arrays.toString(rates.stream().mapToDouble(Double::doubleValue).toArray()),
                    "one number, or one per hidden layer (" + layers + ")");
        }
        return rates;
    }

    /** The config with these values of its settings (any of {@link #SETTINGS}) replacing its own. */
    public TrainingConfig with(SettingValues changed) {
        return new TrainingConfig(data, values.with(changed));
    }

    public List<Integer> hiddenLayers() { return values.get(HIDDEN_LAYERS); }

    public Activation activation() { return Activation.valueOf(enumName(values.get(ACTIVATION))); }

    public Init init() { return Init.valueOf(enumName(values.get(INIT))); }

    public double biasInit() { return values.get(BIAS_INIT); }

    public OptimizerKind optimizer() { return OptimizerKind.valueOf(enumName(values.get(OPTIMIZER))); }

    public double learningRate() { return values.get(LEARNING_RATE); }

    public double momentum() { return values.get(MOMENTUM); }

    public int batchSize() { return values.get(BATCH_SIZE); }

    public int epochs() { return values.get(EPOCHS); }

    public long seed() { return values.get(SEED); }

    public int seeds() { return values.get(SEEDS); }

    public double l1() { return values.get(L1); }

    public double l2() { return values.get(L2); }

    public L1Mode l1Mode() { return L1Mode.valueOf(enumName(values.get(L1_MODE))); }

    public boolean regularizeBiases() { return values.get(REGULARIZE_BIASES); }

    /** One rate per hidden layer. */
    public List<Double> dropout() { return perHiddenLayer(values.get(DROPOUT), hiddenLayers().size()); }

    public double inputDropout() { return values.get(INPUT_DROPOUT); }

    public AugmentationSpec augmentation() { return AugmentationSpec.of(values); }

    public EarlyStoppingSpec earlyStopping() { return EarlyStoppingSpec.of(values); }

    public int[] hiddenWidths() { return hiddenLayers().stream().mapToInt(Integer::intValue).toArray(); }

    public double[] dropoutRates() { return dropout().stream().mapToDouble(Double::doubleValue).toArray(); }

    public TrainingConfig withData(DataSpec value) { return new TrainingConfig(value, values); }

    public TrainingConfig withModel(List<Integer> hidden, Activation act, Init initializer) {
        List<Double> dropout = dropout();
        List<Double> rates = dropout.stream().distinct().count() <= 1 && !dropout.isEmpty()
                ? List.of(dropout.get(0)) : hidden.size() == dropout.size() ? dropout : List.of();
        return new TrainingConfig(data, values.withJson(HIDDEN_LAYERS, hidden).with(ACTIVATION, act.configName())
                .with(INIT, initializer.configName()).withJson(DROPOUT, rates));
    }

    public TrainingConfig withOptimizer(OptimizerKind kind, double rate) {
        return new TrainingConfig(data, values.with(OPTIMIZER, kind.configName()).with(LEARNING_RATE, rate));
    }

    public TrainingConfig withLearningRate(double value) { return withOptimizer(optimizer(), value); }

    public TrainingConfig withBatchSize(int value) { return new TrainingConfig(data, values.with(BATCH_SIZE, value)); }

    public TrainingConfig withEpochs(int value) { return new TrainingConfig(data, values.with(EPOCHS, value)); }

    public TrainingConfig withSeed(long value) {
        if (value < 0 || value > Integer.MAX_VALUE) throw new InvalidSettingException(SEED.name(), value, "an integer in [0, " + Integer.MAX_VALUE + "]");
        return new TrainingConfig(data, values.with(SEED, (int) value));
    }

    /** L1 and L2 strengths and the L1 update mode together (elastic net when both are nonzero). */
    public TrainingConfig withPenalty(double l1Strength, double l2Strength, L1Mode mode) {
        return new TrainingConfig(data, values.with(L1, l1Strength).with(L2, l2Strength).with(L1_MODE, mode.configName()));
    }

    public TrainingConfig withL1(double value, L1Mode mode) { return withPenalty(value, l2(), mode); }

    public TrainingConfig withL2(double value) { return withPenalty(l1(), value, l1Mode()); }

    /** Dropout rates: one number for all hidden layers or one per layer; and the input rate. */
    public TrainingConfig withDropout(List<Double> rates, double inputRate) {
        return new TrainingConfig(data, values.withJson(DROPOUT, rates).with(INPUT_DROPOUT, inputRate));
    }

    public TrainingConfig withAugmentation(AugmentationSpec value) { return with(value.values()); }

    public TrainingConfig withEarlyStopping(EarlyStoppingSpec value) { return with(value.values()); }

    /** The config with this many seeds; the runs themselves are {@link #replicate}s. */
    public TrainingConfig withSeeds(int count) { return new TrainingConfig(data, values.with(SEEDS, count)); }

    /**
     * Run {@code index} (0 to seeds − 1) of this config's experiment: seed {@code seed + index} for its training
     * sample, initial weights, shuffles and masks; the world, validation and test points of {@code seed}. Run 0 is
     * this config itself, so one seed trains exactly what a plain run does.
     */
    public TrainingConfig replicate(int index) {
        if (index < 0 || index >= seeds()) throw new IllegalArgumentException("run " + index + " of " + seeds() + " seeds");
        return onSeed(seed() + index);
    }

    /**
     * The run of this config on {@code runSeed}: its own training sample, initial weights, shuffles and masks, in this
     * config's world and judged on its validation and test points. {@code onSeed(seed)} is this config itself.
     */
    public TrainingConfig onSeed(long runSeed) {
        if (runSeed == seed()) return withSeeds(1);
        TrainingConfig own = withSeeds(1).withSeed(runSeed);
        return own.withData(own.data().withSeed(seed()).withSampleSeed(runSeed));
    }

    private static String enumName(String configName) {
        return configName.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    @SafeVarargs
    private static List<Setting> concat(List<Setting>... groups) {
        return Arrays.stream(groups).flatMap(List::stream).toList();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList();
    }
}
