package com.esigngateway.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The validation seams, against the packaged application (the jar, or the native executable). */
@QuarkusIntegrationTest
class ValidationSeamsIT extends ValidationSeamsTest {
}
