package org.gaplab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.gaplab.settings.InvalidSettingException;

/** The headless commands: {@code train} (JSON Lines of a run) and {@code bench} (training throughput). */
public final class Commands {
    private Commands() { }

    /** Whether {@code args} name a headless command rather than starting the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("train") || args[0].equals("bench"));
    }

    /** Runs the command and returns the process exit status: 0 ok, 2 bad input or usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "train" -> Train.run(rest, System.in, out);
                case "bench" -> Bench.run(rest, out, err);
                default -> throw new UsageException("unknown command " + args[0]);
            };
        } catch (UsageException e) {
            err.println("gaplab " + args[0] + ": " + e.getMessage());
            err.println("usage: java -jar gaplab.jar train --config FILE|-");
            err.println("       java -jar gaplab.jar bench --workload toy|mlp|reg [--threads 1|2] [--seconds S]");
            return 2;
        } catch (InvalidSettingException e) {
            err.println("gaplab " + args[0] + ": invalid config: " + e.getMessage());
            return 2;
        }
    }
}
