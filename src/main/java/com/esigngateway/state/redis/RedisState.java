package com.esigngateway.state.redis;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.esigngateway.config.CircuitBreakerSettings;
import com.esigngateway.config.StateConfig;
import com.esigngateway.observability.GatewayMetrics;
import com.esigngateway.time.TimerDelays;
import com.esigngateway.vendor.auth.VendorCredentials;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * The gateway's one way to Redis ({@code esign.state.store=redis}), for every feature that keeps state there: each
 * command or script has the client's short time limit ({@code quarkus.redis.timeout}) and passes one circuit breaker
 * ({@code state-redis}), so that a Redis that is down or slow costs a request at most that limit, and nothing once the
 * breaker is open; each feature then falls back as it must ({@link #fellBack}). Keys carry the configured prefix in a
 * hash tag ({@link #key}), secrets and personal data are encrypted ({@link #cipher()}). Redis is used only after its
 * {@code maxmemory-policy} has been seen to be {@code noeviction}: an evicting Redis would silently drop idempotency
 * records.
 * <p>
 * In memory mode nothing here is ever called, so the Redis client is never asked for and never connects.
 */
@ApplicationScoped
public class RedisState {

    private static final Logger LOG = Logger.getLogger(RedisState.class);
    public static final String BREAKER = "state-redis";
    static final String REQUIRED_POLICY = "noeviction";

    private final StateConfig config;
    private final Instance<ReactiveRedisDataSource> dataSources;
    private final Duration timeout;
    private final GatewayMetrics metrics;
    private final VendorCredentials credentials;
    private final Guard breaker;
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile ReactiveRedisDataSource dataSource;
    private volatile StateCipher cipher;
    private volatile boolean policyVerified;
    private volatile String refused;
    private volatile String lastFailure;

    RedisState(StateConfig config, Instance<ReactiveRedisDataSource> dataSources,
            @ConfigProperty(name = "quarkus.redis.timeout") Duration timeout, GatewayMetrics metrics,
            VendorCredentials credentials) {
        this.config = config;
        this.dataSources = dataSources;
        this.timeout = timeout;
        this.metrics = metrics;
        this.credentials = credentials;
        CircuitBreakerSettings settings = config.redis().circuitBreaker();
        this.breaker = Guard.create()
                .withDescription(BREAKER)
                .withCircuitBreaker()
                .name(BREAKER)
                .requestVolumeThreshold(settings.requestVolume())
                .failureRatio(settings.failureRatio())
                .delay(settings.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(settings.successThreshold())
                .onStateChange(this::breakerChanged)
                .done()
                .build();
    }

    public boolean enabled() {
        return config.store() == StateConfig.Store.REDIS;
    }

    /** {@code {prefix}:name}: every key of the gateway, in one Redis Cluster hash slot. */
    public String key(String name) {
        return "{" + config.redis().keyPrefix() + "}:" + name;
    }

    /** How long a call may take before it counts as failed. */
    public Duration timeout() {
        return timeout;
    }

    /** How long the breaker stays open once Redis failed: a fair Retry-After for requests refused meanwhile. */
    public Duration retryAfter() {
        return config.redis().circuitBreaker().delay();
    }

    public StateCipher cipher() {
        StateCipher current = cipher;
        if (current == null) {
            current = config.redis().encryptionKey().filter(key -> !key.isBlank()).map(StateCipher::ofBase64)
                    .orElseGet(() -> StateCipher.derivedFrom(credentials.encryptedApiKey()
                            .or(credentials::apiKey).orElse("esign-gateway")));
            cipher = current;
        }
        return current;
    }

    /** One Redis command, with the time limit and the breaker. */
    public Uni<Response> execute(String command, String... args) {
        return guarded(() -> verified().chain(() -> dataSource().execute(command, args)));
    }

    /** A Lua script by its SHA-1 ({@code EVALSHA}), sent in full only when Redis does not know it (yet, or any more). */
    public Uni<Response> run(Script script, List<String> keys, List<String> args) {
        return guarded(() -> verified().chain(() -> dataSource().execute("EVALSHA", arguments(script.sha1(), keys, args))
                .onFailure(RedisState::noScript)
                .recoverWithUni(() -> dataSource().execute("EVAL", arguments(script.source(), keys, args)))));
    }

    /**
     * {@code feature} worked without Redis (or refused) because of {@code failure}: counted. Logged when the breaker
     * opens, and at DEBUG for each failure, so that a flaky Redis does not flood the log.
     */
    public void fellBack(String feature, Throwable failure) {
        metrics.stateFallback(feature);
        String why = describe(failure);
        lastFailure = why;
        failing.set(true);
        LOG.debugf("Redis failed for %s (%s)", feature, why);
    }

    private void breakerChanged(io.smallrye.faulttolerance.api.CircuitBreakerState state) {
        switch (state) {
            case OPEN -> LOG.warnf("Circuit breaker %s opened after Redis failed (%s): until it answers again the upstream"
                    + " rate limit and the vendor token are per instance, and requests with an Idempotency-Key are refused"
                    + " with 503", BREAKER, lastFailure);
            case HALF_OPEN -> LOG.infof("Circuit breaker %s is half-open: probing Redis", BREAKER);
            case CLOSED -> LOG.infof("Circuit breaker %s closed: Redis answers again, state is shared again", BREAKER);
        }
    }

    /** Why Redis is not used at all (its eviction policy), if so. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refused);
    }

    /** The last failure a feature fell back on, while Redis is failing. */
    public Optional<String> lastFailure() {
        return failing.get() ? Optional.ofNullable(lastFailure) : Optional.empty();
    }

    /** Redis's {@code maxmemory-policy}, from {@code INFO memory} (which managed services allow where CONFIG is off). */
    Uni<String> evictionPolicy() {
        // at start-up, outside the breaker and without the per-call limit: the first connection of a cold process
        // may take longer than a call on an open one
        return dataSource().execute("INFO", "memory").map(RedisState::policyOf);
    }

    private static String policyOf(Response info) {
        for (String line : String.valueOf(info).split("\r?\n")) {
            if (line.startsWith("maxmemory_policy:")) {
                return line.substring("maxmemory_policy:".length()).strip();
            }
        }
        return "unknown";
    }

    /** Records the policy Redis reported; anything but {@code noeviction} makes Redis unusable for the gateway. */
    String checkPolicy(String policy) {
        if (REQUIRED_POLICY.equals(policy.toLowerCase(Locale.ROOT))) {
            policyVerified = true;
            return null;
        }
        refused = "Redis's maxmemory-policy is " + policy + ", but the gateway needs noeviction: an evicting Redis"
                + " would silently drop Idempotency-Key records (set maxmemory-policy noeviction)";
        return refused;
    }

    private Uni<Void> verified() {
        if (policyVerified) {
            return Uni.createFrom().voidItem();
        }
        if (refused != null) {
            return Uni.createFrom().failure(new IllegalStateException(refused));
        }
        return dataSource().execute("INFO", "memory").map(info -> {
            String refusal = checkPolicy(policyOf(info));
            if (refusal != null) {
                LOG.error(refusal + "; Redis is not used until the gateway restarts");
                throw new IllegalStateException(refusal);
            }
            return null;
        });
    }

    private Uni<Response> guarded(java.util.function.Supplier<Uni<Response>> call) {
        @SuppressWarnings("unchecked")
        Uni<Response> guarded = breaker.get(() -> Uni.createFrom().<Response> deferred(call::get)
                .ifNoItem().after(TimerDelays.of(timeout)).failWith(() -> new RedisTimeout(timeout)), Uni.class);
        return guarded.invoke(() -> failing.set(false));
    }

    private ReactiveRedisDataSource dataSource() {
        ReactiveRedisDataSource current = dataSource;
        if (current == null) {
            current = dataSources.get();
            dataSource = current;
        }
        return current;
    }

    private static String[] arguments(String first, List<String> keys, List<String> args) {
        List<String> all = new ArrayList<>(2 + keys.size() + args.size());
        all.add(first);
        all.add(String.valueOf(keys.size()));
        all.addAll(keys);
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    private static boolean noScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + (message.length() > 200
                ? message.substring(0, 200) + "…" : message);
    }

    /** Redis did not answer within {@code quarkus.redis.timeout}. */
    static final class RedisTimeout extends RuntimeException {
        RedisTimeout(Duration timeout) {
            super("Redis did not answer within " + timeout.toMillis() + " ms", null, false, false);
        }
    }
}
