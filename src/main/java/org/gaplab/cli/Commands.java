package org.gaplab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.gaplab.settings.InvalidSettingException;

/** The headless commands: {@code train} (JSON Lines of a run), {@code sweep} (one run per value) and {@code bench}. */
public final class Commands {
    private Commands() { }

    /** Whether {@code args} name a headless command rather than starting the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("train") || args[0].equals("bench") || args[0].equals("sweep"));
    }

    /** Runs the command and returns the process exit status: 0 ok, 2 bad input or usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "train" -> Train.run(rest, System.in, out);
                case "bench" -> Bench.run(rest, out, err);
                case "sweep" -> SweepCommand.run(rest, System.in, out);
                default -> throw new UsageException("unknown command " + args[0]);
            };
        } catch (UsageException e) {
            err.println("gaplab " + args[0] + ": " + e.getMessage());
            err.println("usage: java -jar gaplab.jar train --config FILE|- [--export MODEL.json] [--backend blas|java|auto] [--threads N]");
            err.println("       java -jar gaplab.jar sweep --config FILE|- --param l2 [--grid 1e-5,1,8 | --random 1e-5,1,8 | --values A,B,...] [--backend B] [--threads N]");
            err.println("       java -jar gaplab.jar bench --workload toy|mlp|reg|gemm [--backend blas|java|auto] [--threads N] [--seconds S]");
            return 2;
        } catch (InvalidSettingException e) {
            err.println("gaplab " + args[0] + ": invalid config: " + e.getMessage());
            return 2;
        }
    }
}
