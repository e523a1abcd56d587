package com.esigngateway.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Slow and silent connections against the packaged application (the jar, or the native executable). */
@QuarkusIntegrationTest
class SlowConnectionsIT extends SlowConnectionsTest {
}
