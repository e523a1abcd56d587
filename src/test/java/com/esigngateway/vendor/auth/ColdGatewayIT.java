package com.esigngateway.vendor.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ColdGatewayIT extends ColdGatewayTest {
}
