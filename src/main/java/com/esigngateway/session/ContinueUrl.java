package com.esigngateway.session;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The vendor's auto-login link that lets the owner finish a session in the eSign UI, built as the
 * vendor's CreateSession sample does: {@code landingURL + "token=…&user=…&ssid=…&page=continue"}.
 */
final class ContinueUrl {

    private ContinueUrl() {
    }

    static String build(String landingUrl, String token, String owner, String sessionId) {
        String base = landingUrl.strip();
        if (base.indexOf('?') < 0) {
            base += "?";
        } else if (!base.endsWith("?") && !base.endsWith("&")) {
            base += "&";
        }
        return base + "token=" + encode(token) + "&user=" + encode(owner) + "&ssid=" + encode(sessionId)
                + "&page=continue";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
