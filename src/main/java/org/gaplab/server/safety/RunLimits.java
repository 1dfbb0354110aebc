package org.gaplab.server.safety;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.gaplab.data.DataFootprint;
import org.gaplab.data.DataSpec;
import org.gaplab.data.DataSplits;
import org.gaplab.data.DataUnavailableException;
import org.gaplab.data.DatasetCache;
import org.gaplab.protocol.ErrorCode;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.NetworkShape;
import org.gaplab.training.RunFootprint;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this server lets one session build, checked before it is built: epochs within the server's limit, data and
 * networks within the server's memory budget (a dataset shared by many sessions counts once, through the
 * {@link DatasetCache}), networks within the engine's parameter limit, sweeps within a bounded number of epochs,
 * exports within a size a browser can take. Every refusal is a {@link ProtocolError} naming the setting to change.
 */
public final class RunLimits {
    private static final Logger LOG = LoggerFactory.getLogger(RunLimits.class);
    /** A sweep may train this many times the epochs one run may: a U-curve of 8 values at half the run limit. */
    public static final int SWEEP_EPOCH_FACTOR = 4;
    /**
     * The most weights and biases one {@code model} message may carry (both runs of a comparison together): about
     * 20 MB of JSON, which a browser still saves in a blink. The engine allows networks three times larger.
     */
    public static final long MAX_EXPORT_PARAMETERS = 1_000_000;
    /** Examples per split made to learn how many bytes one example of a dataset takes. */
    private static final int SAMPLE_SIZE = 10;

    private final GuardedSettings settings;
    private final Function<DataSpec, DataSplits> datasets;
    private final MemoryBudget budget;
    private final DatasetCache cache;
    private final long heapRegion;

    /** Limits over the given data source; datasets are made on {@code loading}, never on a worker's turn. */
    public RunLimits(GuardedSettings settings, Function<DataSpec, DataSplits> datasets, Executor loading, MemoryBudget budget,
              long heapRegion) {
        this.settings = settings;
        this.datasets = datasets;
        this.budget = budget;
        this.heapRegion = heapRegion;
        this.cache = new DatasetCache(datasets, loading, this::admitData);
    }

    public MemoryBudget budget() { return budget; }

    public DatasetCache datasets() { return cache; }

    /** Refuses more epochs than the server allows one run. */
    public void requireEpochs(TrainingConfig next) {
        int limit = settings.maxEpochs();
        if (next.epochs() > limit) {
            String allowed = "an integer in [1, " + limit + "] on this server";
            throw ProtocolError.notAllowed(TrainingConfig.EPOCHS.name(), next.epochs(), allowed);
        }
    }

    /**
     * The most JSON a recipe may hold: what fits in a {@code restore} message under {@code --max-message-bytes}, next
     * to its type, position, running and speed (well under 200 bytes).
     */
    public int maxRecipeBytes() {
        return settings.maxMessageBytes() - 200;
    }

    /** The most epochs one sweep may train over all its runs. */
    long maxSweepEpochs() {
        return (long) SWEEP_EPOCH_FACTOR * settings.maxEpochs();
    }

    /** Refuses a sweep whose runs together would train more than {@link #maxSweepEpochs}. */
    public void requireSweepEpochs(int runs, int epochs) {
        long total = (long) runs * epochs;
        if (total > maxSweepEpochs()) {
            String allowed = "at most " + maxSweepEpochs() + " epochs over all the sweep's runs on this server";
            throw new ProtocolError(ErrorCode.INVALID, TrainingConfig.EPOCHS.name(), epochs, allowed,
                    "this sweep would train " + runs + " × " + epochs + " = " + total + " epochs; " + allowed
                            + ": use fewer epochs or fewer values");
        }
    }

    /** Refuses to export networks with more than {@link #MAX_EXPORT_PARAMETERS} weights and biases in all. */
    public static void requireExportable(long parameters) {
        if (parameters > MAX_EXPORT_PARAMETERS) {
            throw new ProtocolError(ErrorCode.TOO_LARGE, TrainingConfig.HIDDEN_LAYERS.name(), parameters + " parameters",
                    "at most " + MAX_EXPORT_PARAMETERS + " parameters to export",
                    "this model has " + parameters + " weights and biases; the server exports at most "
                            + MAX_EXPORT_PARAMETERS + " (about 20 MB of JSON): export a smaller network");
        }
    }

    /** Weights and biases of a trainer's network: Σ (n_in + 1)·n_out over its layers. */
    public static long parameters(Trainer trainer) {
        return trainer.network().parameterCount();
    }

    /** What a run of this config on this data will hold and cost, on this JVM's heap. */
    public RunFootprint footprint(TrainingConfig config, DataSplits data) {
        return RunFootprint.of(config, data, heapRegion);
    }

    /**
     * Reserves the memory of trainers of these configs on this data, {@code copies} of each at once (a sweep's runs
     * training together), or refuses with {@code too-large} naming the setting to shrink. The bytes of
     * {@code replacing} (the run the caller frees next) count as free; on success they are given back.
     */
    public MemoryBudget.Reservation admit(List<TrainingConfig> configs, DataSplits data, int copies,
                                   MemoryBudget.Reservation replacing, String client) {
        long bytes = 0;
        RunFootprint largest = null;
        for (TrainingConfig config : configs) {
            requireParameters(config, data);
            RunFootprint footprint = footprint(config, data);
            bytes += copies * footprint.bytes();
            if (largest == null || footprint.bytes() > largest.bytes()) largest = footprint;
        }
        RunFootprint named = largest;
        long needed = bytes;
        // The greedy client is refused first: past its share, before the budget runs out for everyone else.
        if (!budget.isWithinShare(bytes, replacing, client)) {
            throw overShare(named.largestSetting(), configValue(configs.get(0), named.largestSetting()), needed, client);
        }
        return budget.reserve(bytes, replacing, client).orElseThrow(() -> tooLarge(named.largestSetting(),
                configValue(configs.get(0), named.largestSetting()), needed, "this run"));
    }

    /** A client whose other runs hold most of its share ({@code --max-memory-per-client}) asks for more. */
    private ProtocolError overShare(String field, Object value, long bytes, String client) {
        long held = budget.usedBy(client);
        LOG.info("event=too-large reason=client-share client={} field={} needs={} held={} share={}", LogText.quote(client),
                field, bytes, held, budget.perClient());
        return new ProtocolError(ErrorCode.TOO_LARGE, field, value, "what fits in the " + megabytes(budget.perClient())
                + " one address may hold on this server", "this run needs " + megabytes(bytes) + "; the runs of your address "
                + "(your other tabs, or others behind the same network address) already hold " + megabytes(held) + " of the "
                + megabytes(budget.perClient()) + " one address may hold here: stop a run in another tab, or "
                + advice(field));
    }

    /**
     * A trainer for the config on this data, on the server's backend and precision with one thread (the workers are the
     * server's parallelism); a network above the engine's parameter limit is refused.
     */
    public Trainer build(TrainingConfig next, DataSplits data) {
        try {
            return new Trainer(next, data, settings.backend(), settings.precision(), 1);
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
    }

    /** Why a dataset could not be had, as the browser is told it (the log keeps the details). */
    public static ProtocolError refusal(Throwable failure, DataSpec spec) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ProtocolError e) return e;
        if (cause instanceof InvalidSettingException e) return ProtocolError.invalid(e);
        if (cause instanceof DataUnavailableException e) return unavailable(spec, e);
        if (cause instanceof OutOfMemoryError) {
            return new ProtocolError(ErrorCode.TOO_LARGE, DataSpec.TRAIN_SIZE.name(), spec.trainSize(), "less data",
                    "the server ran out of memory making this data; use fewer examples");
        }
        if (cause instanceof RuntimeException e) throw e;
        throw new IllegalStateException("making data failed", cause);
    }

    /**
     * The cache's admission: the bytes of a dataset, extrapolated from a sample of ten examples per split (they
     * depend on the dataset and its options), must fit the budget before it is made.
     */
    private AutoCloseable admitData(DataSpec spec) {
        long examples = (long) spec.trainSize() + spec.validationSize() + spec.testSize();
        DataSplits sample = datasets.apply(spec.withSizes(SAMPLE_SIZE, SAMPLE_SIZE, SAMPLE_SIZE));
        long bytes = (long) Math.ceil(DataFootprint.bytes(sample) / (3.0 * SAMPLE_SIZE) * examples);
        return budget.reserve(bytes, null).orElseThrow(() -> tooLarge(DataSpec.TRAIN_SIZE.name(), spec.trainSize(),
                bytes, "this data"));
    }

    private void requireParameters(TrainingConfig config, DataSplits data) {
        if (NetworkShape.parameterCount(config, data) > TrainingConfig.MAX_PARAMETERS) build(config, data).close();   // refuses it
    }

    private ProtocolError tooLarge(String field, Object value, long bytes, String what) {
        long free = budget.free();
        boolean never = bytes > budget.total();
        String allowed = never ? "at most " + megabytes(budget.total()) + " of memory for one run on this server"
                : "what fits in the " + megabytes(free) + " of memory free now";
        LOG.info("event=too-large field={} needs={} free={} total={}", field, bytes, free, budget.total());
        return new ProtocolError(ErrorCode.TOO_LARGE, field, value, allowed, what + " needs " + megabytes(bytes)
                + " of the server's memory; " + (never ? "the server allows " + megabytes(budget.total()) + " in all"
                : megabytes(free) + " of its " + megabytes(budget.total()) + " are free now (the rest holds other "
                + "learners' runs and data)") + ": " + advice(field));
    }

    private static String advice(String field) {
        if (field.equals(TrainingConfig.BATCH_SIZE.name())) return "use a smaller batch size";
        if (field.equals(DataSpec.TRAIN_SIZE.name())) return "use fewer examples";
        return "use fewer or smaller hidden layers";
    }

    private static Object configValue(TrainingConfig config, String field) {
        return field.equals(TrainingConfig.BATCH_SIZE.name()) ? (Object) config.batchSize() : config.hiddenLayers();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.max(1, Math.round(bytes / 1e6)));
    }

    /** Only the full Fashion-MNIST files can be missing; the embedded subset is always there. */
    private static ProtocolError unavailable(DataSpec spec, DataUnavailableException e) {
        LOG.info("event=data-unavailable dataset={} detail={}", spec.dataset(), LogText.quote(e.getMessage()));
        return new ProtocolError(ErrorCode.INVALID, DataSpec.FASHION_SOURCE.name(), spec.fashionSource(),
                "\"embedded\", or \"full\" once the server has the files (docs/DEPLOY.md)",
                "this server does not have the full Fashion-MNIST files (or they are damaged); use fashionSource "
                        + "\"embedded\", or ask whoever runs the server to install them (docs/DEPLOY.md)");
    }
}
