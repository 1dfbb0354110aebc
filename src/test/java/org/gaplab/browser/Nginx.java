package org.gaplab.browser;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's nginx in front of GapLab instances, as docs/DEPLOY.md configures it (WebSocket upgrade, long read timeout,
 * the next instance tried when one refuses or is gone), run as a child process with its own prefix, config, logs and
 * pid in a temporary directory, listening on a free loopback port.
 */
final class Nginx implements AutoCloseable {
    static final File BINARY = new File("/usr/sbin/nginx");

    private final Process process;
    private final Path prefix;
    private final int port;

    private Nginx(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    static boolean isInstalled() {
        return BINARY.canExecute();
    }

    /** nginx balancing over GapLab instances on these loopback ports, as docs/DEPLOY.md recommends. */
    static Nginx start(List<Integer> upstreams) throws IOException, InterruptedException {
        return startRoutingClasses(upstreams);
    }

    /**
     * nginx exactly as docs/DEPLOY.md recommends: a request that names a class ({@code class=ID}) goes to the
     * instance that id hashes to, every other one to the least busy instance; {@code max_fails=0}, since a
     * WebSocket never finishes and so never clears a failure mark, and a draining instance's 503 is no failure:
     * {@code proxy_next_upstream} already tries the next instance for each request.
     */
    static Nginx startRoutingClasses(List<Integer> upstreams) throws IOException, InterruptedException {
        String servers = upstreams.stream().map(p -> "        server 127.0.0.1:" + p + " max_fails=0;")
                .collect(Collectors.joining("\n"));
        return start("""
                map $arg_class $gaplab_upstream { "" gaplab; default gaplab_classes; }
                upstream gaplab {
                    least_conn;
                %1$s
                }
                upstream gaplab_classes {
                    hash $arg_class consistent;
                %1$s
                }
                """.formatted(servers), "http://$gaplab_upstream");
    }

    private static Nginx start(String upstreamBlocks, String passTo) throws IOException, InterruptedException {
        Path prefix = Files.createTempDirectory("gaplab-nginx-");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.writeString(prefix.resolve("nginx.conf"), """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                %2$s
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass %4$s;
                            proxy_http_version 1.1;
                            proxy_set_header Upgrade $http_upgrade;
                            proxy_set_header Connection $connection_upgrade;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_connect_timeout 2s;
                            proxy_read_timeout 120s;
                            proxy_send_timeout 120s;
                            proxy_buffering off;
                            proxy_next_upstream error timeout http_502 http_503;
                        }
                    }
                }
                """.formatted(prefix, upstreamBlocks, port, passTo));
        Process process = new ProcessBuilder(BINARY.getPath(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                "-e", prefix.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, prefix, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return nginx;
            } catch (IOException notYet) {
                if (!process.isAlive()) break;
                Thread.sleep(50);
            }
        }
        String log = nginx.log();
        nginx.close();
        throw new IllegalStateException("nginx did not start: " + log);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** nginx's error log and output, to explain a failure. */
    String log() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("error.log", "stdout.log")) {
            try {
                text.append(Files.readString(prefix.resolve(name)));
            } catch (IOException missing) {
                text.append("(no ").append(name).append(")");
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(prefix)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
