package org.gaplab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ModelExport;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.gaplab.training.TrainingListener;

/**
 * {@code train --config FILE|- [--export MODEL.json]}: trains one config and prints JSON Lines, one {@code epoch}
 * object per epoch and a final {@code end} object (the same objects the WebSocket streams); optionally writes the
 * trained model with its config. The config may itself be such an export: its config is retrained.
 */
final class Train {
    private Train() { }

    static int run(List<String> args, InputStream in, PrintStream out) {
        Map<String, String> options = Options.parse(args, List.of("--config", "--export"));
        TrainingConfig config = ModelExport.readConfig(ConfigFiles.read(Options.require(options, "--config"), in));
        if (options.containsKey("--export")) requireWritable(Path.of(options.get("--export")));   // before a long run
        DataSplits data = Datasets.load(config.data());
        try (Trainer trainer = new Trainer(config, data)) {
            trainer.run(new TrainingListener() {
                @Override public void onEpoch(EpochReport report) { out.println(Json.write(Json.epoch(report))); }

                @Override public void onEnd(RunEnd end) { out.println(Json.write(Json.end(end))); }
            });
            if (options.containsKey("--export")) export(trainer, Path.of(options.get("--export")));
        }
        out.flush();
        return 0;
    }

    /** Refuses an export target that cannot be written, before anything trains. */
    private static void requireWritable(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) throw new UsageException("--export " + file + " is a directory; name a file");
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException("--export " + file + ": the directory " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) throw new UsageException("--export " + file + ": cannot write in " + parent);
    }

    /**
     * Writes the model atomically: into a hidden temporary file beside the target, then renamed over it, so a reader
     * never sees half a file and a failure leaves nothing behind.
     */
    private static void export(Trainer trainer, Path file) {
        Path absolute = file.toAbsolutePath();
        requireWritable(absolute);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
            Files.writeString(temporary, Json.write(ModelExport.of(trainer)));
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the export " + file + " (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // nothing more can be done; the name starts with a dot and ends in .tmp
                }
            }
        }
    }
}
