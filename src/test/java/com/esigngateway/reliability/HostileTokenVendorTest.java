package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.ColdGateway;
import com.esigngateway.testing.HostileVendor;
import com.esigngateway.testing.HostileVendor.InjectHostileVendor;
import com.esigngateway.testing.Requests;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An endless answer to the token call, on a gateway that holds no token yet (made cold first; the IT has an application of its own):
 * the token calls read at most 64 KiB, so the stream is cut early and the caller is told the vendor is unavailable.
 */
@QuarkusTest
@WithTestResource(HostileVendor.class)
class HostileTokenVendorTest {

    @InjectHostileVendor
    HostileVendor vendor;

    /** This class shares its start with HostileVendorTest: a cold gateway, and the token breaker closed for the next. */
    @BeforeEach
    @AfterEach
    void coldGateway() {
        ColdGateway.reset();
    }

    @Test
    void anEndlessTokenAnswerIsCutSoonerAndTheCallerGetsA503() {
        vendor.hostile("/rest/v1/gettoken", HostileVendor.Mode.ENDLESS);
        Requests.example().post(Requests.PATH).then().statusCode(503)
                .body("type", equalTo("urn:esign-gateway:problem:vendor-unavailable"));
        assertThat(vendor.written()).as("bytes the vendor got to write before the reset").isLessThan(64L * 1024 * 1024);
    }
}
