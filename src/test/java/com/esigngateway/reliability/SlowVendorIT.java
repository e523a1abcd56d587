package com.esigngateway.reliability;

import com.esigngateway.testing.FreshApp;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SlowVendorTest} against the packaged application, started for this class alone: it needs a cold gateway. */
@QuarkusIntegrationTest
@WithTestResource(value = FreshApp.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SlowVendorIT extends SlowVendorTest {
}
