package com.esigngateway.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Internal services that receive the status events, played by the JDK's HTTP server on a free loopback port: it
 * records every delivery (headers, body, when) and answers what the test scripted per subscriber (204 otherwise).
 * Configures the gateway's receiver secrets, two subscribers ({@code crm}: every event, two signing secrets as in a
 * rotation; {@code archive}: completed sessions only), the admin key and short retry timings.
 */
public class RecordingSubscriber implements QuarkusTestResourceLifecycleManager {

    public static final String PATH_SECRET = "path-secret-for-tests-0123456789abcdef";
    /** The second receiver secret, as during a rotation. */
    public static final String NEXT_PATH_SECRET = "next-path-secret-for-tests-fedcba9876543210";
    public static final String ADMIN_KEY = "test-webhook-admin-key";
    public static final String CRM_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public static final String CRM_OLD_SECRET = "whsec_c2VjcmV0LWJlaW5nLXJvdGF0ZWQtb3V0LTI0Ynl0ZXM=";
    public static final String ARCHIVE_SECRET = "whsec_YXJjaGl2ZS1zZWNyZXQtZm9yLXRoZS10ZXN0cy0zMmJ5dGVz";
    /** Nominal first backoff and the attempts in all, as configured here. */
    public static final long INITIAL_DELAY_MS = 200;
    public static final int MAX_ATTEMPTS = 4;

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectSubscriber {
    }

    /** One request the subscriber received, and what it answered. */
    public record Delivery(String subscriber, Map<String, String> headers, String body, Instant at, long nanos, int answered) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Whether the Standard Webhooks library accepts its signature with {@code secret}, as a consumer checks it. */
        public boolean verifiesWith(String secret) {
            try {
                Map<String, List<String>> headersForLibrary = new HashMap<>();
                headers.forEach((name, value) -> headersForLibrary.put(name, List.of(value)));
                new Webhook(secret).verify(body, headersForLibrary);
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }

    /** A scripted answer: a status and, optionally, a Retry-After header or a delay before answering. */
    public record Answer(int status, String retryAfter, long delayMillis) {
        public static Answer of(int status) {
            return new Answer(status, null, 0);
        }
    }

    private HttpServer server;
    private ExecutorService executor;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<Delivery> arrivals = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/events/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/events/";
        Map<String, String> config = new HashMap<>();
        config.put("esign.webhooks.inbound.secrets", PATH_SECRET + "," + NEXT_PATH_SECRET);
        config.put("esign.webhooks.admin-key", ADMIN_KEY);
        config.put("esign.webhooks.subscribers.crm.url", base + "crm");
        config.put("esign.webhooks.subscribers.crm.secret", CRM_SECRET + "," + CRM_OLD_SECRET);
        config.put("esign.webhooks.subscribers.archive.url", base + "archive");
        config.put("esign.webhooks.subscribers.archive.secret", ARCHIVE_SECRET);
        config.put("esign.webhooks.subscribers.archive.events", "signing-session.completed");
        // two clients, each with a subscriber tied to it: only the events of the sessions of its owners
        config.put("esign.gateway.clients.sales.key-sha256", com.esigngateway.security.ApiKeyIdentityProvider.hashOf("sales-key"));
        config.put("esign.gateway.clients.sales.owners", "*@sales.example");
        config.put("esign.gateway.clients.hr.key-sha256", com.esigngateway.security.ApiKeyIdentityProvider.hashOf("hr-key"));
        config.put("esign.gateway.clients.hr.owners", "*@hr.example");
        config.put("esign.webhooks.subscribers.sales-events.url", base + "sales-events");
        config.put("esign.webhooks.subscribers.sales-events.secret", ARCHIVE_SECRET);
        config.put("esign.webhooks.subscribers.sales-events.client", "sales");
        config.put("esign.webhooks.subscribers.hr-events.url", base + "hr-events");
        config.put("esign.webhooks.subscribers.hr-events.secret", ARCHIVE_SECRET);
        config.put("esign.webhooks.subscribers.hr-events.client", "hr");
        config.put("esign.webhooks.poll-interval", "50ms");
        config.put("esign.webhooks.delivery.initial-delay", INITIAL_DELAY_MS + "ms");
        config.put("esign.webhooks.delivery.max-delay", "2s");
        config.put("esign.webhooks.delivery.max-attempts", String.valueOf(MAX_ATTEMPTS));
        config.put("esign.webhooks.delivery.timeout", "1s");
        config.put("esign.webhooks.verification.initial-delay", "100ms");
        config.put("esign.webhooks.verification.max-delay", "300ms");
        // one GetSession per verification attempt, so that the tests see the verification's own retries
        config.put("esign.vendor.session-calls.retry.max-retries", "0");
        config.put("quarkus.http.host", "127.0.0.1");
        return config;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            long nanos = System.nanoTime();
            String subscriber = exchange.getRequestURI().getPath().substring("/events/".length());
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            arrivals.add(new Delivery(subscriber, headers, body, Instant.now(), nanos, -1));
            Deque<Answer> script = scripts.get(subscriber);
            Answer answer;
            synchronized (this) {
                answer = script == null || script.isEmpty() ? Answer.of(204) : script.poll();
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis()); // plays a slow subscriber; the gateway's time limit is the subject
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            deliveries.add(new Delivery(subscriber, headers, body, Instant.now(), nanos, answer.status()));
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    /** The next answers of {@code subscriber}, in order; 204 once they are used up. */
    public synchronized void script(String subscriber, Answer... answers) {
        scripts.put(subscriber, new ArrayDeque<>(List.of(answers)));
    }

    /** Every request about the session {@code sessionId} that {@code subscriber} received, in order. */
    public List<Delivery> about(String subscriber, String sessionId) {
        return deliveries.stream().filter(delivery -> delivery.subscriber().equals(subscriber))
                .filter(delivery -> delivery.body().contains("\"" + sessionId + "\"")).toList();
    }

    /** Every request about {@code sessionId} that reached {@code subscriber}, answered or not yet (or never). */
    public List<Delivery> arrivedAbout(String subscriber, String sessionId) {
        return arrivals.stream().filter(delivery -> delivery.subscriber().equals(subscriber))
                .filter(delivery -> delivery.body().contains("\"" + sessionId + "\"")).toList();
    }

    public void reset() {
        arrivals.clear();
        deliveries.clear();
        scripts.clear();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(InjectSubscriber.class, RecordingSubscriber.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
