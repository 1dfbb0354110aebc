package org.gaplab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Precision;
import org.gaplab.settings.InvalidSettingException;

/**
 * Two runs side by side that differ only in chosen settings ("with L2" next to "without"): the same seed, the same
 * data split, and, when the architecture matches, the same initial weights, advancing in lockstep, epoch by epoch.
 */
public final class Comparison implements AutoCloseable {
    /** One lockstep epoch: each run's report, empty for a run that has already ended or diverged. */
    public record Step(Optional<EpochReport> a, Optional<EpochReport> b) { }

    private final Trainer a;
    private final Trainer b;
    private final Lockstep<Lockstep.Epochs> lockstep;
    private final List<String> differences;

    /** Run A is {@code base}; run B is {@code base} with {@code changes} (config keys) applied. */
    public Comparison(TrainingConfig base, Map<String, ?> changes) {
        this(base, ConfigValues.applyTo(base, changes));
    }

    public Comparison(TrainingConfig configA, TrainingConfig configB) {
        this(configA, configB, Backend.preferred());
    }

    /** Runs A and B with their products on {@code backend}, one thread each. */
    public Comparison(TrainingConfig configA, TrainingConfig configB, Backend backend) {
        this(configA, configB, backend, Precision.preferred());
    }

    /** Runs A and B in {@code precision} with their products on {@code backend}, one thread each. */
    public Comparison(TrainingConfig configA, TrainingConfig configB, Backend backend, Precision precision) {
        Objects.requireNonNull(configA, "configA");
        Objects.requireNonNull(configB, "configB");
        if (configA.seed() != configB.seed()) {
            throw new InvalidSettingException("seed", configB.seed(), "the same seed in both runs (" + configA.seed() + ")");
        }
        if (!configA.data().equals(configB.data())) {
            throw new InvalidSettingException("dataset", "(changed)", "the same data in both runs; compare data settings with a sweep");
        }
        this.differences = differences(configA, configB);
        DataSplits data = Datasets.load(configA.data());
        this.a = new Trainer(configA, data, backend, precision, 1);
        this.b = new Trainer(configB, data, backend, precision, 1);
        this.lockstep = new Lockstep<>(List.of(new Lockstep.Epochs(a), new Lockstep.Epochs(b)));
    }

    /** The config keys whose values differ between the runs. */
    public static List<String> differences(TrainingConfig configA, TrainingConfig configB) {
        Map<String, Object> left = ConfigValues.toMap(configA);
        Map<String, Object> right = ConfigValues.toMap(configB);
        List<String> changed = new ArrayList<>();
        for (String key : left.keySet()) if (!Objects.equals(left.get(key), right.get(key))) changed.add(key);
        return changed;
    }

    public List<String> differences() { return differences; }
    public Trainer a() { return a; }
    public Trainer b() { return b; }
    public boolean isFinished() { return lockstep.isFinished(); }

    /** Trains one epoch of each run that is still going, A's then B's (the server's comparison steps the same way). */
    public Step step() {
        lockstep.advance(() -> false);   // the whole step in one go
        return new Step(part(0), part(1));
    }

    private Optional<EpochReport> part(int run) {
        return lockstep.stepped(run) ? lockstep.runs().get(run).report() : Optional.empty();
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
