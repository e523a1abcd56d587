package com.esigngateway.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.RecordingSubscriber;
import com.esigngateway.testing.RecordingSubscriber.Answer;
import com.esigngateway.testing.RecordingSubscriber.Delivery;
import com.esigngateway.testing.RecordingSubscriber.InjectSubscriber;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.esigngateway.testing.VendorWireMock.InjectVendor;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The vendor's webhooks through the gateway to the subscribers, over HTTP only (so {@code WebhookRelayIT} runs it
 * against the packaged application): the vendor is WireMock, the subscribers record what they receive and check
 * each signature with the Standard Webhooks library.
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
@WithTestResource(RecordingSubscriber.class)
class WebhookRelayTest {

    static final String RECEIVER = "/webhooks/esign/";
    static final String SIGNER = "33333333-4444-5555-6666-777777777777";
    static final String NO_GUID = "00000000-0000-0000-0000-000000000000";
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @InjectVendor
    WireMockServer vendor;

    @InjectSubscriber
    RecordingSubscriber subscribers;

    @BeforeEach
    void healthyVendorAndSubscribers() {
        VendorStubs.healthy(vendor);
        subscribers.script("crm");
        subscribers.script("archive");
        given().header("X-Admin-Key", RecordingSubscriber.ADMIN_KEY).post("/admin/webhooks/subscribers/crm/enable")
                .then().statusCode(200);
    }

    @Test
    void aVendorWebhookBecomesOneSignedCleanEventPerSubscriber() {
        String session = UUID.randomUUID().toString();
        stubSession(session, 3, 4, null);
        String body = webhook(session, NO_GUID, "SessionStatus", 3);

        String eventId = receive(RecordingSubscriber.PATH_SECRET, body).statusCode(200)
                .body("eventId", startsWith("evt_")).body("duplicate", equalTo(false)).extract().path("eventId");
        // the same webhook again, through the other secret of a rotation: one event
        receive(RecordingSubscriber.NEXT_PATH_SECRET, body).statusCode(200)
                .body("eventId", equalTo(eventId)).body("duplicate", equalTo(true));

        Delivery crm = awaitDeliveries("crm", session, 1).get(0);
        Delivery archive = awaitDeliveries("archive", session, 1).get(0);
        awaitIdle();
        assertThat(subscribers.about("crm", session)).hasSize(1);
        assertThat(subscribers.about("archive", session)).hasSize(1);
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathEqualTo("/rest/v1/sessions/" + session)))).isEqualTo(1);

        assertThat(crm.header("webhook-id")).isEqualTo(eventId);
        assertThat(crm.header("content-type")).startsWith("application/json");
        assertThat(crm.header("webhook-signature").split(" ")).hasSize(2).allMatch(signature -> signature.startsWith("v1,"));
        assertThat(crm.verifiesWith(RecordingSubscriber.CRM_SECRET)).isTrue();
        assertThat(crm.verifiesWith(RecordingSubscriber.CRM_OLD_SECRET)).isTrue();
        assertThat(crm.verifiesWith(RecordingSubscriber.ARCHIVE_SECRET)).isFalse();
        assertThat(archive.verifiesWith(RecordingSubscriber.ARCHIVE_SECRET)).isTrue();
        assertThat(archive.verifiesWith(RecordingSubscriber.CRM_SECRET)).isFalse();
        assertThat(archive.header("webhook-id")).isEqualTo(eventId);

        assertThat(Contract.schemaViolations("SigningSessionEvent", crm.body())).isEmpty();
        JsonNode event = crm.json();
        assertThat(event.path("id").asText()).isEqualTo(eventId);
        assertThat(event.path("type").asText()).isEqualTo("signing-session.completed");
        assertThat(OffsetDateTime.parse(event.path("timestamp").asText())).isBefore(OffsetDateTime.now().plusSeconds(1));
        JsonNode data = event.path("data");
        assertThat(data.path("session").path("id").asText()).isEqualTo(session);
        assertThat(data.path("session").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(data.path("session").path("statusCode").asInt()).isEqualTo(3);
        assertThat(data.path("session").path("title").asText()).isEqualTo("Purchase agreement - 12 Elm Street");
        assertThat(data.path("session").path("signers").findValuesAsText("status")).containsExactly("COMPLETED", "COMPLETED");
        assertThat(data.has("signer")).isFalse();
        assertThat(data.path("session").has("continueUrl")).isFalse();
        assertThat(data.path("reported").path("kind").asText()).isEqualTo("SessionStatus");
        assertThat(data.path("reported").path("statusCode").asInt()).isEqualTo(3);
        assertThat(data.path("reported").has("newSessionId")).isFalse();
        assertThat(archive.body()).isEqualTo(crm.body());
    }

    @Test
    void aForgedWebhookDeliversWhatTheVendorSays() {
        String session = UUID.randomUUID().toString();
        stubSession(session, 2, 2, null); // the vendor: sent, the buyer invited
        receive(RecordingSubscriber.PATH_SECRET, webhook(session, NO_GUID, "SessionStatus", 3)).statusCode(200);
        receive(RecordingSubscriber.PATH_SECRET, webhook(session, SIGNER, "SignerStatus", 4)).statusCode(200);

        List<Delivery> crm = awaitDeliveries("crm", session, 2);
        awaitIdle();
        JsonNode sessionEvent = crm.stream().map(Delivery::json)
                .filter(event -> event.path("data").path("reported").path("kind").asText().equals("SessionStatus")).findFirst().orElseThrow();
        assertThat(sessionEvent.path("type").asText()).isEqualTo("signing-session.status-changed");
        assertThat(sessionEvent.path("data").path("session").path("status").asText()).isEqualTo("SENT");
        assertThat(sessionEvent.path("data").path("reported").path("statusCode").asInt()).isEqualTo(3);
        JsonNode signerEvent = crm.stream().map(Delivery::json)
                .filter(event -> event.path("data").path("reported").path("kind").asText().equals("SignerStatus")).findFirst().orElseThrow();
        assertThat(signerEvent.path("type").asText()).isEqualTo("signer.status-changed");
        assertThat(signerEvent.path("data").path("signer").path("id").asText()).isEqualTo(SIGNER);
        assertThat(signerEvent.path("data").path("signer").path("status").asText()).isEqualTo("INVITED");
        // the archive takes completed sessions only, and none was
        assertThat(subscribers.about("archive", session)).isEmpty();
        assertThat(metrics()).contains("esign_webhooks_verified_total{agrees=\"false\"}");
    }

    @Test
    void aWrongOrMissingPathSecretIsANotFoundAndNothingIsKept() {
        String session = UUID.randomUUID().toString();
        stubSession(session, 3, 4, null);
        String body = webhook(session, NO_GUID, "SessionStatus", 3);
        String unknownPath = given().contentType(ContentType.JSON).body(body).post("/nothing-here").then().statusCode(404)
                .extract().path("type");
        double receivedBefore = counter("esign_webhooks_received_total{outcome=\"accepted\"}");

        for (String path : List.of(RECEIVER + "wrong-secret-0123456789abcdefghij", RECEIVER + RecordingSubscriber.PATH_SECRET + "x",
                RECEIVER + RecordingSubscriber.PATH_SECRET.substring(1), RECEIVER, "/webhooks/esign")) {
            given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo(unknownPath));
        }

        // a good webhook after them is verified and delivered: had any of them been kept, it would have been too
        String next = UUID.randomUUID().toString();
        stubSession(next, 3, 4, null);
        receive(RecordingSubscriber.PATH_SECRET, webhook(next, NO_GUID, "SessionStatus", 3)).statusCode(200);
        awaitDeliveries("crm", next, 1);
        awaitIdle();
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathEqualTo("/rest/v1/sessions/" + session)))).isZero();
        assertThat(subscribers.about("crm", session)).isEmpty();
        assertThat(counter("esign_webhooks_received_total{outcome=\"accepted\"}")).isEqualTo(receivedBefore + 1);
        String metrics = metrics();
        assertThat(metrics).contains("uri=\"/webhooks/esign/{secret}\"").doesNotContain(RecordingSubscriber.PATH_SECRET)
                .doesNotContain("wrong-secret");
        assertThat(counter("esign_webhooks_rejected_total{reason=\"path_secret\"}")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aSubscriberThatFailsThreeTimesGetsTheEventOnceWithBackoff() {
        String session = UUID.randomUUID().toString();
        stubSession(session, 2, 4, null);
        subscribers.script("crm", Answer.of(500), new Answer(503, "1", 0), Answer.of(302));
        receive(RecordingSubscriber.PATH_SECRET, webhook(session, SIGNER, "SignerStatus", 4)).statusCode(200);

        List<Delivery> attempts = awaitDeliveries("crm", session, 4);
        awaitIdle();
        assertThat(subscribers.about("crm", session)).hasSize(4);
        assertThat(attempts).extracting(Delivery::answered).containsExactly(500, 503, 302, 204);
        assertThat(attempts).extracting(delivery -> delivery.header("webhook-id")).containsOnly(attempts.get(0).header("webhook-id"));
        assertThat(attempts).allMatch(delivery -> delivery.verifiesWith(RecordingSubscriber.CRM_SECRET));
        long initial = RecordingSubscriber.INITIAL_DELAY_MS;
        // backoff 200 ms, then the subscriber's Retry-After of 1 s (longer than the 400 ms backoff), then 800 ms; jitter takes off at most 20 %
        assertThat(gapMillis(attempts, 1)).isGreaterThanOrEqualTo((long) (initial * 0.8));
        assertThat(gapMillis(attempts, 2)).isGreaterThanOrEqualTo(1000);
        assertThat(gapMillis(attempts, 3)).isGreaterThanOrEqualTo((long) (4 * initial * 0.8));
        assertThat(metrics()).contains("esign_webhooks_retried_total{queue=\"crm\"}");
    }

    @Test
    void aSubscriberThatAlwaysFailsGetsADeadLetterThatCanBeReplayed() {
        String session = UUID.randomUUID().toString();
        stubSession(session, 2, 4, null);
        subscribers.script("crm", Answer.of(500), Answer.of(500), Answer.of(500), Answer.of(500));
        String eventId = receive(RecordingSubscriber.PATH_SECRET, webhook(session, SIGNER, "SignerStatus", 4)).statusCode(200)
                .extract().path("eventId");

        awaitDeliveries("crm", session, RecordingSubscriber.MAX_ATTEMPTS);
        await().atMost(PATIENCE).untilAsserted(() -> admin().queryParam("queue", "crm").get("/admin/webhooks/dead-letters")
                .then().statusCode(200).body("deadLetters.eventId", hasItem(eventId)));
        JsonNode letter = deadLetter(eventId);
        assertThat(letter.path("attempts").asInt()).isEqualTo(RecordingSubscriber.MAX_ATTEMPTS);
        assertThat(letter.path("reason").asText()).isEqualTo("attempts");
        assertThat(letter.path("lastError").asText()).isEqualTo("HTTP 500");
        assertThat(letter.path("eventType").asText()).isEqualTo("signer.status-changed");
        assertThat(subscribers.about("crm", session)).hasSize(RecordingSubscriber.MAX_ATTEMPTS);
        assertThat(metrics()).contains("esign_webhooks_dead_lettered_total{queue=\"crm\",reason=\"attempts\"}");

        given().post("/admin/webhooks/dead-letters/" + letter.path("id").asText() + "/replay").then().statusCode(401);
        given().header("X-Admin-Key", "not-the-key").post("/admin/webhooks/dead-letters/" + letter.path("id").asText() + "/replay")
                .then().statusCode(401).contentType("application/problem+json");
        admin().post("/admin/webhooks/dead-letters/" + letter.path("id").asText() + "/replay").then().statusCode(200)
                .body("eventId", equalTo(eventId)).body("replayed", equalTo(true));
        admin().post("/admin/webhooks/dead-letters/" + letter.path("id").asText() + "/replay").then().statusCode(404);

        List<Delivery> all = awaitDeliveries("crm", session, RecordingSubscriber.MAX_ATTEMPTS + 1);
        Delivery replayed = all.get(RecordingSubscriber.MAX_ATTEMPTS);
        assertThat(replayed.answered()).isEqualTo(204);
        assertThat(replayed.header("webhook-id")).isEqualTo(eventId);
        assertThat(replayed.body()).isEqualTo(all.get(0).body());
        admin().get("/admin/webhooks/dead-letters").then().statusCode(200)
                .body("deadLetters.eventId", org.hamcrest.Matchers.not(hasItem(eventId)));
    }

    @Test
    void aVendorThatCannotBeAskedKeepsTheEventQueuedAndNeverDeliversItUnverified() {
        String session = UUID.randomUUID().toString();
        String path = "/rest/v1/sessions/" + session;
        vendor.stubFor(get(urlPathEqualTo(path)).inScenario(session).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("down once"));
        vendor.stubFor(get(urlPathEqualTo(path)).inScenario(session).whenScenarioStateIs("down once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("down twice"));
        vendor.stubFor(get(urlPathEqualTo(path)).inScenario(session).whenScenarioStateIs("down twice")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        vendor.stubFor(get(urlPathEqualTo(path)).inScenario(session).whenScenarioStateIs("up")
                .willReturn(sessionAnswer(session, 3, 4, null)));

        receive(RecordingSubscriber.PATH_SECRET, webhook(session, NO_GUID, "SessionStatus", 3)).statusCode(200);

        List<Delivery> delivered = awaitDeliveries("crm", session, 1);
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathEqualTo(path)))).isEqualTo(4);
        assertThat(delivered.get(0).json().path("data").path("session").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(metrics()).contains("esign_webhooks_retried_total{queue=\"verification\"}");
    }

    @Test
    void goneDisablesTheSubscriberAndItsEventsWaitUntilItIsEnabled() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        stubSession(first, 2, 4, null);
        stubSession(second, 2, 4, null);
        subscribers.script("crm", Answer.of(410));
        receive(RecordingSubscriber.PATH_SECRET, webhook(first, SIGNER, "SignerStatus", 4)).statusCode(200);
        awaitDeliveries("crm", first, 1);
        await().atMost(PATIENCE).untilAsserted(() -> admin().get("/admin/webhooks/subscribers").then().statusCode(200)
                .body("subscribers.find { it.name == 'crm' }.state", equalTo("disabled")));
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'webhooks' }.data.'subscriber.crm.state'", equalTo("disabled"));

        receive(RecordingSubscriber.PATH_SECRET, webhook(second, SIGNER, "SignerStatus", 4)).statusCode(200);
        await().atMost(PATIENCE).until(() -> VendorStubs.count(vendor, getRequestedFor(urlPathEqualTo("/rest/v1/sessions/" + second))) == 1);
        awaitIdleVerification();
        assertThat(subscribers.about("crm", second)).isEmpty();
        assertThat(subscribers.about("crm", first)).hasSize(1);

        admin().post("/admin/webhooks/subscribers/crm/enable").then().statusCode(200).body("state", equalTo("enabled"));
        assertThat(awaitDeliveries("crm", first, 2).get(1).answered()).isEqualTo(204);
        assertThat(awaitDeliveries("crm", second, 1).get(0).answered()).isEqualTo(204);
    }

    @Test
    void whatIsNoVendorWebhookIsRefusedAndUnknownStatusesAreKept() {
        String session = UUID.randomUUID().toString();
        receive(RecordingSubscriber.PATH_SECRET, "{\"Data\":").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("$"));
        receive(RecordingSubscriber.PATH_SECRET, "{\"Data\":{\"SigningSessionId\":\"not-a-guid\",\"SignerId\":\"" + NO_GUID
                + "\",\"Type\":\"SignerStatus\",\"Status\":\"four\"}}").statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("Data.SigningSessionId", "Data.SignerId", "Data.Status"));
        given().contentType(ContentType.JSON).body("{\"Data\":{\"Title\":\"" + "x".repeat(17_000) + "\"}}")
                .post(RECEIVER + RecordingSubscriber.PATH_SECRET).then().statusCode(413).contentType("application/problem+json");

        // a status code the gateway does not know is kept, and named UNKNOWN with the vendor's code beside it
        stubSession(session, 42, 4, null);
        receive(RecordingSubscriber.PATH_SECRET, "{\"Data\":{\"signingSessionId\":\"" + session.toUpperCase() + "\",\"type\":\"SessionStatus\","
                + "\"status\":42,\"Extra\":{\"new\":\"field\"}}}").statusCode(200);
        JsonNode event = awaitDeliveries("crm", session, 1).get(0).json();
        assertThat(event.path("type").asText()).isEqualTo("signing-session.status-changed");
        assertThat(event.path("data").path("session").path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(event.path("data").path("session").path("statusCode").asInt()).isEqualTo(42);

        // a session the vendor does not have gives no event
        String unknown = UUID.randomUUID().toString();
        vendor.stubFor(get(urlPathEqualTo("/rest/v1/sessions/" + unknown)).willReturn(VendorStubs.error("Error: Session not found.")));
        receive(RecordingSubscriber.PATH_SECRET, webhook(unknown, NO_GUID, "SessionStatus", 3)).statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(metrics()).contains("esign_webhooks_rejected_total{reason=\"unknown_session\"}"));
        awaitIdle();
        assertThat(subscribers.about("crm", unknown)).isEmpty();
    }

    static String webhook(String session, String signer, String type, int status) {
        return "{\"Data\":{\"SigningSessionId\":\"" + session + "\",\"NewSigningSessionId\":\"" + NO_GUID + "\",\"SignerId\":\""
                + signer + "\",\"Type\":\"" + type + "\",\"Status\":" + status
                + ",\"Title\":\"Purchase agreement - 12 Elm Street\",\"DeclinedReason\":null}}";
    }

    static ValidatableResponse receive(String secret, String body) {
        return given().contentType(ContentType.JSON).body(body).post(RECEIVER + secret).then();
    }

    static io.restassured.specification.RequestSpecification admin() {
        return given().header("X-Admin-Key", RecordingSubscriber.ADMIN_KEY);
    }

    void stubSession(String session, int sessionStatus, int buyerStatus, String declined) {
        vendor.stubFor(get(urlPathEqualTo("/rest/v1/sessions/" + session)).willReturn(sessionAnswer(session, sessionStatus, buyerStatus, declined)));
    }

    void stubSessionOf(String session, String owner) {
        vendor.stubFor(get(urlPathEqualTo("/rest/v1/sessions/" + session)).willReturn(VendorStubs.sessionDetails(session, owner)));
    }

    /**
     * Subscribers tied to a client ({@code esign.webhooks.subscribers.<name>.client}) receive the events of the
     * sessions that client may see, and never another client's; a subscriber tied to none receives them all.
     */
    @Test
    void aSubscriberTiedToAClientGetsOnlyThatClientsEvents() {
        List<String> sales = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<String> hr = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String neither = UUID.randomUUID().toString();
        sales.forEach(session -> stubSessionOf(session, "Agent@Sales.example"));
        hr.forEach(session -> stubSessionOf(session, "clerk@hr.example"));
        stubSessionOf(neither, "agent@example.com");
        for (String session : List.of(sales.get(0), hr.get(0), neither, hr.get(1), sales.get(1))) {
            receive(RecordingSubscriber.PATH_SECRET, webhook(session, NO_GUID, "SessionStatus", 2)).statusCode(200);
        }
        sales.forEach(session -> awaitDeliveries("sales-events", session, 1));
        hr.forEach(session -> awaitDeliveries("hr-events", session, 1));
        for (String session : List.of(sales.get(0), sales.get(1), hr.get(0), hr.get(1), neither)) {
            awaitDeliveries("crm", session, 1);
        }
        awaitIdle();
        for (String session : sales) {
            assertThat(subscribers.about("hr-events", session)).as("hr-events about a sales session").isEmpty();
            assertThat(subscribers.about("sales-events", session)).hasSize(1);
        }
        for (String session : hr) {
            assertThat(subscribers.about("sales-events", session)).as("sales-events about an hr session").isEmpty();
            assertThat(subscribers.about("hr-events", session)).hasSize(1);
        }
        assertThat(subscribers.about("sales-events", neither)).isEmpty();
        assertThat(subscribers.about("hr-events", neither)).isEmpty();
    }

    /** GetSession's answer as the vendor shapes it (the seller done, the buyer {@value #SIGNER} in the given status). */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sessionAnswer(String session, int sessionStatus,
            int buyerStatus, String declined) {
        return VendorStubs.json("{\"SigningSessionId\":\"" + session + "\",\"Sessions\":[{\"SigningSessionId\":\"" + session + "\","
                + "\"UserName\":\"agent@example.com\",\"SessionInfo\":{\"Title\":\"Purchase agreement - 12 Elm Street\","
                + "\"TransactionId\":\"TX-2026-0042\",\"StatusCode\":" + sessionStatus + "},"
                + "\"Documents\":[{\"FileName\":\"purchase-agreement.pdf\"}],"
                + "\"Signers\":[{\"SignerId\":\"11111111-2222-3333-4444-555555555555\",\"EmailAddress\":\"seller@example.com\","
                + "\"FirstName\":\"Sam\",\"LastName\":\"Seller\",\"SignerRole\":\"Seller 1\",\"StatusCode\":4},"
                + "{\"SignerId\":\"" + SIGNER + "\",\"EmailAddress\":\"buyer@example.com\",\"FirstName\":\"Bea\","
                + "\"LastName\":\"Buyer\",\"SignerRole\":\"Buyer 1\",\"StatusCode\":" + buyerStatus
                + (declined == null ? "" : ",\"DeclinedReason\":\"" + declined + "\"") + "}]}]}");
    }

    List<Delivery> awaitDeliveries(String subscriber, String session, int count) {
        await().atMost(PATIENCE).until(() -> subscribers.about(subscriber, session).size() >= count);
        return subscribers.about(subscriber, session);
    }

    /** Nothing waits or is being worked on: no further delivery can come. */
    static void awaitIdle() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode data = webhookHealth();
            return data.path("verification.waiting").asInt(-1) == 0 && data.path("subscriber.crm.waiting").asInt(-1) == 0
                    && data.path("subscriber.archive.waiting").asInt(-1) == 0;
        });
    }

    static void awaitIdleVerification() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> webhookHealth().path("verification.waiting").asInt(-1) == 0);
    }

    /** The data of the {@code webhooks} wellness check. */
    static JsonNode webhookHealth() throws java.io.IOException {
        for (JsonNode check : new com.fasterxml.jackson.databind.ObjectMapper().readTree(given().get("/q/health/well").asString())
                .path("checks")) {
            if (check.path("name").asText().equals("webhooks")) {
                return check.path("data");
            }
        }
        throw new AssertionError("no webhooks health check");
    }

    JsonNode deadLetter(String eventId) {
        JsonNode letters = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                admin().get("/admin/webhooks/dead-letters").then().statusCode(200).extract().jsonPath().getList("deadLetters"));
        for (JsonNode letter : letters) {
            if (letter.path("eventId").asText().equals(eventId)) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter for " + eventId);
    }

    static long gapMillis(List<Delivery> attempts, int index) {
        return Duration.ofNanos(attempts.get(index).nanos() - attempts.get(index - 1).nanos()).toMillis();
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    static double counter(String series) {
        for (String line : metrics().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return 0;
    }
}
