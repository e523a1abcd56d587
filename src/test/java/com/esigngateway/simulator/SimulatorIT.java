package com.esigngateway.simulator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged application with its simulator enabled, as the browser check and demos run it. */
@QuarkusIntegrationTest
class SimulatorIT extends SimulatorTest {
}
