package org.gaplab.training;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.gaplab.data.DataSplits;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Dropout;
import org.gaplab.engine.Precision;
import org.gaplab.engine.MaxNorm;
import org.gaplab.engine.Network;
import org.gaplab.engine.Regularization;
import org.gaplab.engine.Products;

/**
 * One training run, an epoch at a time: train on reshuffled minibatches, then measure train, validation and test
 * and report. The caller owns the pace ({@link #runEpoch} per step, or {@link #run} to the end), so a server can
 * pause, step and resume a run without the trainer knowing about it.
 *
 * <p>An epoch can also be trained in pieces ({@link #runEpoch(BooleanSupplier)}): it stops between two minibatches,
 * or between two chunks of its measurement, and goes on from there at the next call, computing the same bits as in
 * one piece. Live changes ({@link #applyLive}) take effect only between epochs, so a run is fully defined by its
 * config, its seed and the epoch at which each change took effect.
 *
 * <p>Randomness comes from one seed, split into independent streams in a fixed order (initial weights, shuffles,
 * dropout masks, augmentation), so the same config gives the same numbers bit for bit, and two configs that differ
 * only in, say, λ start from identical weights.
 */
public final class Trainer implements AutoCloseable {
    /** "Keep going": for callers that train an epoch in one piece. */
    private static final BooleanSupplier NEVER = () -> false;

    private final TrainingConfig initialConfig;
    private final DataSplits data;
    private final Network network;
    private final Products products;
    private final BatchLoop loop;
    private final Evaluator evaluator;
    private final Probe probe;
    private final InputUsage inputUsage;
    private TrainingConfig config;
    private EarlyStopping earlyStopping;
    private int epoch;
    private int bestValidationEpoch;
    private double bestValidationLoss = Double.POSITIVE_INFINITY;
    private EpochReport lastReport;
    private RunEnd end;
    // The epoch in progress: what it trains with (fixed for the whole epoch), then its measurement.
    private EpochSettings epochSettings;
    private Measurement measuring;   // null unless the splits are being measured for the next report
    private boolean detailed = true; // whether reports carry the layers' distributions
    private boolean probedEveryEpoch = true; // whether light reports measure activations and gradients after epoch 0
    private Evaluator.Result lastValidation;   // the last report's validation measurement: its mistakes, for the views

    /** A single-threaded trainer on this process's preferred backend ({@link Backend#preferred()}). */
    public Trainer(TrainingConfig config, DataSplits data) {
        this(config, data, Backend.preferred(), 1);
    }

    /** A trainer in the preferred precision ({@link Precision#preferred()}) on {@code backend}'s threads. */
    public Trainer(TrainingConfig config, DataSplits data, Backend backend, int threads) {
        this(config, data, backend, Precision.preferred(), threads);
    }

    /**
     * A trainer computing in {@code precision} on {@code backend} with up to {@code threads} threads (at most the
     * cores). The same config, seed, precision and backend give the same bits for any thread count.
     */
    public Trainer(TrainingConfig config, DataSplits data, Backend backend, Precision precision, int threads) {
        this.initialConfig = Objects.requireNonNull(config, "config");
        this.config = config;
        this.data = Objects.requireNonNull(data, "data");
        this.network = NetworkShape.build(config, data);
        RunRandoms randoms = RunRandoms.of(config.seed());
        network.initialize(config.init(), config.biasInit(), randoms.init());
        this.products = backend.products(threads, precision);
        this.loop = new BatchLoop(network, data.train(), config.batchSize(), config.optimizer(), products, randoms);
        this.evaluator = new Evaluator(network, data.train().isSparse(), products);
        this.probe = new Probe(network, data, products);
        this.inputUsage = new InputUsage(data);
        this.earlyStopping = new EarlyStopping(config.earlyStopping());
    }

    public TrainingConfig config() { return config; }
    public DataSplits data() { return data; }
    public int epoch() { return epoch; }
    public boolean isFinished() { return end != null; }
    public Optional<RunEnd> end() { return Optional.ofNullable(end); }
    public Optional<EpochReport> lastReport() { return Optional.ofNullable(lastReport); }

    /** The live network, for views and exports; callers must not change it. */
    public Network network() { return network; }

    /** The report of the untrained network (epoch 0): what initialization alone does. */
    public EpochReport initialReport() {
        return initialReport(NEVER).orElseThrow();
    }

    /**
     * The report of the untrained network, measured a chunk at a time until done or until {@code timeUp} says so
     * (checked after each chunk); empty while it goes on, so a later call continues where this one stopped.
     */
    public Optional<EpochReport> initialReport(BooleanSupplier timeUp) {
        if (epoch != 0) throw new IllegalStateException("the initial report exists only before the first epoch");
        if (measuring == null) measuring = new Measurement(evaluator, data, epoch == 0);
        if (!measuring.advance(timeUp, true)) return Optional.empty();
        return Optional.of(finishMeasuring());
    }

    /**
     * Trains one epoch and reports it. Returns empty when the run diverged during this epoch (then {@link #end()}
     * says so and no poisoned numbers are reported).
     */
    public Optional<EpochReport> runEpoch() { return runEpoch(NEVER); }

    /**
     * Trains the epoch in progress (or a new one) and measures it, until its report is ready or {@code timeUp} says
     * stop (checked after each minibatch and each measured chunk). Returns the report once the epoch is done; empty
     * while it goes on, and when the run diverged ({@link #isFinished()} tells the two apart).
     */
    public Optional<EpochReport> runEpoch(BooleanSupplier timeUp) {
        if (end != null) throw new IllegalStateException("the run has ended: " + end.reason().configName());
        boolean first = true;
        if (measuring == null || measuring.initial) {
            if (measuring != null) measuring = null;   // an unfinished epoch-0 measurement is not needed to train
            if (!loop.isEpochOpen()) {
                epochSettings = epochSettings();
            }
            Optional<BatchLoop.EpochResult> trained = loop.trainUntil(epochSettings, timeUp);
            if (trained.isEmpty()) return Optional.empty();
            BatchLoop.EpochResult result = trained.get();
            epoch++;
            if (result.diverged()) {
                end = new RunEnd(RunEnd.Reason.DIVERGED, epoch - 1, bestEpoch(), false,
                        "the training loss became " + result.meanBatchLoss() + " in epoch " + epoch + " (batch "
                                + (result.batches() + 1) + "): lower the learning rate (now " + epochSettings.learningRate()
                                + ") or use a gentler initialization", lastReport);
                return Optional.empty();
            }
            measuring = new Measurement(evaluator, data, epoch == 0);
            first = false;
        }
        if (!measuring.advance(timeUp, first)) return Optional.empty();
        EpochReport report = finishMeasuring();
        if (!Double.isFinite(report.losses().train()) || !Double.isFinite(report.losses().validation())) {
            end = new RunEnd(RunEnd.Reason.DIVERGED, epoch - 1, bestEpoch(), false,
                    "the loss became " + report.losses().train() + " after epoch " + epoch + ": lower the learning rate (now "
                            + config.learningRate() + ")", lastReport);
            return Optional.empty();
        }
        lastReport = report;
        if (report.losses().validation() < bestValidationLoss) {
            bestValidationLoss = report.losses().validation();
            bestValidationEpoch = epoch;
        }
        boolean stop = earlyStopping.shouldStop(epoch, report.losses().validation(), report.accuracies().validation(), network);
        if (stop || epoch >= config.epochs()) finish(stop ? RunEnd.Reason.EARLY_STOPPED : RunEnd.Reason.FINISHED);
        return Optional.of(report);
    }

    /**
     * The network's outputs on every validation example as it stands now (examples × output width): what the runs
     * of several seeds are compared by, point by point.
     */
    public double[] validationPredictions() {
        return evaluator.predict(data.validation());
    }

    /**
     * Whether reports carry each layer's distributions (weight and activation histograms, percentiles, singular
     * values). A run whose reports nobody looks at (one of several seeds, not the one shown) leaves them out; its
     * numbers, the scalars and everything verdicts read are the same either way.
     */
    public void setDetailed(boolean value) { detailed = value; }

    /**
     * Whether reports that are not {@linkplain #setDetailed detailed} still pass the probe rows through the network
     * for each layer's activation statistics and gradient norm after epoch 0 (the first report always does). A run
     * whose verdicts read them only at the start skips a third of a small network's epoch; a lesson whose claim reads
     * them in every epoch keeps them ({@code Lesson.probesEveryEpoch}).
     */
    public void setProbedEveryEpoch(boolean value) {
        probedEveryEpoch = value;
    }

    /** The report of the network as it stands, with every detail, measured at once; only between epochs. */
    public EpochReport reportNow() {
        if (!isBetweenEpochs() || measuring != null) throw new IllegalStateException("a report is measured between epochs");
        boolean was = detailed;
        detailed = true;
        try {
            return report();
        } finally {
            detailed = was;
        }
    }

    /** Whether no epoch is half-trained or half-measured: live changes may take effect now. */
    public boolean isBetweenEpochs() {
        return !loop.isEpochOpen() && (measuring == null || measuring.initial);
    }

    /** How far the epoch in progress (or the epoch-0 measurement) has come, for a progress bar. */
    public EpochProgress progress() {
        if (measuring != null) {
            return new EpochProgress(measuring.initial ? 0 : epoch, EpochProgress.Phase.MEASURING, measuring.rowsDone(),
                    measuring.rows());
        }
        return new EpochProgress(epoch + 1, EpochProgress.Phase.TRAINING, loop.batchesDone(), loop.batchesPerEpoch());
    }

    /** Runs epochs until the run ends, telling the listener about each. */
    public RunEnd run(TrainingListener listener) {
        while (end == null) runEpoch().ifPresent(listener::onEpoch);
        listener.onEnd(end);
        return end;
    }

    /**
     * Takes new values for the settings that can change mid-run (learning rate, momentum, λ₁, λ₂, L1 mode, bias
     * penalty, dropout, augmentation, early stopping, epochs). The caller has checked that no other setting differs
     * ({@code LiveChange.applyTo}, the one check on the way from the browser); the trainer trusts it.
     */
    public void applyLive(TrainingConfig next) {
        if (!isBetweenEpochs()) throw new IllegalStateException("live changes take effect between epochs");
        config = next;                                  // the next epoch's settings are read from it
        earlyStopping = earlyStopping.adopt(next.earlyStopping());
        if (end == null && epoch >= next.epochs()) finish(RunEnd.Reason.FINISHED);
    }

    private void finish(RunEnd.Reason reason) {
        boolean restored = earlyStopping.restoreBest(network);
        EpochReport finalReport = restored ? report() : lastReport;
        end = new RunEnd(reason, epoch, bestEpoch(), restored, switch (reason) {
            case FINISHED -> "finished all " + epoch + " epochs";
            case EARLY_STOPPED -> "stopped after epoch " + epoch + ": " + config.earlyStopping().monitor().configName()
                    + " did not improve for " + config.earlyStopping().patience() + " epochs";
            case DIVERGED -> "diverged";
        } + (restored ? "; restored the weights of epoch " + earlyStopping.bestEpoch() : ""), finalReport);
    }

    private int bestEpoch() {
        return config.earlyStopping().enabled() && earlyStopping.bestEpoch() > 0 ? earlyStopping.bestEpoch() : bestValidationEpoch;
    }

    /** What acts on the weights besides the data loss, from the config: the optimizer gets this list each epoch. */
    Regularization regularization() {
        Regularization penalty = Regularization.penalty(config.l1(), config.l2(), config.l1Mode(), config.regularizeBiases());
        double maxNorm = config.values().get(TrainingConfig.MAX_NORM);
        return maxNorm > 0 ? penalty.and(new MaxNorm(maxNorm)) : penalty;   // ‖w_j‖₂ ≤ c after the step; 0 is off
    }

    /** What the next epoch trains with, from the config as it stands. */
    private EpochSettings epochSettings() {
        return new EpochSettings(config.learningRate(), config.momentum(), regularization(),
                new Dropout(config.dropoutRates(), config.inputDropout()), Augmentations.forData(config.augmentation(), data));
    }

    private EpochReport report() {
        return report(evaluator.evaluate(data.train(), data.classes()), evaluator.evaluate(data.validation(), data.classes()),
                evaluator.evaluate(data.test(), data.classes()));
    }

    private EpochReport finishMeasuring() {
        Evaluator.Result[] results = measuring.results();
        measuring = null;
        return report(results[0], results[1], results[2]);
    }

    private EpochReport report(Evaluator.Result train, Evaluator.Result validation, Evaluator.Result test) {
        lastValidation = validation;
        double penalty = regularization().value(network);
        double nearZero = ModelStats.nearZeroThreshold(config.learningRate(), config.l1());
        ModelStats.Connectivity connectivity = ModelStats.Connectivity.of(network);
        List<LayerReport> layers = probe.layerReports(nearZero, connectivity, detailed,
                detailed || probedEveryEpoch || epoch == 0);
        Sparsity sparsity = Sparsity.total(layers, nearZero);
        EpochReport.Losses losses = new EpochReport.Losses(train.loss(), validation.loss(), test.loss(), penalty);
        EpochReport.Accuracies accuracies = new EpochReport.Accuracies(train.accuracy(), validation.accuracy(),
                test.accuracy());
        EpochReport.ValidationDetail detail = new EpochReport.ValidationDetail(validation.classAccuracy(),
                validation.confusionShown(data), validation.calibration());
        return new EpochReport(epoch, config.learningRate(), losses, accuracies, sparsity, WeightSize.total(layers),
                inputUsage.count(connectivity), detail, layers);
    }

    /** The last report's validation measurement (null before the first report). */
    Evaluator.Result lastValidation() { return lastValidation; }

    @Override
    public void close() {
        products.close();
    }
}
