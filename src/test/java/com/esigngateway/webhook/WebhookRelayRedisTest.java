package com.esigngateway.webhook;


import com.esigngateway.testing.RedisResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every case of {@link WebhookRelayTest} with the events kept in Redis streams ({@code esign.state.store=redis}). */
@QuarkusTest
@WithTestResource(RedisResource.class)
class WebhookRelayRedisTest extends WebhookRelayTest {

}
