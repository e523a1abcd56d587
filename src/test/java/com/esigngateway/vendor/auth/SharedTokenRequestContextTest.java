package com.esigngateway.vendor.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.reliability.ReliabilityProfile;
import com.esigngateway.testing.ColdGateway;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.LogCapture;
import com.esigngateway.testing.Parallel;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Callers that wait for one shared token acquisition go on as their own requests: each one's log line carries its
 * own request id, not the id of the request that happened to start the acquisition.
 */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(VendorWireMock.class)
class SharedTokenRequestContextTest extends HealthyVendorTest {

    private static final Pattern CREATED = Pattern.compile("requestId=(ctx-\\d+).*Created vendor session");

    LogCapture logs;

    @BeforeEach
    void capture() {
        ColdGateway.reset();
        logs = LogCapture.install();
    }

    @AfterEach
    void release() {
        logs.uninstall();
    }

    @Test
    void everyWaitingCallerLogsUnderItsOwnRequestId() throws Exception {
        vendor.stubFor(VendorStubs.getToken().willReturn(VendorStubs.returnValue(VendorStubs.TOKEN).withFixedDelay(300)));
        int parallel = 20;
        AtomicInteger next = new AtomicInteger();

        List<Response> answers = Parallel.run(parallel,
                () -> Requests.example().header("X-Request-Id", "ctx-" + next.incrementAndGet()).post(Requests.PATH));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(VendorStubs.tokenCalls(vendor)).isEqualTo(1);
        List<String> loggedIds = logs.lines().stream().map(CREATED::matcher).filter(Matcher::find)
                .map(match -> match.group(1)).toList();
        assertThat(loggedIds).hasSize(parallel).doesNotHaveDuplicates();
    }
}
