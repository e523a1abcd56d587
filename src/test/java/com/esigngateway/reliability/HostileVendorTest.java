package com.esigngateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HostileVendor;
import com.esigngateway.testing.HostileVendor.InjectHostileVendor;
import com.esigngateway.testing.Requests;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A vendor (or anything at its address) that answers with a gigabyte or with a stream that never ends: the gateway
 * reads at most the configured answer size (4 MiB for session calls, 64 KiB for token calls), resets the connection
 * and answers a 502, instead of buffering until the memory runs out. Runs against the packaged application and the
 * native executable too ({@code HostileVendorIT}); the token calls' cap is {@link HostileTokenVendorTest}'s.
 */
@QuarkusTest
@WithTestResource(HostileVendor.class)
class HostileVendorTest {

    @InjectHostileVendor
    HostileVendor vendor;

    @Test
    void aGigabyteAnswerIsCutAtTheCapAndIsA502() {
        vendor.hostile("/rest/v1/sessions", HostileVendor.Mode.HUGE);
        Requests.example().post(Requests.PATH).then().statusCode(502)
                .body("type", equalTo("urn:esign-gateway:problem:vendor-error"))
                .body("detail", containsString("larger than 4194304 bytes"));
        assertThat(vendor.written()).as("bytes the vendor got to write before the reset").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void anEndlessAnswerIsCutAtTheCapAndIsA502() {
        vendor.hostile("/rest/v1/sessions", HostileVendor.Mode.ENDLESS);
        Requests.example().post(Requests.PATH).then().statusCode(502)
                .body("detail", containsString("larger than 4194304 bytes"));
        assertThat(vendor.written()).as("bytes the vendor got to write before the reset").isLessThan(64L * 1024 * 1024);
    }
}
