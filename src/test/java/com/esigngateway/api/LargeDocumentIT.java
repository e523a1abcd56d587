package com.esigngateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.StreamingVendor;
import com.esigngateway.testing.StreamingVendor.InjectStreamingVendor;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * A 50 MiB document through the packaged application (the jar, or the native executable): decoded on the way in,
 * spooled, rendered as a number array on the way out. The vendor stand-in counts and hashes what it receives.
 */
@QuarkusIntegrationTest
@WithTestResource(StreamingVendor.class)
class LargeDocumentIT {

    static final int SIZE = 50 * 1024 * 1024;

    @InjectStreamingVendor
    StreamingVendor vendor;

    @Test
    void aFiftyMebibyteDocumentReachesTheVendorWholeWithAnExactContentLength() {
        byte[] document = new byte[SIZE];
        new Random(50).nextBytes(document);
        ObjectNode request = Contract.exampleRequest();
        ((ObjectNode) request.withArray("documents").get(0)).put("content", Base64.getEncoder().encodeToString(document));

        // Asserted on the extracted answer: a failed REST Assured expectation would print the 70 MB request.
        var answer = Requests.raw().body(Contract.json(request)).post(Requests.PATH).then().extract();

        assertThat(vendor.failures()).isEmpty();
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        assertThat(answer.jsonPath().getString("continueUrl"))
                .startsWith("https://acme.stage.esignonline.net/auth/AutoLogMeIn.aspx?token=");
        assertThat(vendor.sessions()).hasSize(1);
        StreamingVendor.Received received = vendor.sessions().get(0);
        assertThat(received.authorization()).isEqualTo(StreamingVendor.TOKEN);
        assertThat(received.bodyBytes()).isEqualTo(received.contentLength()).isGreaterThan(3L * SIZE);
        assertThat(received.documents()).containsExactly(new StreamingVendor.Document(SIZE,
                HexFormat.of().formatHex(StreamingVendor.sha256().digest(document))));
    }
}
