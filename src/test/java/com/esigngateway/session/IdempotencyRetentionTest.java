package com.esigngateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.esigngateway.reliability.ReliabilityProfile;
import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.MutableClock;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * An idempotency record lives its whole retention: when the store is full, new keys are refused with a 503 and a
 * Retry-After, the keys it holds still replay, and space comes back only when records expire (time moved by a clock
 * the test controls). A store this small holds a handful of the contract's example.
 */
@QuarkusTest
@TestProfile(ReliabilityProfile.class)
@WithTestResource(VendorWireMock.class)
class IdempotencyRetentionTest extends HealthyVendorTest {

    @Test
    void aFullStoreRefusesNewKeysAndDropsNoRecordBeforeItsRetention() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
        QuarkusMock.installMockForType(clock, Clock.class);

        List<String> kept = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 50 && refused == null; i++) {
            String key = UUID.randomUUID().toString();
            Response answer = create(key);
            if (answer.statusCode() == 201) {
                kept.add(key);
            } else {
                refused = answer;
            }
        }
        assertThat(kept).as("records that fit").hasSizeBetween(2, 20);
        assertThat(refused).as("a new key once the store is full").isNotNull();
        refused.then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:idempotency-store-full"))
                .header("Retry-After", String.valueOf(Duration.ofHours(24).toSeconds()));
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(kept.size());

        // Every kept key, the very first included, still replays: nothing made room for the refused one.
        clock.advance(Duration.ofHours(23));
        for (String key : kept) {
            create(key).then().statusCode(201).header("Idempotent-Replayed", "true");
        }
        create(UUID.randomUUID().toString()).then().statusCode(503)
                .header("Retry-After", String.valueOf(Duration.ofHours(1).toSeconds()));
        // Requests without a key need no record and go through.
        Requests.example().post(Requests.PATH).then().statusCode(201);
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(kept.size() + 1);

        // Once the retention has passed, the records go and new keys fit again.
        clock.advance(Duration.ofHours(1));
        create(UUID.randomUUID().toString()).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertThat(VendorStubs.sessionCalls(vendor)).isEqualTo(kept.size() + 2);
    }

    private static Response create(String key) {
        return Requests.example().header("Idempotency-Key", key).post(Requests.PATH);
    }
}
