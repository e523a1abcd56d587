package com.esigngateway.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;

/** The Standard Webhooks signature, against the specification's published vector and the reference library. */
class WebhookSignatureTest {

    // The test vector of the Standard Webhooks libraries (the same in every language).
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String PAYLOAD = "{\"test\": 2432232314}";
    static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    static final String OTHER = "whsec_c2VjcmV0LWJlaW5nLXJvdGF0ZWQtb3V0LTI0Ynl0ZXM=";

    @Test
    void signsThePublishedVector() {
        assertThat(WebhookSignature.of(List.of(SECRET)).sign(ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
    }

    @Test
    void aRotationSignsWithEachSecretSpaceSeparated() throws Exception {
        String header = WebhookSignature.of(List.of(SECRET, OTHER)).sign(ID, TIMESTAMP, PAYLOAD);
        assertThat(header.split(" ")).hasSize(2);
        assertThat(header.split(" ")[0]).isEqualTo(EXPECTED);
        assertThat(header.split(" ")[1]).isEqualTo(new Webhook(OTHER).sign(ID, TIMESTAMP, PAYLOAD));
        // a consumer with either secret accepts it, with the reference library
        long now = java.time.Instant.now().getEpochSecond();
        String body = "{\"type\":\"signing-session.completed\"}";
        String signed = WebhookSignature.of(List.of(SECRET, OTHER)).sign("evt_1", now, body);
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("evt_1"), "webhook-timestamp", List.of(String.valueOf(now)),
                "webhook-signature", List.of(signed));
        new Webhook(SECRET).verify(body, headers);
        new Webhook(OTHER).verify(body, headers);
    }

    @Test
    void verifiesOnlyWhatItsSecretsSigned() {
        WebhookSignature signature = WebhookSignature.of(List.of(SECRET));
        assertThat(signature.verifies(ID, String.valueOf(TIMESTAMP), PAYLOAD, "v2,x " + EXPECTED)).isTrue();
        assertThat(signature.verifies(ID, String.valueOf(TIMESTAMP), PAYLOAD + " ", EXPECTED)).isFalse();
        assertThat(signature.verifies(ID, String.valueOf(TIMESTAMP + 1), PAYLOAD, EXPECTED)).isFalse();
        assertThat(signature.verifies(ID, String.valueOf(TIMESTAMP), PAYLOAD, "v1,not-base64!")).isFalse();
        assertThat(WebhookSignature.of(List.of(OTHER)).verifies(ID, String.valueOf(TIMESTAMP), PAYLOAD, EXPECTED)).isFalse();
    }

    @Test
    void refusesWeakOrMisshapenSecretsWithoutRepeatingThem() {
        String plain = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThatThrownBy(() -> WebhookSignature.of(List.of(plain))).hasMessageContaining("whsec_").hasMessageNotContaining(plain);
        assertThatThrownBy(() -> WebhookSignature.of(List.of("whsec_c2hvcnQ="))).hasMessageContaining("at least 24");
        assertThatThrownBy(() -> WebhookSignature.of(List.of(SECRET, "whsec_***"))).hasMessageContaining("secret 2")
                .hasMessageNotContaining("***");
        assertThat(WebhookSignature.of(List.of(SECRET)).toString()).doesNotContain("MfKQ");
    }
}
