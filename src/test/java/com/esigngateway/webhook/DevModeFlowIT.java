package com.esigngateway.webhook;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The dev-mode flow (simulator, receiver, subscribers) against the packaged application. */
@QuarkusIntegrationTest
class DevModeFlowIT extends DevModeFlowTest {
}
