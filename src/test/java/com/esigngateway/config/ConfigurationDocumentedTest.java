package com.esigngateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;
import io.smallrye.config.WithDefault;

/**
 * The configuration reference, docs/configuration.md, is in step with the {@code @ConfigMapping} interfaces: every
 * {@code esign.*} key has a row {@code | `key` | default | meaning |}, the row's default is the mapping's
 * ({@code `value`}, or {@code —} when the key has none), and no row names a key that does not exist. A plain JUnit
 * test: the keys and defaults are read from the interfaces, without starting Quarkus.
 */
class ConfigurationDocumentedTest {

    static final Path REFERENCE = Path.of("docs", "configuration.md");
    static final String NO_DEFAULT = "—";
    /** A row of the reference's table: the key and the default column. */
    static final Pattern ROW = Pattern.compile("^\\| `(esign\\.[^`]+)` \\| (.*?) \\| .*\\|$");

    static final List<ConfigClass> MAPPINGS = List.of(
            new ConfigClass(VendorConfig.class, "esign.vendor"),
            new ConfigClass(UpstreamConfig.class, "esign.upstream"),
            new ConfigClass(GatewayConfig.class, "esign.gateway"),
            new ConfigClass(SimulatorConfig.class, "esign.simulator"),
            new ConfigClass(WebhookConfig.class, "esign.webhooks"),
            new ConfigClass(StateConfig.class, "esign.state"));

    @Test
    void theReferenceHasEveryKeyWithItsDefaultAndNoOtherKey() throws Exception {
        Map<String, Optional<String>> expected = mappedKeysAndDefaults();
        Map<String, String> documented = documentedKeysAndDefaults(Files.readAllLines(REFERENCE));
        assertThat(expected).hasSizeGreaterThan(100);

        List<String> problems = new ArrayList<>();
        expected.forEach((key, value) -> {
            String cell = value.map(text -> "`" + text + "`").orElse(NO_DEFAULT);
            if (!documented.containsKey(key)) {
                problems.add(key + ": no row (its default: " + cell + ")");
            } else if (!documented.get(key).equals(cell)) {
                problems.add(key + ": the default column says " + documented.get(key) + ", the code " + cell);
            }
        });
        documented.keySet().stream().filter(key -> !expected.containsKey(key))
                .forEach(key -> problems.add(key + ": a row, but no such key in any @ConfigMapping"));
        assertThat(problems).as("%s against the @ConfigMapping interfaces", REFERENCE).isEmpty();
    }

    /** Every key of every mapping, as ConfigMappings names them ({@code *} for a map's names), with its default. */
    static Map<String, Optional<String>> mappedKeysAndDefaults() {
        Map<String, Optional<String>> keys = new TreeMap<>();
        for (ConfigClass mapping : MAPPINGS) {
            ConfigMappings.getProperties(mapping).forEach((key, property) -> {
                if (!key.endsWith("[*]")) { // the indexed form of a list key
                    keys.put(key, defaultOf(property));
                }
            });
        }
        return keys;
    }

    static Optional<String> defaultOf(Property property) {
        if (property.hasDefaultValue()) {
            return Optional.of(property.getDefaultValue());
        }
        if (property.isOptional()) {
            return defaultOf(property.asOptional().getNestedProperty());
        }
        if (property.isCollection()) {
            return defaultOf(property.asCollection().getElement());
        }
        // the annotation itself, for any kind of property the API does not report it for
        return Optional.ofNullable(property.getMethod().getAnnotation(WithDefault.class)).map(WithDefault::value);
    }

    static Map<String, String> documentedKeysAndDefaults(List<String> lines) {
        Map<String, String> rows = new TreeMap<>();
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                String previous = rows.put(row.group(1), row.group(2).strip());
                assertThat(previous).as("a second row for %s", row.group(1)).isNull();
            }
        }
        return rows;
    }
}
