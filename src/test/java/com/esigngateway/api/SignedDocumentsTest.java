package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.esigngateway.testing.HealthyVendorTest;
import com.esigngateway.testing.Requests;
import com.esigngateway.testing.VendorStubs;
import com.esigngateway.testing.VendorWireMock;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Fetching a completed session's signed documents through the vendor's GetSessionFiles (its path is the configured
 * guess): one PDF, or a ZIP of several, whatever form the vendor's bytes take, and every way it can fail answered as a
 * problem. Runs against the packaged application too ({@code SignedDocumentsIT}).
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class SignedDocumentsTest extends HealthyVendorTest {

    static final String SIGNED = Requests.PATH + "/" + VendorStubs.SESSION_ID + "/documents/signed";
    static final String FILES = VendorStubs.SESSION + "/files";
    static final int COMPLETED = 3;
    static final byte[] PDF = "%PDF-1.4 signed by everyone \u00e9".getBytes(StandardCharsets.UTF_8);
    static final byte[] OTHER = "%PDF-1.7 the second one".getBytes(StandardCharsets.UTF_8);

    static String numberArray(byte[] bytes) {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < bytes.length; i++) {
            array.append(i == 0 ? "" : ",").append(bytes[i] & 0xFF);
        }
        return array.append(']').toString();
    }

    void completed() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(COMPLETED, 4, null)));
    }

    static ExtractableResponse<Response> fetch() {
        return Requests.conforming().accept("application/pdf, application/zip, application/problem+json").get(SIGNED)
                .then().extract();
    }

    @Test
    void oneDocumentIsThePdfWithASafeNameAndItsExactLength() {
        completed();
        vendor.stubFor(get(urlPathEqualTo(FILES)).willReturn(VendorStubs.json(
                "{\"Documents\":[{\"FileName\":\"Purchase agreement.pdf\",\"FileBytes\":" + numberArray(PDF) + "}]}")));

        ExtractableResponse<Response> answer = fetch();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/pdf");
        assertThat(answer.asByteArray()).isEqualTo(PDF);
        assertThat(answer.header("Content-Length")).isEqualTo(String.valueOf(PDF.length));
        assertThat(answer.header("Content-Disposition")).isEqualTo(
                "attachment; filename=\"Purchase agreement.pdf\"; filename*=UTF-8''Purchase%20agreement.pdf");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        vendor.verify(1, getRequestedFor(urlPathEqualTo(FILES))
                .withHeader("Authorization", WireMock.equalTo(VendorStubs.TOKEN)));
    }

    @Test
    void base64BytesAnyNestingAndOtherFieldNamesAreReadToo() {
        completed();
        vendor.stubFor(get(urlPathEqualTo(FILES)).willReturn(VendorStubs.json("{\"Result\":{\"Session\":{\"files\":["
                + "{\"bytes\":\"" + Base64.getEncoder().encodeToString(PDF).replace("/", "\\/") + "\",\"extra\":[1,2],"
                + "\"name\":\"a.pdf\"}]}},\"Count\":1}")));

        ExtractableResponse<Response> answer = fetch();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.asByteArray()).isEqualTo(PDF);
        assertThat(answer.header("Content-Disposition")).contains("filename=\"a.pdf\"");
    }

    /** Where an object has several name or id fields, the one listed first in the settings wins, wherever it stands. */
    @Test
    void theNameFieldListedFirstWinsWhereverItStands() {
        completed();
        vendor.stubFor(get(urlPathEqualTo(FILES)).willReturn(VendorStubs.json("{\"Documents\":[{\"Name\":\"Sam Seller\","
                + "\"Id\":7,\"DocumentName\":\"deed draft.pdf\",\"FileBytes\":" + numberArray(PDF)
                + ",\"FileName\":\"deed.pdf\"}]}")));
        assertThat(fetch().header("Content-Disposition")).startsWith("attachment; filename=\"deed.pdf\"");
    }

    @Test
    void severalDocumentsAreOneZipWhoseEntryNamesAreSafeAndUnique() throws IOException {
        completed();
        vendor.stubFor(get(urlPathEqualTo(FILES)).willReturn(VendorStubs.json("{\"Documents\":["
                + "{\"FileName\":\"../../etc/passwd\",\"FileBytes\":" + numberArray(PDF) + "},"
                + "{\"FileName\":\"Contract\\r\\nX-Evil: 1.docx\",\"FileBytes\":\"" + Base64.getEncoder().encodeToString(OTHER) + "\"},"
                + "{\"FileName\":\"passwd.PDF\",\"FileBytes\":" + numberArray(OTHER) + "},"
                + "{\"FileBytes\":" + numberArray(PDF) + "}]}")));

        ExtractableResponse<Response> answer = fetch();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/zip");
        assertThat(answer.header("Content-Disposition")).isEqualTo("attachment; filename=\"signed-documents-"
                + VendorStubs.SESSION_ID + ".zip\"; filename*=UTF-8''signed-documents-" + VendorStubs.SESSION_ID + ".zip");
        Map<String, byte[]> entries = unzip(answer.asByteArray());
        assertThat(entries.keySet()).containsExactly("passwd.pdf", "ContractX-Evil 1.docx.pdf", "passwd (2).PDF",
                "document-4.pdf");
        assertThat(entries.get("passwd.pdf")).isEqualTo(PDF);
        assertThat(entries.get("ContractX-Evil 1.docx.pdf")).isEqualTo(OTHER);
        assertThat(entries.get("passwd (2).PDF")).isEqualTo(OTHER);
        assertThat(entries.get("document-4.pdf")).isEqualTo(PDF);
    }

    @Test
    void aNameOutsideAsciiIsQuotedWithUnderscoresAndEncodedInFull() {
        completed();
        vendor.stubFor(get(urlPathEqualTo(FILES)).willReturn(VendorStubs.json(
                "{\"Documents\":[{\"FileName\":\"Acte de vente \\\"final\\\" \u00e9t\u00e9 100%.pdf\",\"FileBytes\":"
                        + numberArray(PDF) + "}]}")));

        assertThat(fetch().header("Content-Disposition")).isEqualTo("attachment; filename=\"Acte de vente final _t_ 100_.pdf\";"
                + " filename*=UTF-8''Acte%20de%20vente%20final%20%C3%A9t%C3%A9%20100%25.pdf");
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(ints = {1, 2, 4, 5, 6, 7, 9})
    void beforeCompletionThereIsNothingSignedAndTheVendorIsNotAsked(int status) {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(status, 4, null)));
        Requests.conforming().accept("application/pdf").get(SIGNED).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:session-not-completed"))
                .body("detail", containsString("its signed documents exist once it is completed"));
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathEqualTo(FILES)))).isZero();
    }

    @Test
    void afterAPurgeTheAnswerSaysSo() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(8, 4, null)));
        Requests.conforming().accept("application/pdf").get(SIGNED).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:documents-purged"));
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathEqualTo(FILES)))).isZero();
    }

    @Test
    void anUnknownSessionIsA404() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.error("Error: Session not found.")));
        Requests.conforming().accept("application/pdf").get(SIGNED).then().statusCode(404)
                .body("type", equalTo("urn:esign-gateway:problem:session-not-found"));
    }

    /**
     * An answer that arrived whole but holds no usable file: a problem, never a file. (Outages, which open the breaker,
     * are in {@code SignedDocumentsOutagesTest} and {@code SignedDocumentsDownloadIT}.)
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"no file", "not bytes", "bad base64", "not integers", "vendor error"})
    void anAnswerWithoutAUsableFileIsAProblemAndNeverAFile(String failure) {
        completed();
        Map<String, Object[]> cases = Map.of(
                "no file", new Object[] {VendorStubs.json("{\"Documents\":[]}"), 502, "holds no file"},
                "not bytes", new Object[] {VendorStubs.json("{\"Documents\":[{\"FileBytes\":[37,800]}]}"), 502,
                        "a number that is not a byte"},
                "not integers", new Object[] {VendorStubs.json("{\"Documents\":[{\"FileBytes\":[37,\"80\"]}]}"),
                        502, "something other than integers"},
                "bad base64", new Object[] {VendorStubs.json("{\"Documents\":[{\"FileBytes\":\"JVBE*i0=\"}]}"), 502,
                        "neither a number array nor base64"},
                "vendor error", new Object[] {VendorStubs.error("Error: The session is not completed."), 422,
                        "not completed"});
        Object[] expected = cases.get(failure);
        vendor.stubFor(get(urlPathEqualTo(FILES)).willReturn(
                (com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder) expected[0]));
        ExtractableResponse<Response> answer = Requests.conforming().accept("application/pdf").get(SIGNED).then()
                .extract();
        assertThat(answer.statusCode()).isEqualTo(expected[1]);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.jsonPath().getString("detail")).contains((String) expected[2]);
        assertThat(answer.header("Content-Disposition")).isNull();
    }

    @Test
    void aCallerThatTakesOnlyJsonIsToldWhatThisPathGives() {
        Requests.raw().accept("application/json").get(SIGNED).then().statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:not-acceptable"));
    }

    @Test
    void readersMayFetch() {
        completed();
        vendor.stubFor(get(urlPathEqualTo(FILES)).willReturn(VendorStubs.json(
                "{\"Documents\":[{\"FileName\":\"x.pdf\",\"FileBytes\":" + numberArray(PDF) + "}]}")));
        byte[] read = RestAssured.given().header("X-API-Key", Requests.READER_KEY).get(SIGNED).then().statusCode(200)
                .extract().asByteArray();
        assertThat(read).isEqualTo(PDF);
        RestAssured.given().get(SIGNED).then().statusCode(401);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

}
