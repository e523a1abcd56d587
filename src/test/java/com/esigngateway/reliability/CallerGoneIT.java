package com.esigngateway.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class CallerGoneIT extends CallerGoneTest {
}
