package com.esigngateway.reliability;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import com.esigngateway.testing.Contract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request bodies for the binding fuzz test, from one seed: the contract's example with one to three structural
 * mutations (a value replaced by one of another type or an edge value, a member removed or added), the same as text
 * with a textual mutation (truncated, a character inserted or removed, a key repeated, something appended), and
 * random JSON. The same seed gives the same bodies, so a failure can be replayed.
 */
final class BodyCorpus {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NAMES = List.of("owner", "title", "transactionId", "returnUrl", "signingOrder",
            "allowDelegation", "ccRecipients", "ccDelivery", "password", "ownerSignsFirst", "sendInvites",
            "senderRedirectUrl", "message", "expiresAt", "reminderFrequencyDays", "documents", "signers", "fileName",
            "content", "templateId", "anchorTags", "enabled", "adjustmentCategory", "email", "firstName", "lastName",
            "role", "authentication", "method", "requireDocumentUpload", "mergeFields", "invitation", "subject",
            "sequence", "unknownField", "", "Title");
    private static final List<String> STRINGS = List.of("", " ", "x", "1", "true", "null", "PARALLEL", "KBA", "NONE",
            "PASSWORD", "LINKS", "a@b.co", "agent@example.com", "not-an-email", "https://example.com/x", "ftp://x",
            "2026-12-31T17:00:00Z", "2026-12-31T17:00Z", "2026-02-30T00:00:00Z", "1798000000", "agreement.pdf",
            "no-extension", "JVBERi0xLjQK", "not base64!", "\u0000", "\ud83d\ude00", "\ud800", "\u202e", "<script>",
            "'; DROP TABLE x; --", "%00", "\\", "\"", "\n\t");
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2", "30", "31", "1000", "1001", "1.5",
            "1000.9", "2.0", "1e3", "-0", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e308",
            "1e400", "0.000000000000000000001");

    private final Random random;
    private final ObjectNode example = Contract.exampleRequest();

    BodyCorpus(long seed) {
        this.random = new Random(seed);
    }

    /** The next body, as bytes (some are not UTF-8). */
    byte[] next() {
        int kind = random.nextInt(10);
        if (kind < 6) {
            ObjectNode body = example.deepCopy();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                mutate(body);
            }
            return utf8(Contract.json(body));
        }
        if (kind < 9) {
            return textual(Contract.json(kind == 8 ? example : mutated()));
        }
        return utf8(Contract.json(randomValue(0)));
    }

    private ObjectNode mutated() {
        ObjectNode body = example.deepCopy();
        mutate(body);
        return body;
    }

    private void mutate(ObjectNode body) {
        List<JsonNode> containers = new ArrayList<>();
        collect(body, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int op = random.nextInt(4);
            if (names.isEmpty() || op == 0) {
                object.set(pick(NAMES), randomValue(1));
            } else if (op == 1) {
                object.remove(pick(names));
            } else {
                object.set(pick(names), randomValue(1));
            }
        } else if (target instanceof ArrayNode array) {
            int op = random.nextInt(3);
            if (array.isEmpty() || op == 0) {
                array.add(op == 0 && !array.isEmpty() ? array.get(0).deepCopy() : randomValue(1));
            } else if (op == 1) {
                array.remove(random.nextInt(array.size()));
            } else {
                array.set(random.nextInt(array.size()), randomValue(1));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext();) {
                collect(children.next(), containers);
            }
        }
    }

    private byte[] textual(String json) {
        int at = random.nextInt(json.length() + 1);
        switch (random.nextInt(9)) {
            case 0:
                return utf8(json.substring(0, at));
            case 1:
                return utf8(json.substring(0, at) + pick(List.of("{", "}", "[", "]", ",", ":", "\"", "\\", "x", " ", "\u0000"))
                        + json.substring(at));
            case 2:
                return utf8(at < json.length() ? json.substring(0, at) + json.substring(at + 1) : json);
            case 3:
                return utf8(json + pick(List.of("xyz", "}", "{}", "[]", "null", "1", json, "\n" + json, " // comment")));
            case 4: {
                int name = json.indexOf("\":", at);
                int start = name < 0 ? -1 : json.lastIndexOf('"', name - 1);
                return utf8(start < 0 ? json : json.substring(0, start) + json.substring(start, name + 2) + "\"dup\","
                        + json.substring(start));
            }
            case 5:
                return utf8("[" + json + "]");
            case 6: {
                byte[] bytes = utf8(json);
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
                return bytes;
            }
            case 7:
                return utf8(json.replace(":", pick(List.of(": ", ":\n", " : "))).replace(",", pick(List.of(", ", ",\t"))));
            default:
                return utf8("\ufeff" + json);
        }
    }

    private JsonNode randomValue(int depth) {
        switch (random.nextInt(depth > 3 ? 5 : 8)) {
            case 0:
                return NODES.textNode(pick(STRINGS));
            case 1:
                return NODES.numberNode(new BigDecimal(pick(NUMBERS)));
            case 2:
                return NODES.booleanNode(random.nextBoolean());
            case 3:
                return NODES.nullNode();
            case 4:
                return NODES.textNode(randomString());
            case 5: {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    array.add(randomValue(depth + 1));
                }
                return array;
            }
            case 6: {
                ObjectNode object = NODES.objectNode();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    object.set(pick(NAMES), randomValue(depth + 1));
                }
                return object;
            }
            default:
                return example.deepCopy();
        }
    }

    private String randomString() {
        int length = pick(List.of(0, 1, 5, 100, 101, 128, 129, 254, 255, 256, 1000, 1001, 4001));
        StringBuilder text = new StringBuilder();
        while (text.codePointCount(0, text.length()) < length) {
            text.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> 0x1F600 + random.nextInt(0x40);
                case 1 -> 0x20 + random.nextInt(0x5F);
                case 2 -> 0xA0 + random.nextInt(0x2000);
                default -> random.nextInt(0x20);
            });
        }
        return text.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
