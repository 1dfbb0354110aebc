package org.gaplab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the text of a config: a file, or standard input for "-", of at most {@link #LARGEST} bytes. */
final class ConfigFiles {
    /** A config, or a model export with a million weights, is well under this; /dev/zero is not. */
    static final int LARGEST = 64 * 1024 * 1024;

    private ConfigFiles() { }

    static String read(String source, InputStream in) {
        try {
            if (source.equals("-")) return text(in.readNBytes(LARGEST + 1), "standard input");
            Path path = Path.of(source);
            if (Files.isDirectory(path)) throw new UsageException("the config " + source + " is a directory, not a file");
            try (InputStream file = Files.newInputStream(path)) {
                return text(file.readNBytes(LARGEST + 1), source);
            }
        } catch (IOException e) {
            throw new UsageException("cannot read the config " + source + " (" + e.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) + ")");
        }
    }

    private static String text(byte[] bytes, String source) {
        if (bytes.length > LARGEST) {
            throw new UsageException("the config " + source + " is larger than " + LARGEST / (1024 * 1024) + " MB; is it a config?");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
