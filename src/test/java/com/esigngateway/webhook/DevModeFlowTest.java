package com.esigngateway.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.simulator.SimulatorProfile;
import com.esigngateway.testing.Contract;
import com.esigngateway.testing.RecordingSubscriber;
import com.esigngateway.testing.RecordingSubscriber.Delivery;
import com.esigngateway.testing.RecordingSubscriber.InjectSubscriber;
import com.esigngateway.testing.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The whole flow as in dev mode, with the embedded simulator as the vendor: a session is created through the API,
 * its signers sign in the simulator (or one declines, or it is cancelled through the API), the simulator sends the
 * vendor's webhooks to the gateway's own receiver, and signed events arrive at the subscribers.
 */
@QuarkusTest
@TestProfile(SimulatorProfile.class)
@WithTestResource(RecordingSubscriber.class)
class DevModeFlowTest {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @InjectSubscriber
    RecordingSubscriber subscribers;

    @Test
    void signersWhoSignInTheSimulatorBringASignedCompletedEvent() {
        var request = Contract.exampleRequest();
        ((com.fasterxml.jackson.databind.node.ObjectNode) request.withArray("signers").get(1)).put("requireDocumentUpload", true);
        var created = Requests.create(request).statusCode(201).extract();
        String session = created.path("id");
        String buyer = created.path("signers[1].id");
        String signed = Requests.PATH + "/" + session + "/documents/signed";
        Requests.raw().accept("*/*").get(signed).then().statusCode(409)
                .body("type", equalTo("urn:esign-gateway:problem:session-not-completed"));

        given().post("/simulator/admin/sessions/" + session + "/complete").then().statusCode(401);
        admin().post("/simulator/admin/sessions/" + session + "/complete").then().statusCode(200)
                .body("SessionInfo.StatusCode", equalTo(3));

        List<Delivery> crm = awaitDeliveries("crm", session, 3);
        List<Delivery> archive = awaitDeliveries("archive", session, 1);
        assertThat(crm).allMatch(delivery -> delivery.verifiesWith(RecordingSubscriber.CRM_SECRET));
        assertThat(crm).extracting(delivery -> delivery.json().path("type").asText())
                .containsExactlyInAnyOrder("signer.status-changed", "signer.status-changed", "signing-session.completed");
        assertThat(crm).extracting(delivery -> delivery.json().path("data").path("signer").path("status").asText(""))
                .containsExactlyInAnyOrder("COMPLETED", "COMPLETED", "");
        assertThat(crm).allMatch(delivery -> Contract.schemaViolations("SigningSessionEvent", delivery.body()).isEmpty());
        JsonNode completed = archive.get(0).json();
        assertThat(archive.get(0).verifiesWith(RecordingSubscriber.ARCHIVE_SECRET)).isTrue();
        assertThat(completed.path("type").asText()).isEqualTo("signing-session.completed");
        assertThat(completed.path("data").path("session").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.path("data").path("session").path("owner").asText()).isEqualTo("agent@example.com");
        Requests.conforming().get(Requests.PATH + "/" + session).then().statusCode(200).body("status", equalTo("COMPLETED"));

        // the completed event links to the signed documents, which the simulator gives as a stand-in PDF
        assertThat(completed.path("data").path("links").path("signedDocuments").asText()).isEqualTo(signed);
        assertThat(crm).filteredOn(delivery -> !delivery.json().path("type").asText().equals("signing-session.completed"))
                .allMatch(delivery -> delivery.json().path("data").path("links").isMissingNode());
        var pdf = Requests.raw().accept("*/*").get(signed).then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("attachment; filename=\"purchase-agreement.pdf\"; "
                        + "filename*=UTF-8''purchase-agreement.pdf")).extract().asByteArray();
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF-1.4")
                .contains("Signed copy of purchase-agreement.pdf").endsWith("%%EOF\n");

        // the buyer, asked to upload a document, did so while signing; the seller was not asked
        String uploads = Requests.PATH + "/" + session + "/signers/" + buyer + "/uploads";
        String uploadId = Requests.conforming().get(uploads).then().statusCode(200)
                .body("uploads.fileName", org.hamcrest.Matchers.contains("identity-document.pdf"))
                .body("uploads.contentType", org.hamcrest.Matchers.contains("application/pdf"))
                .extract().path("uploads[0].id");
        byte[] upload = Requests.raw().accept("*/*").get(uploads + "/" + uploadId).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(new String(upload, java.nio.charset.StandardCharsets.US_ASCII)).contains("uploaded by buyer@example.com");
        Requests.conforming().get(Requests.PATH + "/" + session + "/signers/" + created.path("signers[0].id") + "/uploads")
                .then().statusCode(200).body("uploads", org.hamcrest.Matchers.empty());

        // once purged, there is nothing left to fetch, and the answer says so
        Requests.raw().body(Map.of("now", true)).post(Requests.PATH + "/" + session + "/purge").then().statusCode(202);
        Requests.raw().accept("*/*").get(signed).then().statusCode(404)
                .body("type", equalTo("urn:esign-gateway:problem:documents-purged"));
    }

    @Test
    void aDeclineAndACancelBringTheirEvents() {
        var created = Requests.create(Contract.exampleRequest()).statusCode(201).extract();
        String session = created.path("id");
        String buyer = created.path("signers[1].id");

        admin().contentType(ContentType.JSON).body(Map.of("reason", "The price is wrong"))
                .post("/simulator/admin/sessions/" + session + "/signers/" + buyer + "/decline").then().statusCode(200);
        JsonNode declined = awaitDeliveries("crm", session, 1).get(0).json();
        assertThat(declined.path("type").asText()).isEqualTo("signing-session.declined");
        assertThat(declined.path("data").path("signer").path("id").asText()).isEqualTo(buyer);
        assertThat(declined.path("data").path("signer").path("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.path("data").path("signer").path("declineReason").asText()).isEqualTo("The price is wrong");

        Requests.conforming().post(Requests.PATH + "/" + session + "/cancel").then().statusCode(200);
        List<Delivery> crm = awaitDeliveries("crm", session, 2);
        JsonNode cancelled = crm.get(1).json();
        assertThat(cancelled.path("type").asText()).isEqualTo("signing-session.cancelled");
        assertThat(cancelled.path("data").path("session").path("status").asText()).isEqualTo("CANCELLED");
        assertThat(subscribers.about("archive", session)).isEmpty();
    }

    @Test
    void theSimulatorsSubscriberStandInChecksSignatures() throws Exception {
        String body = "{\"id\":\"evt_standin\",\"type\":\"signing-session.completed\",\"data\":{\"session\":{\"id\":\"s-1\"}}}";
        long timestamp = Instant.now().getEpochSecond();
        String signature = new Webhook(RecordingSubscriber.CRM_SECRET).sign("evt_standin", timestamp, body);
        Map<String, String> headers = new HashMap<>(Map.of("webhook-id", "evt_standin", "webhook-timestamp",
                String.valueOf(timestamp), "webhook-signature", signature));

        given().headers(headers).contentType(ContentType.JSON).body(body).post("/simulator/subscriber/crm").then().statusCode(204);
        given().headers(headers).contentType(ContentType.JSON).body(body.replace("completed", "declined"))
                .post("/simulator/subscriber/crm").then().statusCode(400);
        headers.put("webhook-timestamp", String.valueOf(timestamp - 3600));
        headers.put("webhook-signature", new Webhook(RecordingSubscriber.CRM_SECRET).sign("evt_standin", timestamp - 3600, body));
        given().headers(headers).contentType(ContentType.JSON).body(body).post("/simulator/subscriber/crm").then().statusCode(400);
        given().get("/simulator/admin/subscriber/crm/events").then().statusCode(401);
        admin().get("/simulator/admin/subscriber/crm/events").then().statusCode(200)
                .body("received.signatureValid", org.hamcrest.Matchers.contains(false, false, true))
                .body("received[2].event.type", equalTo("signing-session.completed"));
    }

    List<Delivery> awaitDeliveries(String subscriber, String session, int count) {
        await().atMost(PATIENCE).until(() -> subscribers.about(subscriber, session).size() >= count);
        return subscribers.about(subscriber, session);
    }

    /** The simulator's admin routes take its admin key. */
    static io.restassured.specification.RequestSpecification admin() {
        return given().header("X-Admin-Key", SimulatorProfile.ADMIN_KEY);
    }
}
