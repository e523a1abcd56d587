package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.PackagedApp;
import com.esigngateway.testing.Requests;

/**
 * A gateway killed (SIGKILL) in the middle of a large upload leaves an encrypted file, not the document, and the next
 * start removes it while leaving alone what is not the gateway's. Also: with no admin key configured, the simulator
 * logs the one it made, and only that key opens fault injection.
 */
class CrashLeftoversIT {

    static final Path SPOOL = Path.of("target/crash-spool");
    static final String MARKER = "CONFIDENTIAL purchase agreement for 12 Elm Street, signed by Sam Seller. ";

    @Test
    void aCrashDuringAnUploadLeavesNothingReadableAndTheNextStartRemovesIt() throws Exception {
        Files.createDirectories(SPOOL);
        try (Stream<Path> old = Files.list(SPOOL)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Path foreign = Files.writeString(SPOOL.resolve("operator-notes.bin"), "not the gateway's");
        Files.setPosixFilePermissions(foreign, PosixFilePermissions.fromString("rw-------"));
        int port = PackagedApp.freePort();
        Map<String, String> environment = Map.of("ESIGN_SIMULATOR_ENABLED", "true",
                "ESIGN_GATEWAY_CLIENTS_CRASH_KEY_SHA256", Requests.API_KEY_SHA256, "ESIGN_GATEWAY_CLIENTS_CRASH_OWNERS", "*",
                "ESIGN_GATEWAY_SPOOL_DIRECTORY", SPOOL.toAbsolutePath().toString(),
                "ESIGN_GATEWAY_SPOOL_THRESHOLD", "64K");
        String[] properties = {"-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"};

        byte[] document = MARKER.repeat(40_000).getBytes(StandardCharsets.UTF_8); // ~3 MB
        String content = Base64.getEncoder().encodeToString(document);
        String start = "{\"owner\":\"agent@example.com\",\"title\":\"Crash\",\"documents\":[{\"fileName\":\"a.pdf\",\"content\":\"";
        List<Path> leftovers;
        try (PackagedApp.Running gateway = PackagedApp.start(environment, properties)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> gateway.output().contains("Listening on"));
            adminKeyWorks(gateway.output(), port);
            try (Socket caller = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = caller.getOutputStream();
                out.write(("POST " + Requests.PATH + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + Requests.API_KEY
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + (start.length() + content.length() + 100)
                        + "\r\n\r\n" + start + content.substring(0, 2 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // the body is on its way in: it goes to the spool, encrypted, while the rest is awaited
                await().atMost(Duration.ofSeconds(20)).until(() -> spooled() > 1024 * 1024);
                gateway.process().destroyForcibly(); // SIGKILL: no shutdown hook, no end handler runs
                assertThat(gateway.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
        }
        leftovers = files().stream().filter(file -> !file.equals(foreign)).toList();
        assertThat(leftovers).isNotEmpty();
        for (Path leftover : leftovers) {
            String bytes = Files.readString(leftover, StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain(content.substring(1000, 1100)).doesNotContain("CONFIDENTIAL")
                    .doesNotContain("agent@example.com");
        }

        try (PackagedApp.Running gateway = PackagedApp.start(environment, properties)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> gateway.output().contains("Listening on"));
            assertThat(files()).containsExactly(foreign);
            assertThat(gateway.output()).contains("Removed " + leftovers.size() + " file(s)");
        }
    }

    private static void adminKeyWorks(String output, int port) throws Exception {
        java.util.regex.Matcher logged = java.util.regex.Pattern.compile("Simulator admin key for this run[^:]*: ([A-Za-z0-9_-]+)")
                .matcher(output);
        assertThat(logged.find()).as("the generated admin key is logged").isTrue();
        HttpClient client = HttpClient.newHttpClient();
        for (String key : new String[] {"wrong", logged.group(1)}) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/simulator/admin/faults")).header("X-Admin-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(key.equals("wrong") ? 401 : 200);
        }
    }

    private static long spooled() throws Exception {
        long bytes = 0;
        for (Path file : files()) {
            if (file.getFileName().toString().startsWith("esign-")) {
                bytes += Files.size(file);
            }
        }
        return bytes;
    }

    private static List<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.toList();
        }
    }
}
