package com.esigngateway.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.RecordingSubscriber;
import com.esigngateway.testing.RecordingSubscriber.Answer;
import com.esigngateway.testing.RecordingSubscriber.Delivery;
import com.esigngateway.testing.RedisServer;
import com.esigngateway.testing.Replicas;
import com.esigngateway.testing.Replicas.Gateway;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Two packaged gateways on one Redis: the replica that is delivering an event is killed (SIGKILL) while the
 * subscriber holds the request; the other one takes the event over after {@code esign.webhooks.queue.claim-after}
 * and delivers it, once — the subscriber answers one request, and no further one comes.
 */
class ReplicaTakeoverIT {

    static final Duration CLAIM_AFTER = Duration.ofSeconds(3);

    @Test
    void anEventInFlightOnAKilledReplicaIsDeliveredByTheOtherOnce() throws Exception {
        RecordingSubscriber subscribers = new RecordingSubscriber();
        try (RedisServer redis = RedisServer.started()) {
            Map<String, String> settings = new HashMap<>();
            subscribers.start().forEach((key, value) -> settings.put(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
            settings.put("ESIGN_WEBHOOKS_QUEUE_CLAIM_AFTER", CLAIM_AFTER.toMillis() + "ms");
            // the first attempt must still be in flight when its replica is killed
            settings.put("ESIGN_WEBHOOKS_DELIVERY_TIMEOUT", "60s");
            subscribers.script("crm", new Answer(204, null, 120_000));
            try (Replicas replicas = Replicas.start(2, redis, settings)) {
                String session = UUID.randomUUID().toString();
                replicas.vendorStub().stubFor(get(urlPathEqualTo("/rest/v1/sessions/" + session))
                        .willReturn(WebhookRelayTest.sessionAnswer(session, 3, 4, null)));

                String eventId = RestAssured.given().baseUri("http://127.0.0.1").port(replicas.get(0).port())
                        .contentType(ContentType.JSON)
                        .body(WebhookRelayTest.webhook(session, WebhookRelayTest.NO_GUID, "SessionStatus", 3))
                        .post(WebhookRelayTest.RECEIVER + RecordingSubscriber.PATH_SECRET)
                        .then().statusCode(200).extract().path("eventId");

                await().atMost(Duration.ofSeconds(30)).until(() -> subscribers.arrivedAbout("crm", session).size() == 1);
                // The archive answers at once: its delivery must be over (acknowledged) before a replica is killed. A
                // replica killed between the archive's answer and its acknowledgement has it delivered again by the
                // other, which is at-least-once delivery working, not what this test is about.
                await().atMost(Duration.ofSeconds(30)).until(() -> subscribers.arrivedAbout("archive", session).size() == 1
                        && redis.command("XPENDING", "{esign-gateway}:webhooks:events:archive", "archive")
                                .split("\n")[0].equals("0"));
                // the holder of the delivery, from the consumer group's pending entries: host/pid/random
                String pending = redis.command("XPENDING", "{esign-gateway}:webhooks:events:crm", "crm", "-", "+", "10");
                String consumer = pending.split("\n")[1];
                long pid = Long.parseLong(consumer.split("/")[1]);
                Gateway holder = replicas.all().stream().filter(gateway -> gateway.app().process().pid() == pid)
                        .findFirst().orElseThrow(() -> new AssertionError("no replica holds the delivery: " + pending));
                Gateway survivor = replicas.all().stream().filter(gateway -> gateway != holder).findFirst().orElseThrow();
                holder.app().process().destroyForcibly().waitFor();

                await().atMost(CLAIM_AFTER.plusSeconds(20))
                        .until(() -> subscribers.about("crm", session).stream().anyMatch(delivery -> delivery.answered() == 204));
                List<Delivery> delivered = subscribers.about("crm", session);
                assertThat(delivered).hasSize(1);
                assertThat(delivered.get(0).header("webhook-id")).isEqualTo(eventId);
                assertThat(delivered.get(0).verifiesWith(RecordingSubscriber.CRM_SECRET)).isTrue();
                assertThat(delivered.get(0).json().path("data").path("session").path("status").asText()).isEqualTo("COMPLETED");

                // nothing further comes: the survivor's report ended the event, and the dead replica's attempt is gone
                await().during(CLAIM_AFTER.multipliedBy(2)).atMost(CLAIM_AFTER.multipliedBy(3))
                        .until(() -> subscribers.arrivedAbout("crm", session).size() == 2);
                assertThat(subscribers.arrivedAbout("archive", session)).hasSize(1);
                await().atMost(Duration.ofSeconds(10)).until(() -> waiting(survivor, "subscriber.crm.waiting") == 0);
            }
        } finally {
            subscribers.stop();
        }
    }

    /** A figure of the survivor's {@code webhooks} wellness check. */
    static int waiting(Gateway gateway, String name) throws Exception {
        var checks = new com.fasterxml.jackson.databind.ObjectMapper().readTree(RestAssured.given().baseUri("http://127.0.0.1")
                .port(gateway.port()).get("/q/health/well").asString()).path("checks");
        for (var check : checks) {
            if (check.path("name").asText().equals("webhooks")) {
                return check.path("data").path(name).asInt(-1);
            }
        }
        return -1;
    }
}
