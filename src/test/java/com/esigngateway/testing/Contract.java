package com.esigngateway.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The contract file, for validating exchanges against it and for reading its examples. */
public final class Contract {

    public static final Path FILE = Path.of("openapi/esign-gateway.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static OpenApiValidationFilter filter;
    private static OpenApiInteractionValidator validator;
    private static io.swagger.v3.oas.models.OpenAPI openApi;

    private Contract() {
    }

    /** A REST Assured filter that fails the test when the request or the response breaks the contract. */
    public static synchronized OpenApiValidationFilter validation() {
        if (filter == null) {
            filter = new OpenApiValidationFilter(validator());
        }
        return filter;
    }

    /** The contract's validator itself, for exchanges made without REST Assured. */
    public static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            validator = OpenApiInteractionValidator.createForSpecificationUrl(FILE.toAbsolutePath().toUri().toString())
                    .build();
        }
        return validator;
    }

    /** What breaks the contract's schema {@code name} in {@code json}; empty when it conforms. */
    public static synchronized java.util.List<String> schemaViolations(String name, String json) {
        if (openApi == null) {
            openApi = new io.swagger.v3.parser.OpenAPIV3Parser().read(FILE.toAbsolutePath().toUri().toString());
        }
        var schema = new io.swagger.v3.oas.models.media.Schema<Object>().$ref("#/components/schemas/" + name);
        var report = new com.atlassian.oai.validator.schema.SchemaValidator(openApi,
                new com.atlassian.oai.validator.report.MessageResolver()).validate(json, schema, "event");
        return report.getMessages().stream().map(message -> message.getMessage()).toList();
    }

    public static JsonNode document() {
        try {
            return YAML.readTree(Files.readString(FILE));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The request example of {@code POST /v1/signing-sessions}. */
    public static ObjectNode exampleRequest() {
        return (ObjectNode) document().at("/paths/~1v1~1signing-sessions/post/requestBody/content/application~1json/example")
                .deepCopy();
    }

    public static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> asMap(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }
}
