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
 * within its limit of stored values (refused before the data is made), networks within the engine's parameter limit.
 * Every refusal is a {@link ProtocolError} naming the setting to change.
 */
final class RunLimits {
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

    /**
     * Makes the run's data, refusing data above the server's limit before making it: a sample of ten examples per
     * split tells how many values an example stores (it depends on the dataset and its options), and the sizes say
     * how many examples there will be.
     */
    DataSplits load(TrainingConfig next) {
        DataSpec spec = next.data();
        long examples = (long) spec.trainSize() + spec.validationSize() + spec.testSize();
        try {
            DataSplits sample = datasets.apply(spec.withSizes(SAMPLE_SIZE, SAMPLE_SIZE, SAMPLE_SIZE));
            double perExample = storedValues(sample) / (3.0 * SAMPLE_SIZE);
            requireWithinDataLimit(spec, (long) Math.ceil(perExample * examples));
            DataSplits loaded = datasets.apply(spec);
            requireWithinDataLimit(spec, storedValues(loaded));
            return loaded;
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        } catch (DataUnavailableException e) {
            // Only the full Fashion-MNIST files can be missing; the embedded subset is always there.
            throw new ProtocolError("invalid", DataSpec.FASHION_SOURCE.name(), spec.fashionSource(),
                    "\"embedded\", or \"full\" once the server has the files (docs/DEPLOY.md)", e.getMessage());
        }
    }

    /** A trainer for the config on this data; a network above the engine's parameter limit is refused. */
    static Trainer build(TrainingConfig next, DataSplits data) {
        try {
            return new Trainer(next, data);
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
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
