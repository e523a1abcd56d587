package com.esigngateway.vendor;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ClientRateLimitShareIT extends ClientRateLimitShareTest {
}
