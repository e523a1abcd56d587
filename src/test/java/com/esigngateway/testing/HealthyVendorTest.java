package com.esigngateway.testing;

import org.junit.jupiter.api.BeforeEach;

import com.esigngateway.testing.VendorWireMock.InjectVendor;
import com.github.tomakehurst.wiremock.WireMockServer;

/** A test against the WireMock vendor, which answers as a working vendor at the start of every test. */
public abstract class HealthyVendorTest {

    @InjectVendor
    protected WireMockServer vendor;

    @BeforeEach
    void healthyVendor() {
        VendorStubs.healthy(vendor);
    }
}
