package org.gaplab.server.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.gaplab.data.DataSplits;
import org.gaplab.data.DatasetCache;
import org.gaplab.protocol.Command;
import org.gaplab.server.safety.MemoryBudget;
import org.gaplab.server.safety.RunLimits;
import org.gaplab.training.NetworkShape;
import org.gaplab.training.TrainingConfig;

/**
 * A run, comparison or sweep on its way: the command that asked for it, its data being made on the server's loading
 * thread (shared through the dataset cache), then, once the data is there, its admission against the memory budget
 * and its construction on the session's own turn. A new build replaces one still waiting ({@link #cancel}).
 */
final class Build {
    private final RunContext context;
    private final Command command;             // a Start, Compare or Sweep (a restore's, unwrapped)
    private final Command.Restore restore;     // null unless it restores a run
    private final double speed;
    private final List<DatasetCache.Lease> leases;
    private final CompletableFuture<Void> ready;

    private Build(RunContext context, Command command, Command.Restore restore, double speed,
                  List<DatasetCache.Lease> leases) {
        this.context = context;
        this.command = command;
        this.restore = restore;
        this.speed = speed;
        this.leases = leases;
        this.ready = CompletableFuture.allOf(leases.stream().map(DatasetCache.Lease::data).toArray(CompletableFuture[]::new));
    }

    /**
     * Asks for the data of what the command builds, after the checks that need no data (epochs, a sweep's epochs,
     * a restore's recipe). {@code arrived} runs when the data is there or could not be had.
     */
    static Build request(RunContext context, Command asked, Runnable arrived) {
        Command.Restore restore = asked instanceof Command.Restore r ? r : null;
        Command command = restore != null ? restore.recipe().build() : asked;
        for (TrainingConfig config : configs(command)) context.limits().requireEpochs(config);
        if (command instanceof Command.Sweep sweep) {
            context.limits().requireSweepEpochs(sweep.values().size() * sweep.base().seeds(), sweep.base().epochs());
        }
        List<DatasetCache.Lease> leases = new ArrayList<>();
        for (TrainingConfig config : dataConfigs(command)) leases.add(context.limits().datasets().acquire(config.data()));
        Build build = new Build(context, command, restore, speed(asked, command), leases);
        build.ready.whenComplete((done, failed) -> arrived.run());
        return build;
    }

    boolean isReady() { return ready.isDone(); }

    /** The restore this build is for, or null. */
    Command.Restore restore() { return restore; }

    /** The pace asked for, else the dataset's default (a sweep: as fast as the fair share allows). */
    double speed() { return speed; }

    /** The dataset it waits for, for the "loading" progress. */
    String dataset() {
        return configs(command).get(0).data().dataset();
    }

    /**
     * Admits and builds it, now that its data is here. The bytes of {@code replacing} (the reservation of what the
     * session trained so far) count as free; once admitted, {@code freeReplaced} frees that, and only then are the
     * new networks allocated. A refusal ({@code too-large}, data that could not be made) leaves what trained as it was.
     */
    Experiment build(MemoryBudget.Reservation replacing, Runnable freeReplaced) {
        List<DataSplits> data = new ArrayList<>();
        for (int i = 0; i < leases.size(); i++) {
            try {
                data.add(leases.get(i).data().join());
            } catch (RuntimeException failed) {
                cancel();
                throw RunLimits.refusal(failed, dataConfigs(command).get(i).data());
            }
        }
        Holdings holdings = new Holdings(leases);
        try {
            holdings.hold(admit(data, replacing));
            freeReplaced.run();
            return construct(data, holdings);
        } catch (RuntimeException | Error e) {
            holdings.close();
            throw e;
        }
    }

    /** Lets its data go: it will not be built. */
    void cancel() {
        DatasetCache.closeAll(leases);
    }

    /** Every seed's run counts: k of each network (the seeds' own data is reserved by the cache, once per sample). */
    private MemoryBudget.Reservation admit(List<DataSplits> data, MemoryBudget.Reservation replacing) {
        RunLimits limits = context.limits();
        if (command instanceof Command.Start start) {
            return limits.admit(List.of(start.config()), data.get(0), start.config().seeds(), replacing, context.client());
        }
        if (command instanceof Command.Compare compare) {
            return limits.admit(List.of(compare.a(), compare.b()), data.get(0), compare.a().seeds(), replacing,
                    context.client());
        }
        Command.Sweep sweep = (Command.Sweep) command;
        int seeds = sweep.base().seeds();
        List<TrainingConfig> configs = LiveSweep.configs(sweep);
        if (LiveSweep.sharesData(sweep)) {
            // Every value's network has the same shape; as many values train at once as the sweep allows.
            int concurrent = LiveSweep.concurrent(sweep, NetworkShape.parameterCount(configs.get(0), data.get(0)));
            return limits.admit(List.of(configs.get(0)), data.get(0), concurrent * seeds, replacing, context.client());
        }
        // Each value has its own data and trains alone: the largest of them is what is held at once.
        int largest = 0;
        for (int v = 1; v < configs.size(); v++) {
            long bytes = limits.footprint(configs.get(v), data.get(v * seeds)).bytes();
            if (bytes > limits.footprint(configs.get(largest), data.get(largest * seeds)).bytes()) largest = v;
        }
        return limits.admit(List.of(configs.get(largest)), data.get(largest * seeds), seeds, replacing, context.client());
    }

    private Experiment construct(List<DataSplits> data, Holdings holdings) {
        if (command instanceof Command.Start start) {
            return new LiveRun(context, start.config(), data, start.lesson(), holdings);
        }
        if (command instanceof Command.Compare compare) {
            return new LiveComparison(context, data, compare.a(), compare.b(), compare.varied(), compare.lesson(), holdings);
        }
        Command.Sweep sweep = (Command.Sweep) command;
        List<TrainingConfig> configs = LiveSweep.configs(sweep);
        int concurrent = LiveSweep.sharesData(sweep)
                ? LiveSweep.concurrent(sweep, NetworkShape.parameterCount(configs.get(0), data.get(0))) : 1;
        return new LiveSweep(context, sweep, data, concurrent, holdings);
    }

    /** The configs a command trains (each checked against the epoch limit). */
    private static List<TrainingConfig> configs(Command command) {
        if (command instanceof Command.Start start) return List.of(start.config());
        if (command instanceof Command.Compare compare) return List.of(compare.a(), compare.b());
        return List.of(((Command.Sweep) command).base());
    }

    /**
     * One config per dataset the command needs: each seed's own training sample ({@link TrainingConfig#replicate}),
     * and for a sweep that varies the data, each value's seeds (value v's seed i at v·seeds + i).
     */
    private static List<TrainingConfig> dataConfigs(Command command) {
        List<TrainingConfig> worlds = command instanceof Command.Sweep sweep && !LiveSweep.sharesData(sweep)
                ? LiveSweep.configs(sweep) : List.of(configs(command).get(0));
        List<TrainingConfig> samples = new ArrayList<>();
        for (TrainingConfig world : worlds) {
            for (int i = 0; i < world.seeds(); i++) samples.add(world.replicate(i));
        }
        return samples;
    }

    private static double speed(Command asked, Command command) {
        Double speed = asked instanceof Command.Start s ? s.speed() : asked instanceof Command.Compare c ? c.speed()
                : asked instanceof Command.Sweep w ? w.speed() : ((Command.Restore) asked).speed();
        if (speed != null) return speed;
        return command instanceof Command.Sweep ? 0 : Pace.defaultFor(configs(command).get(0).data().dataset());
    }
}
