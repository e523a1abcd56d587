package com.esigngateway.reliability;


import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The binding fuzz against the packaged application, with the upstream rate limit out of the way as in tests. */
@QuarkusIntegrationTest
@TestProfile(ReliabilityProfile.class)
class RequestBindingFuzzIT extends RequestBindingFuzzTest {

}
