package com.esigngateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;

/** Every esign.* key of every @ConfigMapping has a row in the README's configuration table. */
class ConfigurationDocumentedTest {

    @Test
    void everyKeyIsInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> keys = new TreeSet<>();
        for (ConfigClass mapping : List.of(
                new ConfigClass(VendorConfig.class, "esign.vendor"),
                new ConfigClass(UpstreamConfig.class, "esign.upstream"),
                new ConfigClass(GatewayConfig.class, "esign.gateway"),
                new ConfigClass(SimulatorConfig.class, "esign.simulator"),
                new ConfigClass(WebhookConfig.class, "esign.webhooks"),
                new ConfigClass(StateConfig.class, "esign.state"))) {
            ConfigMappings.getProperties(mapping).keySet().stream()
                    .filter(key -> !key.endsWith("[*]")) // the indexed form of a list key
                    .forEach(keys::add);
        }
        assertThat(keys).hasSizeGreaterThan(40);
        assertThat(keys).allSatisfy(key -> assertThat(readme).contains("| `" + key + "` |"));
    }
}
