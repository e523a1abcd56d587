package com.esigngateway.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A vendor nobody answers for: the gateway points at a loopback port that was free a moment ago (connection refused). */
public class ClosedPortVendor implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Map.of("esign.vendor.url", "http://127.0.0.1:" + socket.getLocalPort() + "/",
                    "esign.vendor.api-key", "any-key");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
