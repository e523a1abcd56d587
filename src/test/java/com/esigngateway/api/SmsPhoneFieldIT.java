package com.esigngateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SmsPhoneFieldIT extends SmsPhoneFieldTest {
}
