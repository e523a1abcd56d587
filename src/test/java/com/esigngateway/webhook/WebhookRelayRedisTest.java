package com.esigngateway.webhook;

import java.util.List;

import com.esigngateway.testing.RedisResource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Every case of {@link WebhookRelayTest} with the events kept in Redis streams ({@code esign.state.store=redis}). */
@QuarkusTest
@TestProfile(WebhookRelayRedisTest.OnRedis.class)
class WebhookRelayRedisTest extends WebhookRelayTest {

    public static class OnRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisResource.class));
        }
    }
}
