package com.esigngateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged application (and the native executable) serves the contract file unchanged. */
@QuarkusIntegrationTest
class OpenApiContractIT extends OpenApiContractTest {
}
