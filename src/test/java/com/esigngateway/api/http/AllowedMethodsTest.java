package com.esigngateway.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.fasterxml.jackson.databind.JsonNode;

/** What {@code Allow} and {@code OPTIONS} say is what the contract says, for every one of its paths. */
class AllowedMethodsTest {

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    @Test
    void everyPathOfTheContractAllowsExactlyItsOperations() {
        AllowedMethods allowed = AllowedMethods.ofTheApi();
        JsonNode paths = Contract.document().path("paths");
        assertThat(paths.size()).isPositive();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            Set<String> expected = new TreeSet<>(Set.of("OPTIONS"));
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (OPERATIONS.contains(name)) {
                    expected.add(name.toUpperCase(Locale.ROOT));
                }
            });
            if (expected.contains("GET")) {
                expected.add("HEAD");
            }
            String example = path.getKey().replaceAll("\\{[^}]+}", "example-id");
            assertThat(allowed.route(example)).as(path.getKey()).hasValueSatisfying(route -> {
                assertThat(route.template()).isEqualTo(path.getKey());
                assertThat(route.methods()).containsExactlyInAnyOrderElementsOf(expected);
            });
        }
        assertThat(allowed.routes()).hasSize(paths.size());
        assertThat(allowed.route("/v1/signing-sessions/")).isPresent();
        assertThat(allowed.route("/v1/signing-sessions-and-more")).isEmpty();
        assertThat(allowed.route("/v1/signing-sessions").orElseThrow().allowHeader()).isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(allowed.route("/v1/signing-sessions/some-id/cancel").orElseThrow().allowHeader()).isEqualTo("OPTIONS, POST");
    }
}
