package com.esigngateway.state.redis;

import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.esigngateway.config.StateConfig;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * With {@code esign.state.store=redis}, asks Redis for its {@code maxmemory-policy} at start-up and refuses to start
 * unless it is {@code noeviction}: an evicting Redis would silently drop idempotency records, and with them the
 * promise of no duplicate sessions. A Redis that cannot be reached at start-up is an outage, not a wrong setting: the
 * gateway starts degraded (docs/many-replicas.md, When Redis is down) and checks the policy before it first uses Redis.
 * In memory mode it does nothing.
 */
@ApplicationScoped
class RedisStartupCheck {

    private static final Logger LOG = Logger.getLogger(RedisStartupCheck.class);
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    void check(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) StartupEvent event, StateConfig config,
            Instance<RedisState> redis, @ConfigProperty(name = "quarkus.redis.hosts") Optional<String> hosts) {
        if (config.store() != StateConfig.Store.REDIS || hosts.filter(value -> !value.isBlank()).isEmpty()) {
            return;
        }
        RedisState state = redis.get();
        String policy;
        try {
            policy = state.evictionPolicy().await().atMost(PATIENCE.compareTo(state.timeout()) > 0 ? PATIENCE
                    : state.timeout().multipliedBy(2));
        } catch (RuntimeException unreachable) {
            LOG.warnf("Redis cannot be reached at start-up (%s); starting without it: the upstream rate limit and the"
                    + " vendor token are per instance and requests with an Idempotency-Key are refused until it"
                    + " answers", unreachable.getClass().getSimpleName());
            return;
        }
        String refusal = state.checkPolicy(policy);
        if (refusal != null) {
            throw new ConfigurationException("eSign Gateway cannot start: " + refusal + ".");
        }
        LOG.infof("State is shared in Redis (maxmemory-policy %s)", policy);
    }
}
