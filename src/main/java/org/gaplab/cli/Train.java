package org.gaplab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code train --config FILE|-}: placeholder until the data package lands. */
final class Train {
    private Train() { }

    static int run(List<String> args, InputStream in, PrintStream out) {
        throw new UsageException("train arrives with the data package");
    }

    static String readConfigText(String source, InputStream in) {
        try {
            return source.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read config " + source + ": " + e.getMessage());
        }
    }
}
