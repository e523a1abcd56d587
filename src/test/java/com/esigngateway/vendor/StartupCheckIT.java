package com.esigngateway.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.PackagedApp;

/**
 * The packaged gateway (jar or native executable) refuses to start in production without a vendor to talk to,
 * and says which environment variables to set; likewise when it is told to accept JWTs without the key, issuer
 * audience and owners claim to verify and scope them with, or with an API-key client that does not say which owners
 * it acts for.
 */
class StartupCheckIT {

    @Test
    void refusesToStartWithoutVendorUrlAndKey() throws Exception {
        assertThat(failedStart(Map.of())).contains("eSign Gateway cannot start")
                .contains("ESIGN_VENDOR_URL").contains("ESIGN_VENDOR_API_KEY")
                .contains("ESIGN_VENDOR_ENCRYPTED_API_KEY").contains("ESIGN_SIMULATOR_ENABLED")
                .contains("ESIGN_GATEWAY_CLIENTS_<NAME>_KEY_SHA256").contains("ESIGN_GATEWAY_AUTH_ENABLED=false");
    }

    @Test
    void refusesJwtCallersWithoutKeyIssuerAndAudience() throws Exception {
        assertThat(failedStart(Map.of("ESIGN_SIMULATOR_ENABLED", "true", "ESIGN_GATEWAY_AUTH_JWT_ENABLED", "true")))
                .contains("eSign Gateway cannot start").contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION")
                .contains("MP_JWT_VERIFY_ISSUER").contains("MP_JWT_VERIFY_AUDIENCES")
                .contains("ESIGN_GATEWAY_AUTH_JWT_OWNERS_CLAIM")
                .doesNotContain("ESIGN_VENDOR_URL").doesNotContain("ESIGN_GATEWAY_CLIENTS_<NAME>_KEY_SHA256");
    }

    /** An API-key client that does not say whom it acts for would be locked out on upgrade: the start says so. */
    @Test
    void refusesAnApiKeyClientWithoutOwnersAndNamesIt() throws Exception {
        assertThat(failedStart(Map.of("ESIGN_SIMULATOR_ENABLED", "true",
                "ESIGN_GATEWAY_CLIENTS_HR_KEY_SHA256", com.esigngateway.testing.Requests.API_KEY_SHA256,
                "ESIGN_GATEWAY_CLIENTS_CRM_KEY_SHA256", com.esigngateway.testing.Requests.READER_KEY_SHA256,
                "ESIGN_GATEWAY_CLIENTS_CRM_OWNERS", "*@crm.example")))
                .contains("eSign Gateway cannot start").contains("the client hr has no owners")
                .contains("ESIGN_GATEWAY_CLIENTS_HR_OWNERS").contains("to * for every owner")
                .doesNotContain("the client crm").doesNotContain("ESIGN_VENDOR_URL");
    }

    /** Starts the packaged gateway with only these settings, expects it to exit non-zero, returns its output. */
    private static String failedStart(Map<String, String> environment) throws Exception {
        assertThat(PackagedApp.artifact()).exists();
        try (PackagedApp.Running gateway = PackagedApp.start(environment, "-Dquarkus.http.port=0",
                "-Dquarkus.http.host=127.0.0.1")) {
            assertThat(gateway.process().waitFor(60, TimeUnit.SECONDS)).as("the gateway exits by itself").isTrue();
            assertThat(gateway.process().exitValue()).isNotZero();
            return gateway.output();
        }
    }
}
