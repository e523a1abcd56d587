package com.esigngateway.vendor;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/** Refuses to start without a vendor to talk to, naming the environment variables to set. */
@ApplicationScoped
class VendorSettingsCheck {

    static final String MISSING_URL = "ESIGN_VENDOR_URL (esign.vendor.url) is not set, e.g. "
            + "https://api.stage.esignonline.net/; or run against the embedded simulator with ESIGN_SIMULATOR_ENABLED=true";
    static final String MISSING_KEY = "neither ESIGN_VENDOR_API_KEY (esign.vendor.api-key) nor "
            + "ESIGN_VENDOR_ENCRYPTED_API_KEY (esign.vendor.encrypted-api-key) is set";

    void check(@Observes StartupEvent event, VendorBaseUrl baseUrl, VendorCredentials credentials) {
        List<String> missing = problems(baseUrl, credentials);
        if (!missing.isEmpty()) {
            throw new ConfigurationException("eSign Gateway cannot start: " + String.join("; and ", missing) + ".");
        }
    }

    static List<String> problems(VendorBaseUrl baseUrl, VendorCredentials credentials) {
        List<String> missing = new ArrayList<>();
        if (!baseUrl.isSet()) {
            missing.add(MISSING_URL);
        }
        if (!credentials.present()) {
            missing.add(MISSING_KEY);
        }
        return missing;
    }
}
