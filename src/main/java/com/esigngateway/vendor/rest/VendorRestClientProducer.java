package com.esigngateway.vendor.rest;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.resteasy.reactive.client.api.LoggingScope;

import com.esigngateway.config.VendorConfig;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Builds the vendor REST client from {@link VendorConfig}, so that timeouts are plain durations and the
 * base URL is normalised once. Fault tolerance lives in {@link VendorGateway}, never on the client.
 */
@ApplicationScoped
class VendorRestClientProducer {

    @Produces
    @ApplicationScoped
    VendorRestClient vendorRestClient(VendorConfig config, VendorBaseUrl baseUrl) {
        long readTimeoutMillis = Math.max(config.timeout().toMillis(), config.token().timeout().toMillis()) + 1000;
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUrl.uri().orElseThrow(() -> new IllegalStateException("esign.vendor.url is not set")))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                // The encrypt call carries the API key in its path: never log requests.
                .loggingScope(LoggingScope.NONE)
                .followRedirects(false)
                .userAgent("esign-gateway")
                .build(VendorRestClient.class);
    }

    /** The configured vendor URL with a trailing {@code rest/} removed: every endpoint path starts with it. */
    static URI normalise(URI configured) {
        String url = configured.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith("/rest")) {
            url = url.substring(0, url.length() - "/rest".length());
        }
        return URI.create(url + "/");
    }
}
