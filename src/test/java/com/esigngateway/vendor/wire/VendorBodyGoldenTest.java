package com.esigngateway.vendor.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.session.VendorSessionMapper;
import com.esigngateway.testing.Contract;
import com.esigngateway.testing.VendorWireMock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pins, byte for byte, the vendor JSON the gateway produces with its default wire settings: for the
 * contract's example, and for a request that sets every field.
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class VendorBodyGoldenTest {

    @Inject
    VendorSessionMapper mapper;

    @Inject
    VendorBodyWriter writer;

    @Inject
    ObjectMapper json;

    @Test
    void contractExample() throws Exception {
        assertRendersGolden(Contract.exampleRequest(), "create-session-example.json");
    }

    @Test
    void everyField() throws Exception {
        ObjectNode request = Contract.exampleRequest();
        request.put("returnUrl", "https://crm.example.com/deals/42");
        request.put("allowDelegation", false);
        request.put("password", "session-secret");
        request.put("ownerSignsFirst", true);
        request.put("senderRedirectUrl", "https://crm.example.com/sent");
        request.put("expiresAt", "2026-12-31T17:00:00Z");
        request.put("ccDelivery", "ATTACHMENTS");
        request.withArray("ccRecipients").add("legal@example.com");
        ObjectNode template = request.withArray("documents").addObject();
        template.put("fileName", "disclosure.docx").put("templateId", "FORM-17");
        template.putObject("anchorTags").put("enabled", false).put("adjustmentCategory", "standard");
        ObjectNode seller = (ObjectNode) request.withArray("signers").get(0);
        seller.putObject("authentication").put("method", "KBA_PLUS_PASSWORD").put("password", "signer-secret");
        seller.put("requireDocumentUpload", true);
        seller.put("allowNameEdit", false);
        ObjectNode buyer = (ObjectNode) request.withArray("signers").get(1);
        buyer.putObject("authentication").put("method", "SMS").put("phone", "+14155550123");
        buyer.put("allowNameEdit", true);
        assertRendersGolden(request, "create-session-all-fields.json");
    }

    @Test
    void aSignerWithoutAFirstNameIsSentWithoutOne() throws Exception {
        ObjectNode clean = Contract.exampleRequest();
        ((ObjectNode) clean.withArray("signers").get(1)).remove("firstName");
        CreateSigningSessionRequest request = json.treeToValue(clean, CreateSigningSessionRequest.class);
        JsonNode signers = json.readTree(writer.write(mapper.map(request)).toByteArray()).path("session").path("Signers");
        assertThat(signers.get(0).path("FirstName").asText()).isEqualTo("Sam");
        assertThat(signers.get(1).has("FirstName")).isFalse();
        assertThat(signers.get(1).path("LastName").asText()).isEqualTo("Buyer");
        assertThat(signers.get(1).path("Properties").isObject()).as("Properties still sent").isTrue();
    }

    @Test
    void streamedChunksAreTheRenderedBody() throws Exception {
        CreateSigningSessionRequest request = json.treeToValue(Contract.exampleRequest(), CreateSigningSessionRequest.class);
        VendorBody body = writer.write(mapper.map(request));

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        body.stream().subscribe().asIterable().forEach(chunk -> streamed.writeBytes(chunk.getBytes()));

        assertThat(streamed.toByteArray()).isEqualTo(body.toByteArray());
        assertThat(body.stream().collect().asList().await().indefinitely()).hasSizeGreaterThan(2);
    }

    private void assertRendersGolden(ObjectNode clean, String golden) throws Exception {
        CreateSigningSessionRequest request = json.treeToValue(clean, CreateSigningSessionRequest.class);
        VendorBody body = writer.write(mapper.map(request));
        byte[] rendered = body.toByteArray();

        String expected = Files.readString(Path.of("src/test/resources/golden", golden)).strip();
        assertThat(new String(rendered, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(body.contentLength()).isEqualTo(rendered.length);
    }
}
