package com.esigngateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The main path against the packaged application (and the native binary where one is built). */
@QuarkusIntegrationTest
class SigningSessionResourceIT extends SigningSessionResourceTest {
}
