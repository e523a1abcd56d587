package com.esigngateway.session;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class OutcomeUnknownIT extends OutcomeUnknownTest {
}
