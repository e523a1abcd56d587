package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A vendor that fails while the signed documents are fetched: each is a problem, never a file, and counts for the
 * breaker (which is closed again after each test here; {@code SignedDocumentsDownloadIT} does the same against the
 * packaged application, with a gateway of its own).
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class SignedDocumentsOutagesTest extends HealthyVendorTest {

    @AfterEach
    void closeBreakers() {
        CircuitBreakerMaintenance.get().resetAll();
    }

    ExtractableResponse<Response> fetchWhileTheVendorAnswers(ResponseDefinitionBuilder files) {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(SignedDocumentsTest.COMPLETED, 4, null)));
        vendor.stubFor(get(urlPathEqualTo(SignedDocumentsTest.FILES)).willReturn(files));
        ExtractableResponse<Response> answer = Requests.conforming().accept("application/pdf")
                .get(SignedDocumentsTest.SIGNED).then().extract();
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.header("Content-Disposition")).isNull();
        return answer;
    }

    @Test
    void anAnswerThatIsNotJsonIsA502() {
        ExtractableResponse<Response> answer = fetchWhileTheVendorAnswers(aResponse().withStatus(200).withBody("<html>oops</html>"));
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.jsonPath().getString("detail")).contains("not JSON");
    }

    /** A download is not retried by the gateway: a retry would fetch everything again, so the caller decides. */
    @Test
    void aServerErrorIsA502AndNotRetried() {
        ExtractableResponse<Response> answer = fetchWhileTheVendorAnswers(aResponse().withStatus(500));
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.jsonPath().getString("detail")).contains("HTTP 500");
        vendor.verify(1, getRequestedFor(urlPathEqualTo(SignedDocumentsTest.FILES)));
    }

    /** Downloads have a breaker of their own: failing downloads leave the other session calls alone. */
    @Test
    void failingDownloadsOpenTheirOwnBreakerOnly() {
        for (int i = 0; i < 12; i++) {
            fetchWhileTheVendorAnswers(aResponse().withStatus(500));
        }
        ExtractableResponse<Response> paused = Requests.conforming().accept("application/pdf")
                .get(SignedDocumentsTest.SIGNED).then().extract();
        assertThat(paused.statusCode()).isEqualTo(503);
        assertThat(paused.jsonPath().getString("type")).isEqualTo("urn:esign-gateway:problem:circuit-open");
        Requests.conforming().get(com.esigngateway.testing.Requests.PATH + "/" + VendorStubs.SESSION_ID).then()
                .statusCode(200);
    }

    @Test
    void aBrokenConnectionIsA502() {
        ExtractableResponse<Response> answer = fetchWhileTheVendorAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.jsonPath().getString("type")).isEqualTo("urn:esign-gateway:problem:vendor-error");
    }
}
