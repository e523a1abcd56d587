package com.esigngateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers of docs/architecture.md, and no package cycles: arrows point down only, so a part can be read and tested
 * with what lies under it. A failure names the class and the arrow that broke the rule.
 */
class ArchitectureTest {

    private static final String ROOT = "com.esigngateway";

    /** The HTTP edge: resources, filters, body reception, JSON binding, problems, the webhook routes, authentication. */
    static final String[] EDGE = { ROOT + ".api", ROOT + ".api.generated..", ROOT + ".api.http..", ROOT + ".api.body..",
            ROOT + ".api.download..",
            ROOT + ".api.json..", ROOT + ".api.problem..", ROOT + ".webhook.inbound..", ROOT + ".webhook.admin..",
            ROOT + ".security..", ROOT + ".startup..", ROOT + ".simulator.." };
    /** Implementations of the ports that keep shared state, chosen by esign.state.store. */
    static final String[] ADAPTERS = { ROOT + ".state.." };
    /** The use cases and the ports they own (idempotency store, status-event queue). */
    static final String[] USE_CASES = { ROOT + ".session..", ROOT + ".webhook", ROOT + ".webhook.event..",
            ROOT + ".webhook.delivery..", ROOT + ".webhook.queue.." };
    /** The vendor: the facade the use cases call, its call pipeline, token, endpoints, model and codecs. */
    static final String[] VENDOR = { ROOT + ".vendor.." };
    /** The contract's vocabulary (generated models) and document content. */
    static final String[] DOMAIN = { ROOT + ".api.model..", ROOT + ".api.validation..", ROOT + ".document.." };
    /** Configuration, metrics and spans, hashing, time: they take no domain types. */
    static final String[] FOUNDATION = { ROOT + ".config..", ROOT + ".observability..", ROOT + ".crypto..",
            ROOT + ".time.." };

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void layersOnlyPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Edge").definedBy(EDGE)
                .layer("Adapters").definedBy(ADAPTERS)
                .layer("UseCases").definedBy(USE_CASES)
                .layer("Vendor").definedBy(VENDOR)
                .layer("Domain").definedBy(DOMAIN)
                .layer("Foundation").definedBy(FOUNDATION)
                .whereLayer("Edge").mayNotBeAccessedByAnyLayer()
                .whereLayer("Adapters").mayNotBeAccessedByAnyLayer()
                .whereLayer("UseCases").mayOnlyBeAccessedByLayers("Edge", "Adapters")
                .whereLayer("Vendor").mayOnlyBeAccessedByLayers("Edge", "Adapters", "UseCases")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Edge", "Adapters", "UseCases", "Vendor")
                .whereLayer("Foundation").mayOnlyBeAccessedByLayers("Edge", "Adapters", "UseCases", "Vendor", "Domain")
                .check(MAIN);
    }

    @Test
    void everyPackageHasALayer() {
        noClasses().that().resideInAPackage(ROOT + "..")
                .and().resideOutsideOfPackages(EDGE).and().resideOutsideOfPackages(ADAPTERS)
                .and().resideOutsideOfPackages(USE_CASES).and().resideOutsideOfPackages(VENDOR)
                .and().resideOutsideOfPackages(DOMAIN).and().resideOutsideOfPackages(FOUNDATION)
                .should().bePublic().orShould().notBePublic()
                .because("every package belongs to a layer of docs/architecture.md")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void onlyTheEdgeKnowsHttpAnswersAndProblems() {
        noClasses().that().resideOutsideOfPackages(EDGE)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", ROOT + ".api.problem..",
                        "org.jboss.resteasy.reactive..")
                .because("use cases, stores and the vendor adapter raise domain failures; api.problem maps them")
                .check(MAIN);
    }
}
