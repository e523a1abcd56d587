package com.esigngateway.webhook;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The vendor's webhooks through the packaged application (jar, or the native executable with -Dnative). */
@QuarkusIntegrationTest
class WebhookRelayIT extends WebhookRelayTest {
}
