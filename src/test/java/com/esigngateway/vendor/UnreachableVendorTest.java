package com.esigngateway.vendor;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.ClosedPortVendor;
import com.esigngateway.testing.Contract;
import com.esigngateway.testing.Requests;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A vendor nobody listens for: callers get a 503 problem with Retry-After. */
@QuarkusTest
@WithTestResource(ClosedPortVendor.class)
class UnreachableVendorTest {

    @Test
    void anUnreachableVendorIs503() {
        Requests.create(Contract.exampleRequest()).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:esign-gateway:problem:vendor-unavailable"));
    }
}
