package org.gaplab.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GapLab server in its own JVM, started from this test JVM's class path: what a deployment runs, with its own
 * heap ({@code -Xmx}) and its own garbage collector, so a test measures the server and not itself. Its output is
 * kept (the last lines) to explain a failure.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern RUNNING = Pattern.compile("running at http://[^:]+:(\\d+)/");
    private final Process process;
    private final int port;
    private final ArrayDeque<String> lastLines = new ArrayDeque<>();
    private long linesSeen;   // guarded by this: every line of output so far

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code org.gaplab.Main} with these JVM options and server options, and waits until it listens. */
    public static ServerProcess start(List<String> jvmOptions, List<String> options) throws IOException {
        List<String> withWeb = new ArrayList<>(List.of("--web-dir", "web"));
        withWeb.addAll(options);
        return startIn(null, jvmOptions, withWeb);
    }

    /**
     * Starts {@code org.gaplab.Main} in this working directory (null: the test's own) with exactly these options
     * besides {@code --port 0}, as {@code java -jar} would be started there.
     */
    public static ServerProcess startIn(Path directory, List<String> jvmOptions, List<String> options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.gaplab.Main");
        command.addAll(List.of("--port", "0"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) builder.directory(directory.toFile());
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.add(line);
            Matcher m = RUNNING.matcher(line);
            if (m.find()) {
                ServerProcess server = new ServerProcess(process, Integer.parseInt(m.group(1)));
                seen.forEach(server::keep);   // the start-up's own lines belong to the output too
                Thread drain = new Thread(() -> out.lines().forEach(server::keep), "server-output-" + server.port);
                drain.setDaemon(true);
                drain.start();
                return server;
            }
        }
        throw new IllegalStateException("the server did not start: " + String.join("\n", seen));
    }

    public int port() { return port; }

    public long pid() { return process.pid(); }

    public URI socket() {
        return URI.create("ws://127.0.0.1:" + port + "/ws/train");
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public boolean isAlive() { return process.isAlive(); }

    /** The server's last lines of output. */
    public synchronized String lastOutput() {
        return String.join("\n", lastLines);
    }

    /** How many lines the server has written so far (its log included). */
    public synchronized long linesSeen() {
        return linesSeen;
    }

    /** SIGKILL: the instance dies at once, as a crashed machine would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the instance drains (tells every browser, closes their sockets) and exits. */
    public void drain() throws InterruptedException {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) drain();
            if (process.isAlive()) kill();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void keep(String line) {
        linesSeen++;
        lastLines.addLast(line);
        if (lastLines.size() > 200) lastLines.removeFirst();
    }
}
