package com.esigngateway.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SlowVendorIT extends SlowVendorTest {
}
