package com.esigngateway.webhook;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The vendor's webhooks through the packaged application with its events in Redis (jar, or native with -Dnative). */
@QuarkusIntegrationTest
@TestProfile(WebhookRelayRedisTest.OnRedis.class)
class WebhookRelayRedisIT extends WebhookRelayTest {
}
