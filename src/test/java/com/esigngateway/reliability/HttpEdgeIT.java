package com.esigngateway.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The HTTP edge of the packaged application (the jar, or the native executable). */
@QuarkusIntegrationTest
class HttpEdgeIT extends HttpEdgeTest {
}
