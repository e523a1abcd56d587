package com.esigngateway.webhook.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.esigngateway.webhook.queue.ReceivedWebhook;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The vendor's webhook shape, read tolerantly but never trusted blindly; and the receiver's path secrets. */
class VendorWebhookParserTest {

    static final String SESSION = "6F9619FF-8B86-D011-B42D-00CF4FC964FF";
    static final String SIGNER = "11111111-2222-3333-4444-555555555555";
    static final String EMPTY = "00000000-0000-0000-0000-000000000000";
    final VendorWebhookParser parser = new VendorWebhookParser(new ObjectMapper());

    VendorWebhookParser.Parsed parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), "evt_1", Instant.EPOCH);
    }

    @Test
    void readsTheDocumentedShape() {
        var parsed = parse("{\"Data\":{\"SigningSessionId\":\"" + SESSION + "\",\"NewSigningSessionId\":\"" + EMPTY + "\",\"SignerId\":\""
                + SIGNER + "\",\"Type\":\"SignerStatus\",\"Status\":6,\"Title\":\"T\",\"DeclinedReason\":\"No\"}}");
        assertThat(parsed.violations()).isEmpty();
        ReceivedWebhook webhook = parsed.webhook();
        assertThat(webhook.sessionId()).isEqualTo(SESSION.toLowerCase());
        assertThat(webhook.signerId()).isEqualTo(SIGNER);
        assertThat(webhook.newSessionId()).isNull();
        assertThat(webhook.kind()).isEqualTo("SignerStatus");
        assertThat(webhook.statusCode()).isEqualTo(6);
        assertThat(webhook.aboutSigner()).isTrue();
    }

    @Test
    void isTolerantWhereTheVendorMightDiffer() {
        var parsed = parse("{\"data\":{\"signingSessionId\":\"" + SESSION + "\",\"type\":\"sessionstatus\",\"status\":\"3\","
                + "\"SomethingNew\":[1,2]},\"Version\":2}");
        assertThat(parsed.violations()).isEmpty();
        assertThat(parsed.webhook().kind()).isEqualTo("SessionStatus");
        assertThat(parsed.webhook().statusCode()).isEqualTo(3);
        assertThat(parsed.webhook().signerId()).isNull();
        // a kind the gateway does not know is kept (verified as a session-level change)
        assertThat(parse("{\"Data\":{\"SigningSessionId\":\"" + SESSION + "\",\"Type\":\"DocumentStatus\",\"Status\":99}}")
                .webhook().kind()).isEqualTo("DocumentStatus");
    }

    @Test
    void refusesWhatIsNoVendorWebhook() {
        assertThat(fields(parse("[]"))).containsExactly("$");
        assertThat(fields(parse("{\"Data\":"))).containsExactly("$");
        assertThat(fields(parse("{\"Data\":\"x\"}"))).containsExactly("Data");
        assertThat(fields(parse("{\"Data\":{\"SigningSessionId\":\"" + EMPTY + "\",\"Type\":\"SignerStatus\",\"Status\":1.5}}")))
                .containsExactlyInAnyOrder("Data.SigningSessionId", "Data.SignerId", "Data.Status");
        assertThat(fields(parse("{\"Data\":{\"SigningSessionId\":\"../../x\",\"Type\":\"a b\",\"Status\":1,\"SignerId\":7}}")))
                .containsExactlyInAnyOrder("Data.SigningSessionId", "Data.Type", "Data.SignerId");
    }

    @Test
    void takesOneJsonDocumentAndNothingAfterIt() {
        String webhook = "{\"Data\":{\"SigningSessionId\":\"" + SESSION + "\",\"Type\":\"SessionStatus\",\"Status\":3}}";
        assertThat(parse(webhook + " \r\n\t").violations()).isEmpty();
        for (String trailing : new String[] {"x", "{}", webhook, " " + webhook, "]", "1", "null", "\"\""}) {
            assertThat(fields(parse(webhook + trailing))).as(trailing).containsExactly("$");
        }
    }

    @Test
    void theSameChangeIsOneEventWhateverElseTheBodySays() {
        String first = "{\"Data\":{\"SigningSessionId\":\"" + SESSION + "\",\"Type\":\"SessionStatus\",\"Status\":3,\"Title\":\"A\"}}";
        String again = "{ \"Data\" : {\"Title\":\"B\", \"Status\":3, \"Type\":\"SessionStatus\", \"SigningSessionId\":\""
                + SESSION.toLowerCase() + "\"}}";
        String next = first.replace("\"Status\":3", "\"Status\":4");
        assertThat(parse(first).dedupeKey()).isEqualTo(parse(again).dedupeKey()).isNotEqualTo(parse(next).dedupeKey());
    }

    @Test
    void pathSecretsAreLongAndComparedWholly() {
        PathSecrets secrets = new PathSecrets(List.of("current-secret-0123456789abcdef", "previous-secret-0123456789abcdef"));
        assertThat(secrets.accepts("current-secret-0123456789abcdef")).isTrue();
        assertThat(secrets.accepts("previous-secret-0123456789abcdef")).isTrue();
        assertThat(secrets.accepts("current-secret-0123456789abcde")).isFalse();
        assertThat(secrets.accepts("")).isFalse();
        assertThat(secrets.accepts(null)).isFalse();
        assertThat(new PathSecrets(List.of()).accepts("anything")).isFalse();
        assertThatThrownBy(() -> new PathSecrets(List.of("short"))).hasMessageContaining("secret 1").hasMessageNotContaining("short,");
        assertThatThrownBy(() -> new PathSecrets(List.of("a-long-enough-secret-but/with-a-slash")))
                .hasMessageNotContaining("with-a-slash");
    }

    static List<String> fields(VendorWebhookParser.Parsed parsed) {
        return parsed.violations().stream().map(Map.Entry::getKey).toList();
    }
}
