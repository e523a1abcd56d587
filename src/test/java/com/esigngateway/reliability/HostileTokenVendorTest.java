package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HostileVendor;
import com.esigngateway.testing.HostileVendor.InjectHostileVendor;
import com.esigngateway.testing.Requests;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An endless answer to the token call, on a gateway that holds no token yet (its own profile: a fresh application):
 * the token calls read at most 64 KiB, so the stream is cut early and the caller is told the vendor is unavailable.
 */
@QuarkusTest
@TestProfile(HostileTokenVendorTest.Cold.class)
@WithTestResource(HostileVendor.class)
class HostileTokenVendorTest {

    /** A profile of its own, so that no token cached by another test class is reused. */
    public static class Cold implements QuarkusTestProfile {
    }

    @InjectHostileVendor
    HostileVendor vendor;

    @Test
    void anEndlessTokenAnswerIsCutSoonerAndTheCallerGetsA503() {
        vendor.hostile("/rest/v1/gettoken", HostileVendor.Mode.ENDLESS);
        Requests.example().post(Requests.PATH).then().statusCode(503)
                .body("type", equalTo("urn:esign-gateway:problem:vendor-unavailable"));
        assertThat(vendor.written()).as("bytes the vendor got to write before the reset").isLessThan(64L * 1024 * 1024);
    }
}
