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
 * {@code train --config FILE|- [--export MODEL.json] [--backend blas|java|auto] [--threads N]}: trains one config and
 * prints JSON Lines, one {@code epoch}
 * object per epoch and a final {@code end} object (the same objects the WebSocket streams); optionally writes the
 * trained model with its config. The config may itself be such an export: its config is retrained.
 */
final class Train {
    private Train() { }

    static int run(List<String> args, InputStream in, PrintStream out) {
        Map<String, String> options = Options.parse(args, List.of("--config", "--export", "--backend", "--threads"));
        TrainingConfig config = ModelExport.readConfig(ConfigFiles.read(Options.require(options, "--config"), in));
        DataSplits data = Datasets.load(config.data());
        try (Trainer trainer = new Trainer(config, data, Options.backend(options), Options.threads(options))) {
            trainer.run(new TrainingListener() {
                @Override public void onEpoch(EpochReport report) { out.println(Json.write(Json.epoch(report))); }

                @Override public void onEnd(RunEnd end) { out.println(Json.write(Json.end(end))); }
            });
            if (options.containsKey("--export")) export(trainer, Path.of(options.get("--export")));
        }
        out.flush();
        return 0;
    }

    /** Writes the model atomically: a reader never sees half a file. */
    private static void export(Trainer trainer, Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            Path temporary = Files.createTempFile(absolute.getParent(), ".gaplab-export", ".tmp");
            Files.writeString(temporary, Json.write(ModelExport.of(trainer)));
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UsageException("cannot write the export " + file + ": " + e.getMessage());
        }
    }
}
