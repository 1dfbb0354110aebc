package org.gaplab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.protocol.Json;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.gaplab.training.TrainingListener;

/**
 * {@code train --config FILE|-}: trains one config and prints JSON Lines, one {@code epoch} object per epoch and a
 * final {@code end} object: the same objects the WebSocket streams.
 */
final class Train {
    private Train() { }

    static int run(List<String> args, InputStream in, PrintStream out) {
        if (args.size() != 2 || !args.get(0).equals("--config")) throw new UsageException("train needs --config FILE or --config -");
        TrainingConfig config = Json.readConfig(readConfigText(args.get(1), in));
        DataSplits data = Datasets.load(config.data());
        try (Trainer trainer = new Trainer(config, data)) {
            trainer.run(new TrainingListener() {
                @Override public void onEpoch(EpochReport report) { out.println(Json.write(Json.epoch(report))); }

                @Override public void onEnd(RunEnd end) { out.println(Json.write(Json.end(end))); }
            });
        }
        out.flush();
        return 0;
    }

    private static String readConfigText(String source, InputStream in) {
        try {
            return source.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read config " + source + ": " + e.getMessage());
        }
    }
}
