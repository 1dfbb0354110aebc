package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against a local server on 127.0.0.1 serving files the test makes: never a remote host. */
class FashionMnistDownloaderTest {
    /** How the server answers for one file. */
    private enum Behaviour { WHOLE, CUT_OFF, MISSING, ENDLESS }

    private final Map<String, byte[]> served = new HashMap<>();
    private final Map<String, String> contentSha256 = new HashMap<>();
    private final Map<String, Behaviour> behaviour = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private URI base;

    @TempDir Path cache;

    @BeforeEach
    void serve() throws IOException {
        for (String name : FashionMnist.FILES) {
            byte[] plain = name.contains("images") ? IdxFiles.images(300, 28) : IdxFiles.labels(300);
            served.put(name + ".gz", IdxFiles.gzip(plain));
            contentSha256.put(name, IdxFile.sha256(plain));
            behaviour.put(name + ".gz", Behaviour.WHOLE);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fashion/", this::answer);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fashion/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String file = exchange.getRequestURI().getPath().substring("/fashion/".length());
        byte[] body = served.get(file);
        try (exchange) {
            switch (body == null ? Behaviour.MISSING : behaviour.get(file)) {
                case MISSING -> exchange.sendResponseHeaders(404, -1);
                case WHOLE -> {
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                case ENDLESS -> {
                    exchange.sendResponseHeaders(200, 0);                 // chunked: says no length, never ends
                    OutputStream out = exchange.getResponseBody();
                    byte[] chunk = new byte[1 << 16];
                    for (long sent = 0; sent <= FashionMnistDownloader.MAX_FILE_BYTES; sent += chunk.length) out.write(chunk);
                }
                case CUT_OFF -> {
                    exchange.sendResponseHeaders(200, body.length);      // promises everything, sends half
                    OutputStream out = exchange.getResponseBody();
                    out.write(body, 0, body.length / 2);
                    out.flush();                                          // then the close below drops the connection
                }
            }
        } catch (IOException expected) {
            // closing a fixed-length response early is an error on the server side too; that is the point
        }
    }

    private List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloads_verify_and_land_complete_with_progress_reported() throws Exception {
        List<long[]> updates = new ArrayList<>();
        Path directory = new FashionMnistDownloader(base, cache, contentSha256)
                .download((file, received, total) -> updates.add(new long[] {received, total}));
        assertEquals(cache, directory);
        assertEquals(FashionMnist.FILES.stream().map(name -> name + ".gz").sorted().toList(), filesIn(cache));
        for (String name : FashionMnist.FILES) {
            assertEquals(contentSha256.get(name), IdxFile.read(cache.resolve(name + ".gz")).sha256());
        }
        assertTrue(FashionMnist.isComplete(cache));
        long[] last = updates.get(updates.size() - 1);
        assertEquals(last[1], last[0], "the last update reports the whole file");
        for (int i = 1; i < updates.size(); i++) {
            assertTrue(updates.get(i)[0] > updates.get(i - 1)[0] || updates.get(i)[1] != updates.get(i - 1)[1],
                    "progress only moves forward within a file");
        }
    }

    @Test
    void intact_files_are_not_fetched_again() throws Exception {
        FashionMnistDownloader downloader = new FashionMnistDownloader(base, cache, contentSha256);
        downloader.download(FashionMnistDownloader.Progress.SILENT);
        int afterFirst = requests.get();
        downloader.download(FashionMnistDownloader.Progress.SILENT);
        assertEquals(4, afterFirst);
        assertEquals(afterFirst, requests.get());
    }

    @Test
    void a_checksum_mismatch_is_a_clear_error_and_caches_nothing() throws IOException {
        Map<String, String> wrong = new HashMap<>(contentSha256);
        wrong.put(FashionMnist.TRAIN_IMAGES, "0".repeat(64));
        IOException error = assertThrows(IOException.class,
                () -> new FashionMnistDownloader(base, cache, wrong).download(FashionMnistDownloader.Progress.SILENT));
        assertTrue(error.getMessage().contains("checksum mismatch"), error.getMessage());
        assertTrue(error.getMessage().contains(contentSha256.get(FashionMnist.TRAIN_IMAGES)), error.getMessage());
        assertEquals(List.of(), filesIn(cache), "nothing cached, no partial file");
    }

    @Test
    void an_interrupted_transfer_leaves_no_partial_file() throws IOException {
        behaviour.put(FashionMnist.TRAIN_IMAGES + ".gz", Behaviour.CUT_OFF);
        IOException error = assertThrows(IOException.class,
                () -> new FashionMnistDownloader(base, cache, contentSha256).download(FashionMnistDownloader.Progress.SILENT));
        assertTrue(error.getMessage().contains("interrupted") || error.getMessage().contains("ended after"),
                error.getMessage());
        assertEquals(List.of(), filesIn(cache));
    }

    @Test
    void a_missing_file_on_the_server_is_an_error_and_leaves_nothing() throws IOException {
        served.remove(FashionMnist.TEST_LABELS + ".gz");
        IOException error = assertThrows(IOException.class,
                () -> new FashionMnistDownloader(base, cache, contentSha256).download(FashionMnistDownloader.Progress.SILENT));
        assertTrue(error.getMessage().contains("404"), error.getMessage());
        assertEquals(List.of(FashionMnist.TEST_IMAGES + ".gz", FashionMnist.TRAIN_IMAGES + ".gz",
                FashionMnist.TRAIN_LABELS + ".gz"), filesIn(cache), "the verified files stay, nothing else");
    }

    @Test
    void a_damaged_file_in_the_cache_is_replaced() throws Exception {
        Files.write(cache.resolve(FashionMnist.TRAIN_LABELS + ".gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2});
        new FashionMnistDownloader(base, cache, contentSha256).download(FashionMnistDownloader.Progress.SILENT);
        assertEquals(contentSha256.get(FashionMnist.TRAIN_LABELS),
                IdxFile.read(cache.resolve(FashionMnist.TRAIN_LABELS + ".gz")).sha256());
    }

    @Test
    void a_server_that_sends_without_end_is_cut_off_at_the_file_limit_and_the_official_files_are_pinned() throws IOException {
        behaviour.put(FashionMnist.TRAIN_IMAGES + ".gz", Behaviour.ENDLESS);
        IOException error = assertThrows(IOException.class,
                () -> new FashionMnistDownloader(base, cache, contentSha256).download(FashionMnistDownloader.Progress.SILENT));
        assertTrue(error.getMessage().contains("more than " + FashionMnistDownloader.MAX_FILE_BYTES), error.getMessage());
        assertTrue(filesIn(cache).stream().noneMatch(name -> name.startsWith(".")), "no partial file: " + filesIn(cache));
        assertTrue(FashionMnistDownloader.OFFICIAL_BASE.getPath().matches("/zalandoresearch/fashion-mnist/[0-9a-f]{40}/data/fashion/"),
                "a commit, not a branch: " + FashionMnistDownloader.OFFICIAL_BASE);
    }
}
