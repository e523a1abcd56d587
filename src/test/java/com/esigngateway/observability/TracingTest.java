package com.esigngateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.esigngateway.security.DebugLogsProfile;
import com.esigngateway.testing.Contract;
import com.esigngateway.testing.FreshApp;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.esigngateway.testing.VendorWireMock.InjectVendor;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With tracing on, one trace shows the incoming call, the token acquisition and every vendor call. */
@QuarkusTest
@TestProfile(DebugLogsProfile.class)
@WithTestResource(value = FreshApp.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(VendorWireMock.class)
class TracingTest {

    @InjectVendor
    WireMockServer vendor;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void oneTraceCoversTheCallTheTokenAndTheVendor() {
        VendorStubs.healthy(vendor);
        spans.reset();
        Requests.create(Contract.exampleRequest()).statusCode(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(names()).contains(
                "POST /v1/signing-sessions", "vendor token acquisition", "vendor EncryptString", "vendor GetToken",
                "vendor CreateSession", "vendor GetLandingURL"));

        SpanData server = span("POST /v1/signing-sessions");
        assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
        SpanData token = span("vendor token acquisition");
        assertThat(token.getAttributes().asMap().toString()).contains("esign.token.reason=cold");
        assertThat(span("vendor GetToken").getParentSpanId()).isEqualTo(token.getSpanId());
        assertThat(span("vendor CreateSession").getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span("vendor CreateSession").getAttributes().asMap().toString()).contains("esign.vendor.outcome=success");
        assertThat(spans.getFinishedSpanItems()).allSatisfy(span ->
                assertThat(span.getTraceId()).isEqualTo(server.getTraceId()));

        String everything = spans.getFinishedSpanItems().toString();
        for (String secret : List.of(VendorWireMock.API_KEY, "test-api-key%2F", VendorStubs.ENCRYPTED_KEY,
                VendorStubs.TOKEN, Requests.API_KEY)) {
            assertThat(everything).doesNotContain(secret);
        }
    }

    private List<String> names() {
        return spans.getFinishedSpanItems().stream().map(SpanData::getName).toList();
    }

    private SpanData span(String name) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow();
    }
}
