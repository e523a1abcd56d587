package com.esigngateway.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A {@code redis-server} of its own for a test, on a free loopback port, without persistence ({@code --save ''
 * --appendonly no}) and with the eviction policy the gateway requires ({@code noeviction}, unless the test asks
 * otherwise). Debian's {@code redis-server} (CI installs it); without it the tests that need it are skipped, unless
 * {@code ESIGN_E2E_REQUIRED=true} (as CI sets it): then they fail. {@link #stop()} and {@link #start()} again keep the
 * port, for tests of a Redis that goes away and comes back; {@link #close()} stops it for good.
 * <p>
 * Reusable by any test that needs a Redis: {@link #gatewaySettings()} points a packaged gateway at it.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final int port;
    private final List<String> extraArguments;
    private final Path directory;
    private Process process;

    private RedisServer(int port, List<String> extraArguments) throws IOException {
        this.port = port;
        this.extraArguments = extraArguments;
        this.directory = Files.createTempDirectory("redis-test");
    }

    /** A started Redis, or the test is skipped (failed where Redis is required) when there is no redis-server. */
    public static RedisServer started(String... extraArguments) throws IOException {
        Path executable = executable();
        boolean required = "true".equals(System.getenv("ESIGN_E2E_REQUIRED"));
        if (!Files.isExecutable(executable)) {
            String why = "no redis-server at " + executable + " (apt-get install redis-server, or set ESIGN_REDIS_SERVER)";
            if (required) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        RedisServer server = new RedisServer(PackagedApp.freePort(), List.of(extraArguments));
        server.start();
        return server;
    }

    private static Path executable() {
        String configured = System.getenv("ESIGN_REDIS_SERVER");
        return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/redis-server");
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}, for {@code quarkus.redis.hosts}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** What a gateway needs to share its state in this Redis. */
    public Map<String, String> gatewaySettings() {
        return Map.of("ESIGN_STATE_STORE", "redis", "QUARKUS_REDIS_HOSTS", url());
    }

    /** Starts it (again, on the same port, empty). */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(executable().toString(), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString(),
                "--maxmemory-policy", "noeviction", "--daemonize", "no", "--loglevel", "warning"));
        command.addAll(extraArguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.log").toFile()).start();
        Process started = process;
        try {
            Awaitility.await("redis-server on port " + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(20))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .failFast("redis-server exited", () -> !started.isAlive())
                    .until(() -> "PONG".equals(command("PING")));
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new IllegalStateException("redis-server did not start: " + Files.readString(directory.resolve("redis.log")), e);
        }
    }

    /** Stops it (its data is gone: no persistence). */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** One command, its reply as text: a status, an error, an integer, a bulk string, or the bulk items joined by newlines. */
    public String command(String... arguments) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            StringBuilder request = new StringBuilder("*").append(arguments.length).append("\r\n");
            for (String argument : arguments) {
                request.append('$').append(argument.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(argument).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)));
        }
    }

    private static String reply(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("no reply");
        }
        char kind = line.charAt(0);
        String rest = line.substring(1);
        switch (kind) {
            case '+', '-', ':':
                return rest;
            case '$': {
                int length = Integer.parseInt(rest);
                if (length < 0) {
                    return null;
                }
                char[] bulk = new char[length];
                int read = 0;
                while (read < length) {
                    int n = in.read(bulk, read, length - read);
                    if (n < 0) {
                        throw new IOException("short reply");
                    }
                    read += n;
                }
                in.readLine();
                return new String(bulk);
            }
            case '*': {
                int count = Integer.parseInt(rest);
                List<String> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    items.add(reply(in));
                }
                return String.join("\n", items);
            }
            default:
                throw new IOException("unexpected reply " + line);
        }
    }

    /** Every key Redis holds now. */
    public List<String> keys() throws IOException {
        String all = command("KEYS", "*");
        return all == null || all.isEmpty() ? List.of() : List.of(all.split("\n"));
    }

    @Override
    public void close() throws Exception {
        stop();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
