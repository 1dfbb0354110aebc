package org.gaplab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * The opt-in download of the full Fashion-MNIST files into the cache directory, for machines without the Debian
 * package. Each file is fetched into a temporary file next to its destination, checked (a complete IDX file whose
 * uncompressed SHA-256 is the pinned one), flushed to disk and only then renamed into place atomically; any failure
 * deletes the temporary file, so a half or wrong file is never left behind or used. Files already present and intact
 * are not fetched again.
 *
 * <p>Run it with {@code java -cp gaplab.jar org.gaplab.data.FashionMnistDownloader [directory [baseUrl]]}.
 */
public final class FashionMnistDownloader {
    /**
     * The files in the official repository at a pinned commit (the same files the project's S3 site serves, over
     * HTTPS): a branch could change under us; the SHA-256 check would catch it, a pinned commit never needs to.
     */
    public static final URI OFFICIAL_BASE = URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/"
            + "949006594cc2f804a93b9155849734564c3545ec/data/fashion/");
    /** The most one file may be: the largest official one is about 26 MB compressed. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    /** The whole download, all four files, must end within this, however slowly a server trickles bytes. */
    static final Duration DEADLINE = Duration.ofMinutes(20);

    private static final int CHUNK = 1 << 16;

    /** Told how the download goes; called from the downloading thread after every chunk. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param file     the file's name without ".gz"
         * @param received bytes received so far
         * @param total    bytes expected, or −1 when the server does not say
         */
        void update(String file, long received, long total);

        Progress SILENT = (file, received, total) -> { };
    }

    private final URI base;
    private final Path directory;
    private final Map<String, String> expectedSha256;
    private final HttpClient client;

    /** A downloader of the official files, checked against {@link FashionMnist#OFFICIAL_SHA256}. */
    public FashionMnistDownloader(URI base, Path directory) {
        this(base, directory, FashionMnist.OFFICIAL_SHA256);
    }

    /**
     * @param base           the URL the four {@code name.gz} files are under (ends with "/")
     * @param directory      where they go; created when missing
     * @param expectedSha256 the uncompressed SHA-256 of each file, by name without ".gz" (tests serve their own)
     */
    public FashionMnistDownloader(URI base, Path directory, Map<String, String> expectedSha256) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.directory = directory;
        this.expectedSha256 = Map.copyOf(expectedSha256);
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Fetches every file that is missing or damaged; returns the directory, which then holds all four. */
    public Path download(Progress progress) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        for (String name : FashionMnist.FILES) {
            Path target = directory.resolve(name + ".gz");
            if (!isIntact(target, name)) fetch(name, target, progress, deadline);
        }
        return directory;
    }

    private boolean isIntact(Path file, String name) {
        if (!Files.isRegularFile(file)) return false;
        try {
            return IdxFile.read(file).sha256().equals(expectedSha256.get(name));
        } catch (IOException e) {
            return false;
        }
    }

    private void fetch(String name, Path target, Progress progress, long deadline) throws IOException, InterruptedException {
        URI url = base.resolve(name + ".gz");
        Path partial = Files.createTempFile(directory, "." + name + ".", ".part");
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(1)).GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new IOException("could not download " + url + " (" + e + "); nothing was saved", e);
            }
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException(url + " answered HTTP " + response.statusCode() + "; nothing was saved");
            }
            long total = response.headers().firstValueAsLong("content-length").orElse(-1);
            if (total > MAX_FILE_BYTES) {
                response.body().close();
                throw new IOException(url + " is " + total + " bytes, more than the " + MAX_FILE_BYTES
                        + " a Fashion-MNIST file may be; nothing was saved");
            }
            long received = transfer(response.body(), partial, name, total, url, progress, deadline);
            if (total >= 0 && received != total) {
                throw new IOException("download of " + url + " ended after " + received + " of " + total
                        + " bytes; nothing was saved");
            }
            check(partial, name, url);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);                    // on disk before the rename makes it visible
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Copies the body into the partial file, reporting progress; returns the bytes received. */
    private static long transfer(InputStream body, Path partial, String name, long total, URI url, Progress progress,
                                 long deadline) throws IOException {
        long received = 0;
        try (InputStream in = body; OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
                received += n;
                if (received > MAX_FILE_BYTES) throw new IOException("more than " + MAX_FILE_BYTES + " bytes");
                if (System.nanoTime() - deadline > 0) throw new IOException("the download took longer than " + DEADLINE);
                progress.update(name, received, total);
            }
        } catch (IOException e) {
            throw new IOException("download of " + url + " was interrupted after " + received + " of "
                    + (total < 0 ? "?" : total) + " bytes (" + e.getMessage() + "); nothing was saved", e);
        }
        return received;
    }

    private void check(Path partial, String name, URI url) throws IOException {
        IdxFile file;
        try {
            file = IdxFile.read(partial);
        } catch (IdxFormatException e) {
            throw new IdxFormatException("download of " + url + " is not a valid IDX file (" + e.getMessage()
                    + "); nothing was saved", e);
        }
        String expected = expectedSha256.get(name);
        if (!file.sha256().equals(expected)) {
            throw new IdxFormatException("checksum mismatch for " + url + ": its uncompressed SHA-256 is "
                    + file.sha256() + ", expected " + expected + "; nothing was saved");
        }
    }

    /** {@code [directory [baseUrl]]}: downloads into the user cache (or the directory) with a progress line. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path directory = args.length > 0 ? Path.of(args[0]) : FashionMnistSources.fromSystem().cacheDirectory();
        URI base = args.length > 1 ? URI.create(args[1]) : OFFICIAL_BASE;
        System.err.println("Downloading Fashion-MNIST from " + base + " into " + directory);
        long[] lastReported = {-1};
        new FashionMnistDownloader(base, directory).download((file, received, total) -> {
            long step = received >> 20;                                 // one line per MiB
            if (step != lastReported[0] || received == total) {
                lastReported[0] = step;
                System.err.printf("\r%s: %,d of %s bytes", file, received, total < 0 ? "?" : String.format("%,d", total));
                if (received == total) System.err.println();
            }
        });
        System.err.println("Done: " + directory);
    }
}
