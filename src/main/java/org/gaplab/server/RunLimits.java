package org.gaplab.server;

import java.util.function.Function;
import org.gaplab.data.DataSpec;
import org.gaplab.data.DataSplits;
import org.gaplab.data.DataUnavailableException;
import org.gaplab.data.Examples;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;

/**
 * What this server lets one session build, checked before it is built: epochs within the server's limit, data
 * within its limit of stored values (refused before the data is made), networks within the engine's parameter limit,
 * sweeps within a bounded number of epochs, exports within a size a browser can take. Every refusal is a
 * {@link ProtocolError} naming the setting to change.
 */
final class RunLimits {
    /** A sweep may train this many times the epochs one run may: a U-curve of 8 values at half the run limit. */
    static final int SWEEP_EPOCH_FACTOR = 4;
    /**
     * The most weights and biases one {@code model} message may carry (both runs of a comparison together): about
     * 20 MB of JSON, which a browser still saves in a blink. The engine allows networks three times larger.
     */
    static final long MAX_EXPORT_PARAMETERS = 1_000_000;
    /** Examples per split made to learn how many values one example of a dataset stores. */
    private static final int SAMPLE_SIZE = 10;

    private final ServerSettings settings;
    private final Function<DataSpec, DataSplits> datasets;

    RunLimits(ServerSettings settings, Function<DataSpec, DataSplits> datasets) {
        this.settings = settings;
        this.datasets = datasets;
    }

    /** Refuses more epochs than the server allows one run. */
    void requireEpochs(TrainingConfig next) {
        int limit = settings.maxEpochs();
        if (next.epochs() > limit) {
            String allowed = "an integer in [1, " + limit + "] on this server";
            throw new ProtocolError("invalid", TrainingConfig.EPOCHS.name(), next.epochs(), allowed,
                    "epochs: " + next.epochs() + " is not allowed; allowed: " + allowed);
        }
    }

    /** The most epochs one sweep may train over all its runs. */
    long maxSweepEpochs() {
        return (long) SWEEP_EPOCH_FACTOR * settings.maxEpochs();
    }

    /** Refuses a sweep whose runs together would train more than {@link #maxSweepEpochs}. */
    void requireSweepEpochs(int runs, int epochs) {
        long total = (long) runs * epochs;
        if (total > maxSweepEpochs()) {
            String allowed = "at most " + maxSweepEpochs() + " epochs over all the sweep's runs on this server";
            throw new ProtocolError("invalid", TrainingConfig.EPOCHS.name(), epochs, allowed,
                    "this sweep would train " + runs + " × " + epochs + " = " + total + " epochs; " + allowed
                            + ": use fewer epochs or fewer values");
        }
    }

    /** Refuses to export networks with more than {@link #MAX_EXPORT_PARAMETERS} weights and biases in all. */
    static void requireExportable(long parameters) {
        if (parameters > MAX_EXPORT_PARAMETERS) {
            throw new ProtocolError("too-large", TrainingConfig.HIDDEN_LAYERS.name(), parameters + " parameters",
                    "at most " + MAX_EXPORT_PARAMETERS + " parameters to export",
                    "this model has " + parameters + " weights and biases; the server exports at most "
                            + MAX_EXPORT_PARAMETERS + " (about 20 MB of JSON): export a smaller network");
        }
    }

    /** Weights and biases of a trainer's network: Σ (n_in + 1)·n_out over its layers. */
    static long parameters(Trainer trainer) {
        return trainer.network().parameterCount();
    }

    /** Makes the run's data, refusing data above the server's limit before making it ({@link #requireData}). */
    DataSplits load(TrainingConfig next) {
        requireData(next);
        try {
            DataSplits loaded = datasets.apply(next.data());
            requireWithinDataLimit(next.data(), storedValues(loaded));
            return loaded;
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        } catch (DataUnavailableException e) {
            throw unavailable(next.data(), e);
        }
    }

    /**
     * Refuses data above the server's limit without making it: a sample of ten examples per split tells how many
     * values an example stores (it depends on the dataset and its options), and the sizes say how many examples
     * there will be.
     */
    void requireData(TrainingConfig next) {
        DataSpec spec = next.data();
        long examples = (long) spec.trainSize() + spec.validationSize() + spec.testSize();
        try {
            DataSplits sample = datasets.apply(spec.withSizes(SAMPLE_SIZE, SAMPLE_SIZE, SAMPLE_SIZE));
            double perExample = storedValues(sample) / (3.0 * SAMPLE_SIZE);
            requireWithinDataLimit(spec, (long) Math.ceil(perExample * examples));
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        } catch (DataUnavailableException e) {
            throw unavailable(spec, e);
        }
    }

    /**
     * A trainer for the config on this data, on the server's backend with one thread (the workers are the server's
     * parallelism); a network above the engine's parameter limit is refused.
     */
    Trainer build(TrainingConfig next, DataSplits data) {
        try {
            return new Trainer(next, data, settings.backend(), 1);
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
    }

    /** Only the full Fashion-MNIST files can be missing; the embedded subset is always there. */
    private static ProtocolError unavailable(DataSpec spec, DataUnavailableException e) {
        return new ProtocolError("invalid", DataSpec.FASHION_SOURCE.name(), spec.fashionSource(),
                "\"embedded\", or \"full\" once the server has the files (docs/DEPLOY.md)", e.getMessage());
    }

    private void requireWithinDataLimit(DataSpec spec, long values) {
        long limit = settings.maxDataValues();
        if (values > limit) {
            throw new ProtocolError("invalid", DataSpec.TRAIN_SIZE.name(), spec.trainSize(),
                    "data of at most " + limit + " stored input values on this server (this data needs " + values + ")",
                    "this data is too large for the server: " + values + " stored input values, the limit is " + limit
                            + "; use fewer examples or fewer features");
        }
    }

    private static long storedValues(DataSplits data) {
        return storedValues(data.train()) + storedValues(data.validation()) + storedValues(data.test());
    }

    private static long storedValues(Examples examples) {
        return examples.isSparse() ? examples.sparseValues().length : (long) examples.size() * examples.inputSize();
    }
}
