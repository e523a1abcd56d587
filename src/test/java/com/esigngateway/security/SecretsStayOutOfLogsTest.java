package com.esigngateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.ColdGateway;
import com.esigngateway.testing.Contract;
import com.esigngateway.testing.LogCapture;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.esigngateway.testing.VendorWireMock.InjectVendor;
import com.esigngateway.vendor.auth.EncryptedApiKey;
import com.esigngateway.vendor.auth.VendorTokenProvider;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The {@link SecretScenario}, logged at DEBUG (the vendor's HTTP client included), plus a token service that times
 * out: none of the API key, the encrypted key, the tokens, the passwords or the document bytes may appear in any
 * log line, exception or error body.
 */
@QuarkusTest
@TestProfile(DebugLogsProfile.class)
@WithTestResource(VendorWireMock.class)
class SecretsStayOutOfLogsTest {

    @InjectVendor
    WireMockServer vendor;

    @Inject
    EncryptedApiKey encryptedApiKey;

    @Inject
    VendorTokenProvider tokens;

    LogCapture logs;

    @BeforeEach
    void capture() {
        ColdGateway.reset(); // the scenario's first request fetches the encrypted key and the token
        logs = LogCapture.install();
    }

    @AfterEach
    void release() {
        logs.uninstall();
        CircuitBreakerMaintenance.get().resetAll();
    }

    @Test
    void noSecretReachesALogLineOrAnErrorBody() {
        List<String> bodies = new ArrayList<>(SecretScenario.run(vendor,
                body -> Requests.raw().body(body).post(Requests.PATH).then().extract().asString()));
        // A token service that times out while the plain key is in the EncryptString path.
        encryptedApiKey.forget().await().indefinitely();
        vendor.stubFor(VendorStubs.encrypt().atPriority(1).willReturn(VendorStubs.returnValue(SecretScenario.ENCRYPTED_KEY)
                .withFixedDelay(4000)));
        vendor.stubFor(VendorStubs.getToken().atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        tokens.held().ifPresent(tokens::reject);
        bodies.add(Requests.raw().body(Contract.json(SecretScenario.request())).post(Requests.PATH).then().extract().asString());

        SecretScenario.assertNoSecretIn(logs.lines(), bodies);
    }
}
