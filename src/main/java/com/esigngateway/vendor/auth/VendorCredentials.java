package com.esigngateway.vendor.auth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.config.SimulatorConfig;
import com.esigngateway.config.VendorConfig;
import com.esigngateway.vendor.rest.VendorBaseUrl;

/**
 * The gateway's vendor credentials: the API key (or the key already encrypted) and the salt. Against
 * the embedded simulator the simulator's key is used unless one is configured.
 */
@ApplicationScoped
public class VendorCredentials {

    private final Optional<String> apiKey;
    private final Optional<String> encryptedApiKey;
    private final String salt;

    public VendorCredentials(VendorConfig vendor, SimulatorConfig simulator, VendorBaseUrl baseUrl) {
        this.encryptedApiKey = vendor.encryptedApiKey().filter(v -> !v.isBlank());
        this.apiKey = vendor.apiKey().filter(v -> !v.isBlank())
                .or(() -> baseUrl.isSimulator() ? Optional.of(simulator.apiKey()) : Optional.empty());
        this.salt = vendor.salt();
    }

    public Optional<String> apiKey() {
        return apiKey;
    }

    public Optional<String> encryptedApiKey() {
        return encryptedApiKey;
    }

    public String salt() {
        return salt;
    }

    public boolean present() {
        return apiKey.isPresent() || encryptedApiKey.isPresent();
    }

    @Override
    public String toString() {
        return "VendorCredentials[apiKey=" + (apiKey.isPresent() ? "******" : "none") + ", encryptedApiKey="
                + (encryptedApiKey.isPresent() ? "******" : "none") + "]";
    }
}
