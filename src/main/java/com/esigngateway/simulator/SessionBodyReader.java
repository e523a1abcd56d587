package com.esigngateway.simulator;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a CreateSession body chunk by chunk as it arrives. Everything becomes a small JSON tree except
 * {@code FileBytes} number arrays, which are only checked (integers 0..255) and counted: a 100 MB
 * document costs the simulator no memory. A {@code FileBytes} array becomes an object
 * {@code {"count": n, "valid": true}}.
 */
final class SessionBodyReader {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private final Deque<JsonNode> stack = new ArrayDeque<>();
    private String pendingName;
    private JsonNode root;
    private boolean inFileBytes;
    private int fileBytesDepth;
    private long fileBytesCount;
    private boolean fileBytesValid;

    SessionBodyReader() {
        try {
            this.parser = FACTORY.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    void feed(byte[] chunk) throws IOException {
        feeder.feedInput(chunk, 0, chunk.length);
        drain();
    }

    JsonNode finish() throws IOException {
        feeder.endOfInput();
        drain();
        if (root == null || !stack.isEmpty()) {
            throw new IOException("incomplete JSON");
        }
        return root;
    }

    private void drain() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
            if (inFileBytes) {
                countFileByte(token);
                continue;
            }
            switch (token) {
                case FIELD_NAME -> pendingName = parser.currentName();
                case START_OBJECT -> open(NODES.objectNode());
                case START_ARRAY -> {
                    if ("FileBytes".equals(pendingName) && stack.peek() instanceof ObjectNode) {
                        inFileBytes = true;
                        fileBytesDepth = 0;
                        fileBytesCount = 0;
                        fileBytesValid = true;
                    } else {
                        open(NODES.arrayNode());
                    }
                }
                case END_OBJECT, END_ARRAY -> close();
                case VALUE_STRING -> add(NODES.textNode(parser.getText()));
                case VALUE_NUMBER_INT -> add(NODES.numberNode(parser.getLongValue()));
                case VALUE_NUMBER_FLOAT -> add(NODES.numberNode(parser.getDecimalValue()));
                case VALUE_TRUE -> add(NODES.booleanNode(true));
                case VALUE_FALSE -> add(NODES.booleanNode(false));
                case VALUE_NULL -> add(NODES.nullNode());
                default -> {
                }
            }
        }
    }

    private void countFileByte(JsonToken token) throws IOException {
        switch (token) {
            case END_ARRAY, END_OBJECT -> {
                if (fileBytesDepth-- == 0) {
                    inFileBytes = false;
                    add(NODES.objectNode().put("count", fileBytesCount).put("valid", fileBytesValid));
                }
            }
            case START_ARRAY, START_OBJECT -> {
                fileBytesDepth++;
                fileBytesValid = false;
            }
            case VALUE_NUMBER_INT -> {
                if (fileBytesDepth == 0) {
                    int value = parser.getIntValue();
                    fileBytesValid &= value >= 0 && value <= 255;
                    fileBytesCount++;
                }
            }
            case FIELD_NAME -> {
            }
            default -> fileBytesValid = false;
        }
    }

    private void open(JsonNode container) {
        add(container);
        stack.push(container);
    }

    private void close() {
        stack.pop();
    }

    private void add(JsonNode value) {
        JsonNode parent = stack.peek();
        if (parent == null) {
            root = value;
        } else if (parent instanceof ObjectNode object) {
            object.set(pendingName, value);
        } else {
            ((ArrayNode) parent).add(value);
        }
        pendingName = null;
    }
}
