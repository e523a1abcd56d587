package com.esigngateway.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/** The vendor's answers as its documentation shows them, and counts of what the gateway sent. */
public final class VendorStubs {

    public static final String ENCRYPTED_KEY = "ENCRYPTED-KEY==";
    public static final String TOKEN = "TOKEN-1";
    public static final String SESSION_ID = "6f1d2c3b-8a4e-4f5a-9b6c-7d8e9f0a1b2c";
    public static final String LANDING_URL = "https://acme.stage.esignonline.net/auth/AutoLogMeIn.aspx?";

    public static final String ENCRYPT = "/rest/v1/encrypt/.*";
    public static final String GET_TOKEN = "/rest/v1/gettoken/.*";
    public static final String SESSIONS = "/rest/v1/sessions";
    public static final String LANDING = "/rest/v1/landingurl";
    public static final String SESSION = "/rest/v1/sessions/" + SESSION_ID;
    public static final String SELLER_ID = "11111111-1111-1111-1111-111111111111";
    public static final String BUYER_ID = "22222222-2222-2222-2222-222222222222";

    private VendorStubs() {
    }

    /** A vendor that works: fixed encrypted key, token, session and landing URL. */
    public static void healthy(WireMockServer vendor) {
        vendor.resetAll();
        vendor.stubFor(encrypt().willReturn(returnValue(ENCRYPTED_KEY)));
        vendor.stubFor(getToken().willReturn(returnValue(TOKEN)));
        vendor.stubFor(createSession().willReturn(sessionCreated(SESSION_ID)));
        vendor.stubFor(landingUrl().willReturn(returnValue(LANDING_URL)));
    }

    public static MappingBuilder encrypt() {
        return get(urlPathMatching(ENCRYPT));
    }

    public static MappingBuilder getToken() {
        return get(urlPathMatching(GET_TOKEN));
    }

    public static MappingBuilder createSession() {
        return post(urlPathEqualTo(SESSIONS));
    }

    public static MappingBuilder landingUrl() {
        return get(urlPathEqualTo(LANDING));
    }

    public static ResponseDefinitionBuilder returnValue(String value) {
        return json("{\"ReturnValue\":\"" + value + "\",\"Details\":null}");
    }

    /** A SessionResponse as the vendor documents it: the id and the sessions with their signers. */
    public static ResponseDefinitionBuilder sessionCreated(String id) {
        return json("{\"SigningSessionId\":\"" + id + "\",\"Sessions\":[{\"SigningSessionId\":\"" + id + "\","
                + "\"Signers\":[{\"SignerId\":\"11111111-1111-1111-1111-111111111111\",\"EmailAddress\":\"seller@example.com\",\"SignerRole\":\"Seller 1\"},"
                + "{\"SignerId\":\"22222222-2222-2222-2222-222222222222\",\"EmailAddress\":\"BUYER@example.com\",\"SignerRole\":\"Buyer 1\"}]}]}");
    }

    /**
     * A GetSession answer for {@link #SESSION_ID}, shaped as the vendor's Session classes are (SessionInfo with the
     * status code, the seller done, the buyer in the given status, a decline reason when there is one).
     */
    public static ResponseDefinitionBuilder sessionDetails(int sessionStatus, int buyerStatus, String declinedReason) {
        return json("{\"SigningSessionId\":\"" + SESSION_ID + "\",\"Sessions\":[{\"SigningSessionId\":\"" + SESSION_ID + "\","
                + "\"UserName\":\"agent@example.com\","
                + "\"SessionInfo\":{\"Title\":\"Purchase agreement - 12 Elm Street\",\"TransactionId\":\"TX-2026-0042\","
                + "\"StatusCode\":" + sessionStatus + ",\"ExpiresOn\":\"\\/Date(1798761600000)\\/\"},"
                + "\"Documents\":[{\"FileName\":\"purchase-agreement.pdf\"}],"
                + "\"Signers\":[{\"SignerId\":\"" + SELLER_ID + "\",\"EmailAddress\":\"seller@example.com\",\"FirstName\":\"Sam\","
                + "\"LastName\":\"Seller\",\"SignerRole\":\"Seller 1\",\"StatusCode\":4},"
                + "{\"SignerId\":\"" + BUYER_ID + "\",\"EmailAddress\":\"buyer@example.com\",\"FirstName\":\"Bea\","
                + "\"LastName\":\"Buyer\",\"SignerRole\":\"Buyer 1\",\"StatusCode\":" + buyerStatus
                + (declinedReason == null ? "" : ",\"DeclinedReason\":\"" + declinedReason + "\"") + "}]}]}");
    }

    /**
     * A GetSession answer for any session id, owned by {@code owner} ({@code UserName}; left out when null), sent,
     * with the buyer invited.
     */
    public static ResponseDefinitionBuilder sessionDetails(String id, String owner) {
        return sessionDetails(id, owner, 2);
    }

    /** The same in the given session status. */
    public static ResponseDefinitionBuilder sessionDetails(String id, String owner, int sessionStatus) {
        return json("{\"SigningSessionId\":\"" + id + "\",\"Sessions\":[{\"SigningSessionId\":\"" + id + "\","
                + (owner == null ? "" : "\"UserName\":\"" + owner + "\",")
                + "\"SessionInfo\":{\"Title\":\"Purchase agreement - 12 Elm Street\",\"TransactionId\":\"TX-2026-0042\","
                + "\"StatusCode\":" + sessionStatus + ",\"ExpiresOn\":\"\\/Date(1798761600000)\\/\"},"
                + "\"Documents\":[{\"FileName\":\"purchase-agreement.pdf\"}],"
                + "\"Signers\":[{\"SignerId\":\"" + SELLER_ID + "\",\"EmailAddress\":\"seller@example.com\",\"FirstName\":\"Sam\","
                + "\"LastName\":\"Seller\",\"SignerRole\":\"Seller 1\",\"StatusCode\":4},"
                + "{\"SignerId\":\"" + BUYER_ID + "\",\"EmailAddress\":\"buyer@example.com\",\"FirstName\":\"Bea\","
                + "\"LastName\":\"Buyer\",\"SignerRole\":\"Buyer 1\",\"StatusCode\":2}]}]}");
    }

    public static MappingBuilder getSession(String id) {
        return get(urlPathEqualTo(SESSIONS + "/" + id));
    }

    public static MappingBuilder getSession() {
        return get(urlPathEqualTo(SESSION));
    }

    /** An {@code "Error: …"} answer with HTTP 200, the vendor's usual way to refuse. */
    public static ResponseDefinitionBuilder error(String message) {
        return json("\"" + message + "\"");
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    public static int count(WireMockServer vendor, RequestPatternBuilder pattern) {
        return vendor.countRequestsMatching(pattern.build()).getCount();
    }

    public static int encryptCalls(WireMockServer vendor) {
        return count(vendor, getRequestedFor(urlPathMatching(ENCRYPT)));
    }

    public static int tokenCalls(WireMockServer vendor) {
        return count(vendor, getRequestedFor(urlPathMatching(GET_TOKEN)));
    }

    public static int sessionCalls(WireMockServer vendor) {
        return count(vendor, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    public static int landingCalls(WireMockServer vendor) {
        return count(vendor, getRequestedFor(urlPathEqualTo(LANDING)));
    }
}
