package com.esigngateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.FilesVendor;
import com.esigngateway.testing.PackagedApp;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.StreamingVendor;

/**
 * The signed documents of a session with a 50 MiB document, through the packaged application (the jar, or the native
 * executable) started with a 64 MiB heap: the vendor's answer (about 180 MB as a number array) is spooled and decoded
 * with bounded memory, in either form the vendor may use; an answer cut short or without an end is a 502 and leaves
 * the gateway serving; no temporary file outlives its request.
 */
class SignedDocumentsDownloadIT {

    static final long SIZE = 50L * 1024 * 1024;
    static final String SIGNED = Requests.PATH + "/6f1d2c3b-8a4e-4f5a-9b6c-7d8e9f0a1b2c/documents/signed";

    static FilesVendor vendor = new FilesVendor();
    static PackagedApp.Running gateway;
    static Path spool;
    static int port;
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> vendorSettings = vendor.start();
        spool = Files.createTempDirectory("signed-documents-spool");
        port = PackagedApp.freePort();
        gateway = PackagedApp.start(Map.of(
                "ESIGN_VENDOR_URL", vendorSettings.get("esign.vendor.url"),
                "ESIGN_VENDOR_API_KEY", vendorSettings.get("esign.vendor.api-key"),
                "ESIGN_GATEWAY_CLIENTS_TESTS_KEY_SHA256", Requests.API_KEY_SHA256,
                "ESIGN_GATEWAY_CLIENTS_TESTS_OWNERS", "*",
                "ESIGN_GATEWAY_SPOOL_DIRECTORY", spool.toString(),
                "ESIGN_VENDOR_DOWNLOADS_MAX_ANSWER_SIZE", "200M",
                // the failures below must not open the breaker for the cases after them
                "ESIGN_UPSTREAM_CIRCUIT_BREAKER_REQUEST_VOLUME", "1000",
                "ESIGN_VENDOR_SESSION_CALLS_RETRY_MAX_RETRIES", "0"),
                "-Xmx64m", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1");
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.output().contains("Listening on"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        vendor.stop();
        try (Stream<Path> left = Files.list(spool)) {
            left.forEach(file -> file.toFile().delete());
        }
        Files.deleteIfExists(spool);
    }

    record Fetched(int status, String contentType, String contentLength, long bytes, String sha256, String text) {
    }

    static Fetched fetch() throws Exception {
        HttpResponse<InputStream> answer = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SIGNED))
                .header("X-API-Key", Requests.API_KEY).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = StreamingVendor.sha256();
        long bytes = 0;
        StringBuilder text = new StringBuilder();
        try (InputStream in = answer.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) != -1;) {
                digest.update(buffer, 0, read);
                bytes += read;
                if (text.length() < 4096) {
                    text.append(new String(buffer, 0, Math.min(read, 4096), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return new Fetched(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                answer.headers().firstValue("Content-Length").orElse(null), bytes, HexFormat.of().formatHex(digest.digest()),
                text.toString());
    }

    @Test
    void fiftyMebibytesAsANumberArrayArriveWholeThroughASixtyFourMebibyteHeap() throws Exception {
        vendor.answer(FilesVendor.Mode.NUMBER_ARRAY, SIZE);
        Fetched fetched = fetch();
        assertThat(fetched.status()).as(fetched.text()).isEqualTo(200);
        assertThat(fetched.contentType()).isEqualTo("application/pdf");
        assertThat(fetched.contentLength()).isEqualTo(String.valueOf(SIZE));
        assertThat(fetched.bytes()).isEqualTo(SIZE);
        assertThat(fetched.sha256()).isEqualTo(FilesVendor.sha256(SIZE));
        assertThat(vendor.written()).isGreaterThan(3 * SIZE);
        assertNoTemporaryFileIsLeft();
    }

    @Test
    void fiftyMebibytesAsBase64ArriveWholeToo() throws Exception {
        vendor.answer(FilesVendor.Mode.BASE64, SIZE);
        Fetched fetched = fetch();
        assertThat(fetched.status()).as(fetched.text()).isEqualTo(200);
        assertThat(fetched.bytes()).isEqualTo(SIZE);
        assertThat(fetched.sha256()).isEqualTo(FilesVendor.sha256(SIZE));
        assertNoTemporaryFileIsLeft();
    }

    @Test
    void anAnswerCutShortIsA502AndTheGatewayGoesOn() throws Exception {
        vendor.answer(FilesVendor.Mode.CUT_SHORT, SIZE);
        Fetched fetched = fetch();
        assertThat(fetched.status()).as(() -> tail(gateway)).isEqualTo(502);
        assertThat(fetched.contentType()).isEqualTo("application/problem+json");
        assertThat(fetched.text()).contains("urn:esign-gateway:problem:vendor-error");
        assertNoTemporaryFileIsLeft();
        fiftyMebibytesAsANumberArrayArriveWholeThroughASixtyFourMebibyteHeap();
    }

    @Test
    void anEndlessAnswerIsCutAtTheCapAndIsA502() throws Exception {
        vendor.answer(FilesVendor.Mode.ENDLESS, SIZE);
        Fetched fetched = fetch();
        assertThat(fetched.status()).isEqualTo(502);
        assertThat(fetched.text()).contains("larger than 209715200 bytes");
        // the gateway hung up at its cap; what was in flight in the sockets' buffers is all that went beyond it
        assertThat(vendor.written()).isLessThan(210L * 1024 * 1024 + 16 * 1024 * 1024);
        assertNoTemporaryFileIsLeft();
    }

    @Test
    void aServerErrorIsA502() throws Exception {
        vendor.answer(FilesVendor.Mode.SERVER_ERROR, SIZE);
        Fetched fetched = fetch();
        assertThat(fetched.status()).isEqualTo(502);
        assertThat(fetched.text()).contains("HTTP 500");
        assertThat(vendor.fileCalls()).isEqualTo(1);
        assertNoTemporaryFileIsLeft();
    }

    /** No file left in the spool directory, and every spooled byte given back to the spool's capacity. */
    static void assertNoTemporaryFileIsLeft() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Stream<Path> files = Files.list(spool)) {
                assertThat(files.filter(file -> file.getFileName().toString().startsWith("esign-")).toList()).isEmpty();
            }
            assertThat(spooledBytes()).isZero();
        });
    }

    static String tail(PackagedApp.Running app) {
        try {
            java.util.List<String> lines = app.output().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (java.io.IOException e) {
            return "(no output: " + e + ")";
        }
    }

    static double spooledBytes() throws Exception {
        String metrics = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("esign_gateway_spooled_bytes"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no esign_gateway_spooled_bytes in /q/metrics"));
    }
}
