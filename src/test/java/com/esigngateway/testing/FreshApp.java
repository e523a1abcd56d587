package com.esigngateway.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Nothing to start and no setting: declared with {@code scope = TestResourceScope.RESTRICTED_TO_CLASS}, it gives the
 * annotated class an application started for it alone, with the settings of its profile, where sharing one would
 * change what the class measures: the {@code *IT}s whose test needs a cold gateway (in-process,
 * {@link ColdGateway#reset()} makes the shared one cold instead; a packaged application cannot be reset from outside),
 * {@code vendor/UpstreamBurstTest} (bursts on a freshly started JVM), {@code observability/TracingTest} (no span of
 * another test's leftover work).
 *
 * <pre>
 * &#64;WithTestResource(value = FreshApp.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
 * </pre>
 */
public class FreshApp implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
