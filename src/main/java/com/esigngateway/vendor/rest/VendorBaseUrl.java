package com.esigngateway.vendor.rest;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;

import com.esigngateway.config.SimulatorConfig;
import com.esigngateway.config.VendorConfig;

import io.quarkus.runtime.LaunchMode;

/**
 * Where the vendor is: {@code esign.vendor.url}, or the embedded simulator on this very server when the
 * URL is not set and the simulator is enabled.
 */
@ApplicationScoped
public class VendorBaseUrl {

    private final Optional<URI> configured;
    private final boolean simulator;

    public VendorBaseUrl(VendorConfig vendor, SimulatorConfig simulator) {
        this.configured = vendor.url().map(VendorBaseUrl::normalise);
        this.simulator = configured.isEmpty() && simulator.enabled();
    }

    /** Whether the gateway has a vendor to talk to. */
    public boolean isSet() {
        return configured.isPresent() || simulator;
    }

    /**
     * The base URL. For the simulator it is this server's own port, read when first needed: with
     * port 0 (tests) the port is known only once the server listens.
     */
    public Optional<URI> uri() {
        if (configured.isPresent() || !simulator) {
            return configured;
        }
        String portKey = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(portKey, Integer.class).orElse(8080);
        return Optional.of(URI.create("http://127.0.0.1:" + port + "/simulator/"));
    }

    /** The configured vendor URL with a trailing {@code rest/} removed: every endpoint path starts with it. */
    static URI normalise(URI configured) {
        String url = configured.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith("/rest")) {
            url = url.substring(0, url.length() - "/rest".length());
        }
        return URI.create(url + "/");
    }

    /** True when the gateway talks to its own embedded simulator. */
    public boolean isSimulator() {
        return simulator;
    }
}
