package com.esigngateway.vendor;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.SimulatorConfig;
import com.esigngateway.config.VendorConfig;

import io.quarkus.runtime.LaunchMode;

/**
 * Where the vendor is: {@code esign.vendor.url}, or the embedded simulator on this very server when the
 * URL is not set and the simulator is enabled.
 */
@ApplicationScoped
public class VendorBaseUrl {

    private final URI uri;
    private final boolean simulator;

    public VendorBaseUrl(VendorConfig vendor, SimulatorConfig simulator,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.port") int port,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081") int testPort) {
        Optional<URI> configured = vendor.url();
        if (configured.isPresent()) {
            this.uri = VendorRestClientProducer.normalise(configured.get());
            this.simulator = false;
        } else if (simulator.enabled()) {
            int actualPort = LaunchMode.current() == LaunchMode.TEST ? testPort : port;
            this.uri = URI.create("http://localhost:" + actualPort + "/simulator/");
            this.simulator = true;
        } else {
            this.uri = null;
            this.simulator = false;
        }
    }

    public Optional<URI> uri() {
        return Optional.ofNullable(uri);
    }

    /** True when the gateway talks to its own embedded simulator. */
    public boolean isSimulator() {
        return simulator;
    }
}
