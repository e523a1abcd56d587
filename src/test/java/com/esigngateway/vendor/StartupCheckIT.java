package com.esigngateway.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.PackagedApp;

/**
 * The packaged gateway (jar or native executable) refuses to start in production without a vendor to talk to,
 * and says which environment variables to set.
 */
class StartupCheckIT {

    @Test
    void refusesToStartWithoutVendorUrlAndKey() throws Exception {
        assertThat(PackagedApp.artifact()).exists();
        Path output = Files.createTempFile("startup-check", ".log");
        ProcessBuilder builder = new ProcessBuilder(PackagedApp.command("-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ESIGN_"));
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the gateway exits by itself").isTrue();
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).isNotZero();
            assertThat(log).contains("eSign Gateway cannot start")
                    .contains("ESIGN_VENDOR_URL").contains("ESIGN_VENDOR_API_KEY")
                    .contains("ESIGN_VENDOR_ENCRYPTED_API_KEY").contains("ESIGN_SIMULATOR_ENABLED")
                    .contains("ESIGN_GATEWAY_CLIENTS_<NAME>_KEY_SHA256").contains("ESIGN_GATEWAY_AUTH_ENABLED=false");
        } finally {
            process.destroyForcibly();
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
