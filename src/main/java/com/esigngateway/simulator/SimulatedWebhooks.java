package com.esigngateway.simulator;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import com.esigngateway.config.SimulatorConfig;
import com.esigngateway.config.WebhookConfig;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.LaunchMode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The vendor's webhooks, as the vendor documents them: a JSON POST of {@code {"Data": {SigningSessionId,
 * NewSigningSessionId, SignerId, Type, Status, Title, DeclinedReason}}}, unsigned, once (the vendor documents no
 * retries). GUIDs that do not apply are sent as .NET writes an empty {@code Guid}, all zeros. The target's URL holds
 * the receiver's secret, so it is never logged.
 */
@ApplicationScoped
public class SimulatedWebhooks {

    static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";
    private static final Logger LOG = Logger.getLogger(SimulatedWebhooks.class);

    private final SimulatorConfig config;
    private final Optional<List<String>> inboundSecrets;
    private final Vertx vertx;
    private volatile HttpClient client;

    SimulatedWebhooks(SimulatorConfig config, WebhookConfig webhooks, Vertx vertx) {
        this.config = config;
        this.inboundSecrets = webhooks.inbound().secrets();
        this.vertx = vertx;
    }

    void sessionStatus(SimulatedSession session, int status) {
        send(body(session, EMPTY_GUID, "SessionStatus", status, null));
    }

    void signerStatus(SimulatedSession session, SimulatedSession.Signer signer, int status) {
        send(body(session, signer.id, "SignerStatus", status, signer.declinedReason));
    }

    private static ObjectNode body(SimulatedSession session, String signerId, String type, int status, String declined) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode data = root.putObject("Data").put("SigningSessionId", session.id).put("NewSigningSessionId", EMPTY_GUID)
                .put("SignerId", signerId).put("Type", type).put("Status", status).put("Title", session.title);
        if (declined == null) {
            data.putNull("DeclinedReason");
        } else {
            data.put("DeclinedReason", declined);
        }
        return root;
    }

    private void send(ObjectNode body) {
        Optional<URI> target = target();
        if (!config.sendWebhooks() || target.isEmpty()) {
            return;
        }
        URI url = target.get();
        boolean ssl = "https".equalsIgnoreCase(url.getScheme());
        String type = body.path("Data").path("Type").asText();
        int status = body.path("Data").path("Status").asInt();
        String session = body.path("Data").path("SigningSessionId").asText();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost())
                .setPort(url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80).setSsl(ssl)
                .setURI(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()))
                .setFollowRedirects(false).setTimeout(10_000)
                .putHeader("Content-Type", "application/json; charset=utf-8");
        client().request(options)
                .compose(request -> request.send(Buffer.buffer(body.toString())))
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onSuccess(code -> LOG.infof("Simulator sent a %s %d webhook for session %s: HTTP %d", type, status, session, code))
                .onFailure(failure -> LOG.infof("Simulator could not send a %s %d webhook for session %s (%s)", type, status,
                        session, failure.getClass().getSimpleName()));
    }

    /** The configured URL, or this server's own receiver with its first secret. */
    Optional<URI> target() {
        if (config.webhookUrl().isPresent()) {
            return config.webhookUrl();
        }
        Optional<String> secret = inboundSecrets.filter(list -> !list.isEmpty()).map(list -> list.get(0).trim());
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        String portKey = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(portKey, Integer.class).orElse(8080);
        return Optional.of(URI.create("http://127.0.0.1:" + port + "/webhooks/esign/" + secret.get()));
    }

    private HttpClient client() {
        HttpClient resolved = client;
        if (resolved == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000));
                }
                resolved = client;
            }
        }
        return resolved;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
