package com.esigngateway.webhook;

import jakarta.enterprise.inject.Typed;

import com.esigngateway.testing.RedisResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every case of {@link WebhookRelayTest} with the events kept in Redis streams ({@code esign.state.store=redis}). */
@QuarkusTest
@WithTestResource(RedisResource.class)
// On the same (default) profile, both test classes are beans of the in-process application: this one is of its own
// type only, so that looking up WebhookRelayTest finds one bean.
@Typed(WebhookRelayRedisTest.class)
class WebhookRelayRedisTest extends WebhookRelayTest {
}
