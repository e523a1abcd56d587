package com.esigngateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SignerUploadsIT extends SignerUploadsTest {
}
