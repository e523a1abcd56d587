package com.esigngateway.vendor;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class UpstreamBurstIT extends UpstreamBurstTest {
}
