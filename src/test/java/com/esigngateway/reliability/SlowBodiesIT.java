package com.esigngateway.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Slow callers against the packaged application (the jar, or the native executable). */
@QuarkusIntegrationTest
class SlowBodiesIT extends SlowBodiesTest {
}
