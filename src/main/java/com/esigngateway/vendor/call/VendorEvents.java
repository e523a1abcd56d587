package com.esigngateway.vendor.call;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.esigngateway.observability.GatewayMetrics;

import io.smallrye.faulttolerance.api.CircuitBreakerState;

/** What happens around the vendor that operators want to see: token acquisitions and breaker changes. */
@ApplicationScoped
public class VendorEvents {

    private static final Logger LOG = Logger.getLogger(VendorEvents.class);

    /** The last state each breaker reported, so that a change is logged once. */
    private final Map<String, CircuitBreakerState> breakers = new ConcurrentHashMap<>();
    private final GatewayMetrics metrics;

    public VendorEvents(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    /** @param reason why: {@code cold}, {@code expiry} or {@code rejected} */
    public void tokenAcquisition(String reason) {
        LOG.debugf("Fetching a vendor token (%s)", reason);
        metrics.tokenAcquisition(reason);
    }

    /** Logged once per change: WARN when a breaker opens, INFO when it closes again. */
    public void breakerChanged(String breaker, CircuitBreakerState state) {
        CircuitBreakerState previous = breakers.put(breaker, state);
        if (previous == state) {
            return;
        }
        switch (state) {
            case OPEN -> LOG.warnf("Circuit breaker %s opened: calls to the vendor are paused", breaker);
            case HALF_OPEN -> LOG.infof("Circuit breaker %s is half-open: probing the vendor", breaker);
            case CLOSED -> LOG.infof("Circuit breaker %s closed: the vendor answers again", breaker);
        }
    }
}
