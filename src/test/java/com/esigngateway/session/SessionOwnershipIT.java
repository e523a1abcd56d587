package com.esigngateway.session;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SessionOwnershipIT extends SessionOwnershipTest {
}
