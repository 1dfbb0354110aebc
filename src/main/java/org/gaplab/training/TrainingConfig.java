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
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Setting;

/**
 * Everything that defines one training run, validated on construction: a bad value throws an
 * {@link InvalidSettingException} naming the field, the value and the allowed range, never a silent clamp. The
 * {@code Setting} constants here (and in {@link DataSpec}, {@link AugmentationSpec}, {@link EarlyStoppingSpec}) are
 * the single source of the rules; see {@link ConfigSchema}.
 *
 * @param dropout one rate per hidden layer (the config may give one number for all)
 * @param seeds   how many runs of this config the experiment trains, on seeds {@code seed}, {@code seed + 1}, ...:
 *                each draws its own training sample and initial weights, all are judged on the validation and test
 *                points of {@code seed} ({@link #replicate}); one trainer never reads it
 */
public record TrainingConfig(DataSpec data, List<Integer> hiddenLayers, Activation activation, Init init,
                             double biasInit, OptimizerKind optimizer, double learningRate, double momentum,
                             int batchSize, int epochs, long seed, double l1, double l2, L1Mode l1Mode,
                             boolean regularizeBiases, List<Double> dropout, double inputDropout,
                             AugmentationSpec augmentation, EarlyStoppingSpec earlyStopping, int seeds) {

    /** The largest network a session may build, in weights and biases. */
    public static final long MAX_PARAMETERS = 3_000_000;

    public static final Setting.IntegerList HIDDEN_LAYERS = new Setting.IntegerList("hiddenLayers", 0, 8, 1, 1024,
            List.of(8, 8), false, "Neurons in each hidden layer");
    public static final Setting.Choice ACTIVATION = new Setting.Choice("activation", names(Activation.values()),
            "tanh", false, "Nonlinearity of the hidden layers");
    public static final Setting.Choice INIT = new Setting.Choice("init", names(Init.values()), "xavier-normal", false,
            "How the weights start");
    public static final Setting.Number BIAS_INIT = new Setting.Number("biasInit", -1, 1, 0, false, false,
            "The value every bias starts at");
    public static final Setting.Choice OPTIMIZER = new Setting.Choice("optimizer", names(OptimizerKind.values()), "sgd",
            false, "Update rule; under adam L2 is inside the adaptive step, adamw decays weights outside it");
    public static final Setting.Number LEARNING_RATE = new Setting.Number("learningRate", 1e-6, 10, 0.03, true, true,
            "Step size α");
    public static final Setting.Number MOMENTUM = new Setting.Number("momentum", 0, 0.99, 0.9, false, true,
            "Momentum μ (optimizer momentum only)");
    public static final Setting.Integer BATCH_SIZE = new Setting.Integer("batchSize", 1, 1024, 10, false,
            "Examples per minibatch");
    public static final Setting.Integer EPOCHS = new Setting.Integer("epochs", 1, 100_000, 300, true,
            "Passes over the training set");
    public static final Setting.Integer SEED = new Setting.Integer("seed", 0, Integer.MAX_VALUE, 1, false,
            "Seeds the data, the initial weights, the shuffles, the dropout masks and the augmentation");
    public static final Setting.Integer SEEDS = new Setting.Integer("seeds", 1, 10, 1, false,
            "Runs on seeds seed, seed+1, …: each its own training sample and initial weights, the same validation and test points");
    public static final Setting.Number L1 = new Setting.Number("l1", 0, 1, 0, true, true,
            "L1 strength λ₁ in λ₁·Σ|w|");
    public static final Setting.Number L2 = new Setting.Number("l2", 0, 1, 0, true, true,
            "L2 strength λ₂ in (λ₂/2)·Σw²");
    public static final Setting.Choice L1_MODE = new Setting.Choice("l1Mode", names(L1Mode.values()), "clip", true,
            "subgradient: add λ₁·sign(w); clip: soft-threshold at zero, which gives exact zeros under SGD (few under Adam, whose steps of about α dwarf αλ₁)");
    public static final Setting.Flag REGULARIZE_BIASES = new Setting.Flag("regularizeBiases", false, true,
            "Penalize biases too (off by default, as is usual)");
    public static final Setting.NumberList DROPOUT = new Setting.NumberList("dropout", 0, 8, 0, 0.9, List.of(), true,
            "Dropout rate p of each hidden layer (one number applies to all)");
    public static final Setting.Number INPUT_DROPOUT = new Setting.Number("inputDropout", 0, 0.9, 0, false, true,
            "Dropout rate of the inputs");

    public static final List<Setting> MODEL_SETTINGS = List.of(HIDDEN_LAYERS, ACTIVATION, INIT, BIAS_INIT);
    public static final List<Setting> OPTIMIZATION_SETTINGS = List.of(OPTIMIZER, LEARNING_RATE, MOMENTUM, BATCH_SIZE,
            EPOCHS, SEED, SEEDS);
    public static final List<Setting> REGULARIZATION_SETTINGS = List.of(L1, L2, L1_MODE, REGULARIZE_BIASES, DROPOUT,
            INPUT_DROPOUT);

    public static final TrainingConfig DEFAULTS = new TrainingConfig(DataSpec.DEFAULTS, HIDDEN_LAYERS.defaultList(),
            Activation.TANH, Init.XAVIER_NORMAL, 0, OptimizerKind.SGD, LEARNING_RATE.defaultNumber(),
            MOMENTUM.defaultNumber(), BATCH_SIZE.defaultInt(), EPOCHS.defaultInt(), SEED.defaultInt(), 0, 0, L1Mode.CLIP,
            false, List.of(), 0, AugmentationSpec.NONE, EarlyStoppingSpec.OFF, SEEDS.defaultInt());

    public TrainingConfig {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(activation, ACTIVATION.name());
        Objects.requireNonNull(init, INIT.name());
        Objects.requireNonNull(optimizer, OPTIMIZER.name());
        Objects.requireNonNull(l1Mode, L1_MODE.name());
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(earlyStopping, "earlyStopping");
        int[] widths = HIDDEN_LAYERS.check(hiddenLayers.stream().mapToInt(Integer::intValue).toArray());
        hiddenLayers = Arrays.stream(widths).boxed().toList();
        BIAS_INIT.check(biasInit);
        LEARNING_RATE.check(learningRate);
        MOMENTUM.check(momentum);
        BATCH_SIZE.check(batchSize);
        EPOCHS.check(epochs);
        if (seed < 0 || seed > Integer.MAX_VALUE) throw new InvalidSettingException(SEED.name(), seed, "an integer in [0, " + Integer.MAX_VALUE + "]");
        L1.check(l1);
        L2.check(l2);
        INPUT_DROPOUT.check(inputDropout);
        dropout = perHiddenLayer(DROPOUT.check(dropout.stream().mapToDouble(Double::doubleValue).toArray()), widths.length);
        SEEDS.check(seeds);
        if (seed + seeds - 1 > Integer.MAX_VALUE) {
            throw new InvalidSettingException(SEEDS.name(), seeds, "at most " + (Integer.MAX_VALUE - seed + 1)
                    + " from seed " + seed + " (the last run's seed, seed + seeds − 1, must be at most " + Integer.MAX_VALUE + ")");
        }
        if (data.sampleSeed() != seed) data = data.withSeed(seed);   // a replicate's data keeps its world's seed
    }

    /** One rate for every hidden layer: none means 0, a single number applies to all, else one per layer. */
    private static List<Double> perHiddenLayer(double[] rates, int layers) {
        if (rates.length == 0) return java.util.Collections.nCopies(layers, 0.0);
        if (rates.length == 1) return java.util.Collections.nCopies(layers, rates[0]);
        if (rates.length != layers) {
            throw new InvalidSettingException(DROPOUT.name(), Arrays.toString(rates),
                    "one number, or one per hidden layer (" + layers + ")");
        }
        return Arrays.stream(rates).boxed().toList();
    }

    public int[] hiddenWidths() { return hiddenLayers.stream().mapToInt(Integer::intValue).toArray(); }

    public double[] dropoutRates() { return dropout.stream().mapToDouble(Double::doubleValue).toArray(); }

    public TrainingConfig withData(DataSpec value) {
        return new TrainingConfig(value, hiddenLayers, activation, init, biasInit, optimizer, learningRate, momentum,
                batchSize, epochs, seed, l1, l2, l1Mode, regularizeBiases, dropout, inputDropout, augmentation, earlyStopping, seeds);
    }

    public TrainingConfig withModel(List<Integer> hidden, Activation act, Init initializer) {
        List<Double> rates = dropout.stream().distinct().count() <= 1 && !dropout.isEmpty()
                ? List.of(dropout.get(0)) : hidden.size() == dropout.size() ? dropout : List.of();
        return new TrainingConfig(data, hidden, act, initializer, biasInit, optimizer, learningRate, momentum,
                batchSize, epochs, seed, l1, l2, l1Mode, regularizeBiases, rates, inputDropout, augmentation, earlyStopping, seeds);
    }

    public TrainingConfig withOptimizer(OptimizerKind kind, double rate) {
        return new TrainingConfig(data, hiddenLayers, activation, init, biasInit, kind, rate, momentum,
                batchSize, epochs, seed, l1, l2, l1Mode, regularizeBiases, dropout, inputDropout, augmentation, earlyStopping, seeds);
    }

    public TrainingConfig withLearningRate(double value) { return withOptimizer(optimizer, value); }

    public TrainingConfig withBatchSize(int value) {
        return new TrainingConfig(data, hiddenLayers, activation, init, biasInit, optimizer, learningRate, momentum,
                value, epochs, seed, l1, l2, l1Mode, regularizeBiases, dropout, inputDropout, augmentation, earlyStopping, seeds);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(data, hiddenLayers, activation, init, biasInit, optimizer, learningRate, momentum,
                batchSize, value, seed, l1, l2, l1Mode, regularizeBiases, dropout, inputDropout, augmentation, earlyStopping, seeds);
    }

    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(data, hiddenLayers, activation, init, biasInit, optimizer, learningRate, momentum,
                batchSize, epochs, value, l1, l2, l1Mode, regularizeBiases, dropout, inputDropout, augmentation, earlyStopping, seeds);
    }

    /** L1 and L2 strengths and the L1 update mode together (elastic net when both are nonzero). */
    public TrainingConfig withPenalty(double l1Strength, double l2Strength, L1Mode mode) {
        return new TrainingConfig(data, hiddenLayers, activation, init, biasInit, optimizer, learningRate, momentum,
                batchSize, epochs, seed, l1Strength, l2Strength, mode, regularizeBiases, dropout, inputDropout,
                augmentation, earlyStopping, seeds);
    }

    public TrainingConfig withL1(double value, L1Mode mode) { return withPenalty(value, l2, mode); }

    public TrainingConfig withL2(double value) { return withPenalty(l1, value, l1Mode); }

    /** Dropout rates: one number for all hidden layers or one per layer; and the input rate. */
    public TrainingConfig withDropout(List<Double> rates, double inputRate) {
        return new TrainingConfig(data, hiddenLayers, activation, init, biasInit, optimizer, learningRate, momentum,
                batchSize, epochs, seed, l1, l2, l1Mode, regularizeBiases, rates, inputRate, augmentation, earlyStopping, seeds);
    }

    public TrainingConfig withAugmentation(AugmentationSpec value) {
        return new TrainingConfig(data, hiddenLayers, activation, init, biasInit, optimizer, learningRate, momentum,
                batchSize, epochs, seed, l1, l2, l1Mode, regularizeBiases, dropout, inputDropout, value, earlyStopping, seeds);
    }

    public TrainingConfig withEarlyStopping(EarlyStoppingSpec value) {
        return new TrainingConfig(data, hiddenLayers, activation, init, biasInit, optimizer, learningRate, momentum,
                batchSize, epochs, seed, l1, l2, l1Mode, regularizeBiases, dropout, inputDropout, augmentation, value, seeds);
    }

    /** The config with this many seeds; the runs themselves are {@link #replicate}s. */
    public TrainingConfig withSeeds(int count) {
        return new TrainingConfig(data, hiddenLayers, activation, init, biasInit, optimizer, learningRate, momentum,
                batchSize, epochs, seed, l1, l2, l1Mode, regularizeBiases, dropout, inputDropout, augmentation,
                earlyStopping, count);
    }

    /**
     * Run {@code index} (0 to seeds − 1) of this config's experiment: seed {@code seed + index} for its training
     * sample, initial weights, shuffles and masks; the world, validation and test points of {@code seed}. Run 0 is
     * this config itself, so one seed trains exactly what a plain run does.
     */
    public TrainingConfig replicate(int index) {
        if (index < 0 || index >= seeds) throw new IllegalArgumentException("run " + index + " of " + seeds + " seeds");
        return onSeed(seed + index);
    }

    /**
     * The run of this config on {@code runSeed}: its own training sample, initial weights, shuffles and masks, in this
     * config's world and judged on its validation and test points. {@code onSeed(seed)} is this config itself.
     */
    public TrainingConfig onSeed(long runSeed) {
        if (runSeed == seed) return withSeeds(1);
        TrainingConfig own = withSeeds(1).withSeed(runSeed);
        return own.withData(own.data().withSeed(seed).withSampleSeed(runSeed));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList();
    }
}
