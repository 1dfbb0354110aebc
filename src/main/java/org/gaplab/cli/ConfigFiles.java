package org.gaplab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the text of a config: a file, or standard input for "-". */
final class ConfigFiles {
    private ConfigFiles() { }

    static String read(String source, InputStream in) {
        try {
            return source.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read config " + source + ": " + e.getMessage());
        }
    }
}
