package org.gaplab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.gaplab.data.DataUnavailableException;
import org.gaplab.lessons.LessonFileException;
import org.gaplab.settings.InvalidSettingException;

/**
 * The headless commands: {@code train} (JSON Lines of a run), {@code sweep} (one run per value), {@code lesson check}
 * (a lesson file's claims over seeds) and {@code bench}.
 */
public final class Commands {
    private Commands() { }

    /** Whether {@code args} name a headless command rather than starting the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("train") || args[0].equals("bench") || args[0].equals("sweep")
                || args[0].equals("lesson"));
    }

    /**
     * Runs the command and returns the process exit status: 0 ok, 2 bad input (usage, config, data), 1 a run that
     * failed. Every error is one line on {@code err}, never a stack trace.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        String command = "gaplab " + args[0] + ": ";
        try {
            return switch (args[0]) {
                case "train" -> Train.run(rest, System.in, out, err);
                case "bench" -> Bench.run(rest, out, err);
                case "sweep" -> SweepCommand.run(rest, System.in, out);
                case "lesson" -> LessonCheck.run(rest, out, err);
                default -> throw new UsageException("unknown command " + args[0]);
            };
        } catch (UsageException e) {
            err.println(command + e.getMessage() + " (" + USAGE.get(args[0]) + ")");
            return 2;
        } catch (LessonFileException e) {
            err.println(command + "bad lesson file: " + e.getMessage());
            return 2;
        } catch (InvalidSettingException e) {
            err.println(command + "invalid config: " + e.getMessage());
            return 2;
        } catch (DataUnavailableException e) {
            err.println(command + oneLine(e.getMessage()));
            return 2;
        } catch (OutOfMemoryError e) {
            err.println(command + "ran out of memory (the Java heap is " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB): use less data or a smaller network, or give Java more with -Xmx");
            return 1;
        } catch (RuntimeException e) {
            err.println(command + "failed: " + oneLine(String.valueOf(e.getMessage())));
            return 1;
        }
    }

    /** How each command is called, for a usage error's one line. */
    private static final java.util.Map<String, String> USAGE = java.util.Map.of(
            "train", "usage: gaplab train (--config FILE|- | --preset LESSON [--lessons-dir DIR]) [--seed S | --seeds 1-10|1,2,3] "
                    + "[--export MODEL.json] [--backend blas|java|auto] [--threads N]",
            "sweep", "usage: gaplab sweep --config FILE|- [--param l2] [--values A,B,... | --grid FROM,TO,COUNT | "
                    + "--random FROM,TO,COUNT] [--seeds 1-10|1,2,3] [--backend blas|java|auto] [--threads N]",
            "lesson", "usage: gaplab lesson check FILE|BUILT-IN-ID [--seeds 1-10|1,2,3] [--backend blas|java|auto] [--threads N]",
            "bench", "usage: gaplab bench --workload toy|mlp|reg|gemm [--backend blas|java|auto] [--threads N] [--seconds S]");

    /** A message that spans lines (where the data was looked for, say) on one line. */
    static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", "; ");
    }
}
