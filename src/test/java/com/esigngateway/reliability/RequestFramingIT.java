package com.esigngateway.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Framing RFC 9112 forbids, against the packaged application (the jar, or the native executable). */
@QuarkusIntegrationTest
class RequestFramingIT extends RequestFramingTest {
}
