package com.esigngateway.webhook.inbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.esigngateway.webhook.queue.ReceivedWebhook;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads the vendor's webhook, {@code {"Data": {SigningSessionId, NewSigningSessionId, SignerId, Type, Status, Title,
 * DeclinedReason}}}, tolerantly: property names in any case, unknown properties ignored (the vendor added
 * {@code Title} in 2025), a status code the gateway does not know kept as it is, an all-zero GUID (.NET's empty
 * {@code Guid}) taken as absent. Refused: a body that is not such an object (or has anything but white space after it), a session id that is not a GUID, a
 * missing {@code Type} or {@code Status}, a signer webhook without its signer id. {@code Title} and
 * {@code DeclinedReason} are not kept: the verified session carries both.
 */
public final class VendorWebhookParser {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

    /** A webhook read, or what is wrong with it ({@code field}, {@code message}). */
    public record Parsed(ReceivedWebhook webhook, String dedupeKey, List<Map.Entry<String, String>> violations) {
    }

    /** One JSON document and nothing after it (white space apart): trailing garbage or a second document is refused. */
    private final ObjectReader reader;

    public VendorWebhookParser(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public Parsed parse(byte[] body, String eventId, Instant receivedAt) {
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (IOException e) {
            return refused("$", "must be a JSON object");
        }
        if (root == null || !root.isObject()) {
            return refused("$", "must be a JSON object");
        }
        JsonNode data = property(root, "Data");
        if (data == null || !data.isObject()) {
            return refused("Data", "must be an object");
        }
        List<Map.Entry<String, String>> violations = new ArrayList<>();
        String sessionId = guid(data, "SigningSessionId", true, violations);
        String kind = text(property(data, "Type"));
        if (kind == null || !KIND.matcher(kind).matches()) {
            violations.add(Map.entry("Data.Type", "must be a name such as SessionStatus or SignerStatus"));
        } else if (kind.equalsIgnoreCase(ReceivedWebhook.SESSION_STATUS)) {
            kind = ReceivedWebhook.SESSION_STATUS;
        } else if (kind.equalsIgnoreCase(ReceivedWebhook.SIGNER_STATUS)) {
            kind = ReceivedWebhook.SIGNER_STATUS;
        }
        boolean aboutSigner = ReceivedWebhook.SIGNER_STATUS.equals(kind);
        String signerId = guid(data, "SignerId", aboutSigner, violations);
        String newSessionId = guid(data, "NewSigningSessionId", false, violations);
        Integer status = integer(property(data, "Status"));
        if (status == null) {
            violations.add(Map.entry("Data.Status", "must be an integer status code"));
        }
        if (!violations.isEmpty()) {
            return new Parsed(null, null, violations);
        }
        ReceivedWebhook webhook = new ReceivedWebhook(eventId, receivedAt, sessionId, signerId,
                kind, status, newSessionId);
        return new Parsed(webhook, dedupeKey(webhook), List.of());
    }

    /** The same change reported twice is one event, whatever else the two bodies carry. */
    static String dedupeKey(ReceivedWebhook webhook) {
        String identity = String.join("|", "v1", webhook.sessionId(), String.valueOf(webhook.signerId()),
                webhook.kind().toLowerCase(Locale.ROOT), String.valueOf(webhook.statusCode()),
                String.valueOf(webhook.newSessionId()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Parsed refused(String field, String message) {
        return new Parsed(null, null, List.of(Map.entry(field, message)));
    }

    /** A GUID in lower case, null when absent or empty; a violation when required and absent, or malformed. */
    private static String guid(JsonNode data, String name, boolean required, List<Map.Entry<String, String>> violations) {
        JsonNode node = property(data, name);
        String value = node == null || node.isNull() ? null : text(node);
        if (node != null && !node.isNull() && (value == null || !GUID.matcher(value).matches())) {
            violations.add(Map.entry("Data." + name, "must be a GUID"));
            return null;
        }
        if (value == null || value.equals(EMPTY_GUID)) {
            if (required) {
                violations.add(Map.entry("Data." + name, "is required"));
            }
            return null;
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static JsonNode property(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText().trim() : null;
    }

    /** An integer, or a number written as text (as some serializers write enums); null otherwise. */
    private static Integer integer(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isTextual() && node.asText().trim().matches("-?\\d{1,9}")) {
            return Integer.parseInt(node.asText().trim());
        }
        return null;
    }
}
