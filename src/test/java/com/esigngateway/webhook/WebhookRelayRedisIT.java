package com.esigngateway.webhook;

import com.esigngateway.testing.RedisResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The vendor's webhooks through the packaged application with its events in Redis (jar, or native with -Dnative). */
@QuarkusIntegrationTest
@WithTestResource(RedisResource.class)
class WebhookRelayRedisIT extends WebhookRelayTest {
}
