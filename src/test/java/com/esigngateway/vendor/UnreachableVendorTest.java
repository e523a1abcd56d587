package com.esigngateway.vendor;

import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A vendor nobody listens for: callers get a 503 problem with Retry-After. */
@QuarkusTest
@TestProfile(UnreachableVendorTest.ClosedPort.class)
class UnreachableVendorTest {

    public static class ClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return Map.of("esign.vendor.url", "http://127.0.0.1:" + socket.getLocalPort() + "/",
                        "esign.vendor.api-key", "any-key");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void anUnreachableVendorIs503() {
        Requests.create(Contract.exampleRequest()).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:esign-gateway:problem:vendor-unavailable"));
    }
}
