package com.esigngateway.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

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
 * What a signer uploaded, through the vendor's GetSignerDocuments: a page of uploads with ids, safe names, sizes and
 * media types, and each upload's bytes. Runs against the packaged application too ({@code SignerUploadsIT}).
 */
@QuarkusTest
@WithTestResource(VendorWireMock.class)
class SignerUploadsTest extends HealthyVendorTest {

    static final String UPLOADS = Requests.PATH + "/" + VendorStubs.SESSION_ID + "/signers/" + VendorStubs.BUYER_ID
            + "/uploads";
    static final String VENDOR_PAGE = "/rest/v1/signer/docs/agent@example.com/" + VendorStubs.SESSION_ID + "/"
            + VendorStubs.BUYER_ID + "/%d/5";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    static final byte[] PDF = "%PDF-1.7 a scanned licence".getBytes(StandardCharsets.US_ASCII);

    void session() {
        vendor.stubFor(VendorStubs.getSession().willReturn(VendorStubs.sessionDetails(3, 4, null)));
    }

    void page(int page, String files) {
        vendor.stubFor(get(urlPathEqualTo(VENDOR_PAGE.formatted(page)))
                .willReturn(VendorStubs.json("{\"SignerDocuments\":[" + files + "]}")));
    }

    static String file(String fields, byte[] bytes) {
        return "{" + fields + (fields.isEmpty() ? "" : ",") + "\"FileBytes\":" + SignedDocumentsTest.numberArray(bytes) + "}";
    }

    @Test
    void aPageListsEachUploadWithItsIdSafeNameSizeAndMediaType() {
        session();
        page(0, file("\"DocumentId\":\"d-1\",\"FileName\":\"licence.png\"", PNG) + ","
                + "{\"FileName\":\"../../scan\\r\\n.pdf\",\"FileBytes\":\"" + Base64.getEncoder().encodeToString(PDF) + "\"},"
                + file("\"FileName\":\"notes\",\"ContentType\":\"Text/Plain; charset=utf-8\"", "hello".getBytes(StandardCharsets.US_ASCII)) + ","
                + file("\"FileName\":\"odd\",\"ContentType\":\"x\\r\\nEvil: 1\"", new byte[] {1, 2, 3}));

        Requests.conforming().get(UPLOADS).then().statusCode(200)
                .body("sessionId", equalTo(VendorStubs.SESSION_ID)).body("signerId", equalTo(VendorStubs.BUYER_ID))
                .body("page", equalTo(0)).body("hasMore", equalTo(false))
                .body("uploads.id", contains("d-1", "2", "3", "4"))
                .body("uploads.fileName", contains("licence.png", "scan.pdf", "notes", "odd"))
                .body("uploads.size", contains(PNG.length, PDF.length, 5, 3))
                .body("uploads.contentType", contains("image/png", "application/pdf", "text/plain",
                        "application/octet-stream"));
        vendor.verify(1, getRequestedFor(urlPathEqualTo(VENDOR_PAGE.formatted(0)))
                .withHeader("Authorization", WireMock.equalTo(VendorStubs.TOKEN)));
    }

    @Test
    void anUploadIsFetchedByItsIdWithItsMediaTypeAndName() {
        session();
        page(0, file("\"DocumentId\":\"d-1\",\"FileName\":\"licence.png\"", PNG) + "," + file("\"FileName\":\"scan.pdf\"", PDF));

        ExtractableResponse<Response> png = Requests.conforming().accept("*/*").get(UPLOADS + "/d-1").then().extract();
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.asByteArray()).isEqualTo(PNG);
        assertThat(png.header("Content-Length")).isEqualTo(String.valueOf(PNG.length));
        assertThat(png.header("Content-Disposition")).isEqualTo(
                "attachment; filename=\"licence.png\"; filename*=UTF-8''licence.png");

        ExtractableResponse<Response> pdf = Requests.conforming().accept("*/*").get(UPLOADS + "/2").then().extract();
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.asByteArray()).isEqualTo(PDF);

        // a media type that is not one, or one a browser would run, is not taken: the first bytes tell
        page(0, file("\"FileName\":\"odd\",\"ContentType\":\"x\\r\\nEvil: 1\"", PNG) + ","
                + file("\"FileName\":\"page.html\",\"ContentType\":\"text/html\"", PDF));
        ExtractableResponse<Response> odd = Requests.conforming().accept("*/*").get(UPLOADS + "/1").then().extract();
        assertThat(odd.contentType()).isEqualTo("image/png");
        assertThat(odd.headers().asList()).noneMatch(header -> header.getName().equalsIgnoreCase("Evil"));
        assertThat(Requests.conforming().accept("*/*").get(UPLOADS + "/2").then().extract().contentType())
                .isEqualTo("application/pdf");

        Requests.conforming().accept("*/*").get(UPLOADS + "/99").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:esign-gateway:problem:upload-not-found"));
    }

    @Test
    void anUploadOnALaterPageIsFoundByWalkingThePages() {
        session();
        StringBuilder full = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            full.append(i == 1 ? "" : ",").append(file("\"FileName\":\"p" + i + ".pdf\"", PDF));
        }
        page(0, full.toString());
        page(1, file("\"FileName\":\"late.png\"", PNG));

        Requests.conforming().get(UPLOADS).then().statusCode(200).body("hasMore", equalTo(true));
        Requests.conforming().queryParam("page", 1).get(UPLOADS).then().statusCode(200)
                .body("uploads.id", contains("6")).body("hasMore", equalTo(false));
        byte[] late = Requests.conforming().accept("*/*").get(UPLOADS + "/6").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(late).isEqualTo(PNG);
    }

    @Test
    void anUnknownSignerIsA404AndTheVendorsDocumentsAreNotAsked() {
        session();
        Requests.conforming().get(Requests.PATH + "/" + VendorStubs.SESSION_ID + "/signers/no-such-signer/uploads")
                .then().statusCode(404).body("type", equalTo("urn:esign-gateway:problem:session-not-found"));
        assertThat(VendorStubs.count(vendor, getRequestedFor(urlPathMatching("/rest/v1/signer/docs/.*")))).isZero();
    }

    @Test
    void aSignerWithoutUploadsHasAnEmptyPageAndTheVendorsRefusalIsAProblem() {
        session();
        page(0, "");
        Requests.conforming().get(UPLOADS).then().statusCode(200).body("uploads", org.hamcrest.Matchers.empty())
                .body("hasMore", equalTo(false));
        vendor.stubFor(get(urlPathEqualTo(VENDOR_PAGE.formatted(0))).willReturn(VendorStubs.error("Error: Session not found.")));
        Requests.conforming().get(UPLOADS).then().statusCode(404);
    }

    @Test
    void readersMayListAndFetch() {
        session();
        page(0, file("\"FileName\":\"scan.pdf\"", PDF));
        RestAssured.given().header("X-API-Key", Requests.READER_KEY).get(UPLOADS).then().statusCode(200);
        RestAssured.given().header("X-API-Key", Requests.READER_KEY).get(UPLOADS + "/1").then().statusCode(200);
        RestAssured.given().get(UPLOADS).then().statusCode(401);
    }
}
