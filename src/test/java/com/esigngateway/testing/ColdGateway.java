package com.esigngateway.testing;

import jakarta.enterprise.context.ApplicationScoped;

import com.esigngateway.vendor.auth.EncryptedApiKey;
import com.esigngateway.vendor.auth.VendorTokenProvider;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.cache.CacheManager;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Makes the running gateway cold again, as a fresh start leaves it, so that test classes which need a cold gateway can
 * share one start: no vendor token held (the token holder is made anew, so the next acquisition is a cold one), neither
 * the encrypted API key nor a landing URL cached, every circuit breaker closed.
 * <p>
 * A token fetch still running from an earlier test is not stopped (it goes on in the old holder and may still call the
 * vendor and fill the key cache): a test that leaves one running lets it end ({@code SlowTokenServiceTest}).
 * <p>
 * In-process only (a {@code @QuarkusTest}). Against the packaged application (an {@code *IT} extending the test) it
 * does nothing: such an IT declares {@link FreshApp} to get an application of its own.
 */
public final class ColdGateway {

    /** The cache of landing URLs (application.properties: quarkus.cache.caffeine."vendor-landing-url"). */
    private static final String LANDING_URLS = "vendor-landing-url";

    private ColdGateway() {
    }

    public static void reset() {
        ArcContainer container = Arc.container();
        if (container == null) {
            return; // the packaged application, started for this class alone (FreshApp)
        }
        container.getActiveContext(ApplicationScoped.class)
                .destroy(container.instance(VendorTokenProvider.class).getBean());
        container.instance(EncryptedApiKey.class).get().forget().await().indefinitely();
        container.instance(CacheManager.class).get().getCache(LANDING_URLS)
                .ifPresent(cache -> cache.invalidateAll().await().indefinitely());
        CircuitBreakerMaintenance.get().resetAll();
    }
}
