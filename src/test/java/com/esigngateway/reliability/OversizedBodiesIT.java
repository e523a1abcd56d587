package com.esigngateway.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Oversized and broken bodies against the packaged application (the jar, or the native executable). */
@QuarkusIntegrationTest
class OversizedBodiesIT extends OversizedBodiesTest {
}
