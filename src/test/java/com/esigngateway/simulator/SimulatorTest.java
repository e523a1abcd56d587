package com.esigngateway.simulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;
import com.esigngateway.testing.Requests;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The gateway against its embedded simulator, and the simulator's own vendor behaviour. Plain HTTP, so
 * it runs against the packaged application too ({@code SimulatorIT}).
 */
@QuarkusTest
@TestProfile(SimulatorProfile.class)
class SimulatorTest {

    static final String SIM = "/simulator/rest/v1";

    @AfterEach
    void noFaults() {
        admin().body(Map.of()).put("/simulator/admin/faults").then().statusCode(200);
    }

    @Test
    void theContractExampleCreatesASessionWhoseContinueLinkOpens() {
        String continueUrl = Requests.create(Contract.exampleRequest()).statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("signers.id", org.hamcrest.Matchers.everyItem(matchesPattern("[0-9a-f-]{36}")))
                .body("continueUrl", startsWith("http://127.0.0.1:"))
                .extract().path("continueUrl");

        assertThat(continueUrl).contains("/simulator/auth/AutoLogMeIn.aspx?token=").contains("&user=agent%40example.com")
                .endsWith("&page=continue");
        given().urlEncodingEnabled(false).when().get(continueUrl).then().statusCode(200)
                .body(containsString("Purchase agreement - 12 Elm Street"))
                .body(containsString("Signed in as agent@example.com"));
    }

    @Test
    void aSessionIsReadReinvitedRelinkedAndCancelledThroughTheGateway() {
        var created = Requests.create(Contract.exampleRequest()).statusCode(201).extract();
        String location = created.header("Location");
        String signerId = created.path("signers[1].id");

        Requests.conforming().get(location).then().statusCode(200)
                .body("status", equalTo("SENT")).body("owner", equalTo("agent@example.com"))
                .body("signers.status", org.hamcrest.Matchers.contains("INVITED", "INVITED"));
        Requests.conforming().queryParam("owner", "agent@example.com").queryParam("transactionId", "TX-2026-0042")
                .get(Requests.PATH).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(created.path("id").toString()));
        Requests.conforming().body(Map.of("signerIds", java.util.List.of(signerId))).post(location + "/invitations")
                .then().statusCode(202).body("signerIds", org.hamcrest.Matchers.contains(signerId));
        String renewed = Requests.conforming().post(location + "/continue-link").then().statusCode(200)
                .extract().path("continueUrl");
        given().urlEncodingEnabled(false).when().get(renewed).then().statusCode(200)
                .body(containsString("Signed in as agent@example.com"));
        Requests.conforming().post(location + "/signers/" + signerId + "/link").then().statusCode(200)
                .body("url", containsString("signer=" + signerId));
        Requests.conforming().post(location + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Requests.conforming().post(location + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        Requests.conforming().get(location + "/audit-trail").then().statusCode(200)
                .body("entries.description", org.hamcrest.Matchers.hasItems("Session created and sent to signers",
                        "Invitation sent to buyer@example.com", "Session cancelled"));
        Requests.conforming().get(Requests.PATH + "/no-such-session").then().statusCode(404)
                .body("type", equalTo("urn:esign-gateway:problem:session-not-found"));
    }

    /** A signer's email corrected in the simulator, and the signer invited again at the new address. */
    @Test
    void aSignersEmailIsCorrectedAndTheSignerInvitedAgain() {
        var created = Requests.create(Contract.exampleRequest()).statusCode(201).extract();
        String location = created.header("Location");
        String buyer = created.path("signers[1].id");
        Requests.raw().contentType("application/json").body("{\"email\":\"bea.new@example.com\"}")
                .queryParam("resendInvitation", true).patch(location + "/signers/" + buyer).then().statusCode(200)
                .body("signer.email", equalTo("bea.new@example.com")).body("signer.id", equalTo(buyer))
                .body("invitation", equalTo("SENT"));
        Requests.conforming().get(location).then().statusCode(200)
                .body("signers[1].email", equalTo("bea.new@example.com"));
        Requests.conforming().get(location + "/audit-trail").then().statusCode(200)
                .body("entries.description", org.hamcrest.Matchers.hasItems("Signer Buyer 1 corrected",
                        "Invitation sent to bea.new@example.com"));
    }

    /** Purges in the simulator: refused while the session is sent, a waiting purge called off, a purge at once. */
    @Test
    void aFinishedSessionIsPurgedThroughTheGatewayAndAWaitingPurgeCanBeCalledOff() {
        String location = Requests.create(Contract.exampleRequest()).statusCode(201).extract().header("Location");
        Requests.conforming().post(location + "/purge").then().statusCode(409)
                .body("type", equalTo("urn:esign-gateway:problem:session-state-conflict"));
        Requests.conforming().post(location + "/cancel").then().statusCode(200);

        Requests.conforming().post(location + "/purge").then().statusCode(202).body("status", equalTo("CANCELLED"));
        Requests.conforming().post(location + "/purge/cancel").then().statusCode(202);
        Requests.conforming().post(location + "/purge/cancel").then().statusCode(409)
                .body("detail", containsString("not waiting to be purged"));
        Requests.conforming().body(Map.of("now", true)).post(location + "/purge").then().statusCode(202)
                .body("status", equalTo("PURGED"));
        Requests.conforming().post(location + "/purge").then().statusCode(409);
        Requests.conforming().get(location + "/audit-trail").then().statusCode(200)
                .body("entries.description", org.hamcrest.Matchers.hasItems("Documents to be purged", "Purge cancelled",
                        "Documents purged"));
    }

    @Test
    void aFiftyMebibyteDocumentGoesThroughTheGatewayToItsEmbeddedSimulator() {
        byte[] document = new byte[50 * 1024 * 1024];
        new java.util.Random(50).nextBytes(document);
        ObjectNode request = Contract.exampleRequest();
        ((ObjectNode) request.withArray("documents").get(0))
                .put("content", java.util.Base64.getEncoder().encodeToString(document));

        // the gateway's vendor body is ~180 MB, beyond the callers' 140M limit, which is not the simulator's
        var answer = Requests.raw().body(Contract.json(request)).post(Requests.PATH).then().extract();

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
        assertThat(answer.jsonPath().getString("id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void anOwnerTheVendorDoesNotKnowIsAContentProblem() {
        ObjectNode request = Contract.exampleRequest();
        request.put("owner", "stranger@example.com");
        Requests.create(request).statusCode(422).body("detail", equalTo("Error: Username not found."));
    }

    @Test
    void injectedVendorErrorsAreClassified() {
        Requests.create(Contract.exampleRequest()).statusCode(201); // holds a token: the faults hit CreateSession
        faults(Map.of("errorRate", 1.0));
        Requests.create(Contract.exampleRequest()).statusCode(502);
        faults(Map.of("garbageRate", 1.0));
        Requests.create(Contract.exampleRequest()).statusCode(502);
        faults(Map.of("tokenRejectionRate", 1.0));
        Requests.create(Contract.exampleRequest()).statusCode(502)
                .body("detail", startsWith("The vendor rejected a freshly issued token"));
    }

    @Test
    void encryptAndGetTokenFollowTheDocumentedTwoSteps() {
        String encrypted = given().get(SIM + "/encrypt/sim-api-key/some-salt").then().statusCode(200)
                .extract().path("ReturnValue");
        given().header("Authorization", encrypted).get(SIM + "/gettoken/some-salt").then().statusCode(200)
                .body("ReturnValue", matchesPattern("[A-Za-z0-9+/=]{32}"));
        given().header("Authorization", encrypted).get(SIM + "/gettoken/other-salt").then().statusCode(200)
                .body("ReturnValue", equalTo("Error: Invalid API key"));
    }

    @Test
    void sessionsRequireAValidToken() {
        given().contentType(ContentType.JSON).header("Authorization", "made-up").body("{}")
                .post(SIM + "/sessions").then().statusCode(200)
                .body(equalTo("\"Error: Bad Token Information. Please authenticate.\""));
    }

    @Test
    void theSimulatorEnforcesTheVendorsSessionRules() {
        String token = token();
        String signer = "{\"EmailAddress\":\"a@example.com\",\"LastName\":\"A\",\"SignerRole\":\"Buyer 1\",\"AuthMethods\":[],\"Properties\":{}}";
        String document = "{\"FileName\":\"a.pdf\",\"FileBytes\":[37,80,68,70]}";

        assertThat(vendorAnswer(token, "[" + document + "]", "[" + signer + "," + signer.replace("a@", "b@") + "]"))
                .isEqualTo("\"Error: Role Buyer 1 is already assigned to signer a@example.com.\"");
        assertThat(vendorAnswer(token, "[{\"FileName\":\"a.pdf\",\"FileBytes\":[37,300]}]", "[" + signer + "]"))
                .isEqualTo("\"Error: a.pdf did not upload.\"");
        assertThat(vendorAnswer(token, "[" + document + "]", "[" + signer.replace("\"LastName\":\"A\",", "") + "]"))
                .isEqualTo("\"Error: All signers must have a last name and valid email address.\"");
        assertThat(vendorAnswer(token, "[" + document + "]", "[" + signer.replace("\"AuthMethods\":[],", "") + "]"))
                .isEqualTo("\"Error: Object reference not set to an instance of an object.\"");
        assertThat(vendorAnswer(token, "[" + document + "]", "[" + signer + "]")).contains("\"SigningSessionId\":");
    }

    @Test
    void theSimulatorRefusesAnSmsSignerWithoutAPhoneAsTheVendorWould() {
        String token = token();
        String document = "[{\"FileName\":\"a.pdf\",\"FileBytes\":[37,80,68,70]}]";
        String sms = "{\"EmailAddress\":\"a@example.com\",\"LastName\":\"A\",\"SignerRole\":\"Buyer 1\",\"AuthMethod\":4,"
                + "%s\"AuthMethods\":[],\"Properties\":{}}";

        assertThat(vendorAnswer(token, document, "[" + sms.formatted("") + "]"))
                .isEqualTo("\"Error: A phone number is required for SMS authentication of signer a@example.com.\"");
        assertThat(vendorAnswer(token, document, "[" + sms.formatted("\"AuthenticationSettings\":{\"Password\":\"pw\"},") + "]"))
                .isEqualTo("\"Error: A phone number is required for SMS authentication of signer a@example.com.\"");
        assertThat(vendorAnswer(token, document,
                "[" + sms.formatted("\"AuthenticationSettings\":{\"PhoneNumber\":\"+14155550123\"},") + "]"))
                .contains("\"SigningSessionId\":");
    }

    @Test
    void anSmsSignerWithAPhoneGetsThroughTheGatewayToTheSimulator() {
        ObjectNode request = Contract.exampleRequest();
        ((ObjectNode) request.withArray("signers").get(1)).putObject("authentication")
                .put("method", "SMS").put("phone", "+14155550123");
        Requests.create(request).statusCode(201).body("id", matchesPattern("[0-9a-f-]{36}"));
    }

    private static String vendorAnswer(String token, String documents, String signers) {
        String body = "{\"userName\":\"agent@example.com\",\"session\":{\"SessionInfo\":{\"Title\":\"T\"},\"Documents\":"
                + documents + ",\"Signers\":" + signers + "}}";
        return given().contentType(ContentType.JSON).header("Authorization", token).body(body)
                .post(SIM + "/sessions").then().statusCode(200).extract().asString();
    }

    private static String token() {
        String encrypted = given().get(SIM + "/encrypt/sim-api-key/s").then().extract().path("ReturnValue");
        return given().header("Authorization", encrypted).get(SIM + "/gettoken/s").then().extract().path("ReturnValue");
    }

    private static void faults(Map<String, Object> faults) {
        admin().body(faults).put("/simulator/admin/faults").then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().contentType(ContentType.JSON).header("X-Admin-Key", SimulatorProfile.ADMIN_KEY);
    }

    @Test
    void faultInjectionNeedsTheAdminKey() {
        for (String key : new String[] {null, "", "wrong-key", SimulatorProfile.ADMIN_KEY + "x"}) {
            var request = given().contentType(ContentType.JSON).body(Map.of("errorRate", 1.0));
            if (key != null) {
                request.header("X-Admin-Key", key);
            }
            request.put("/simulator/admin/faults").then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:esign-gateway:problem:unauthorized"))
                    .body("detail", containsString("X-Admin-Key"));
        }
        given().get("/simulator/admin/faults").then().statusCode(401);
        admin().get("/simulator/admin/faults").then().statusCode(200).body("errorRate", equalTo(0.0f));
        Requests.create(Contract.exampleRequest()).statusCode(201); // nothing was switched on
    }

    @Test
    void invalidFaultsAreRefusedAndLeaveTheSimulatorWorking() {
        for (String body : new String[] {"null", "[]", "\"x\"", "{\"errorRate\": null}", "{\"errorRate\": 1.5}",
                "{\"errorRate\": \"1\"}", "{\"latencyMs\": -1}", "{\"latencyMs\": 1.5}", "{\"latencyMs\": 120001}",
                "{\"errorrate\": 1}", "{", ""}) {
            admin().body(body).put("/simulator/admin/faults").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:esign-gateway:problem:invalid-request"))
                    .body("status", equalTo(400))
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        }
        admin().get("/simulator/admin/faults").then().statusCode(200)
                .body("errorRate", equalTo(0.0f)).body("latencyMs", equalTo(0));
        String continueUrl = Requests.create(Contract.exampleRequest()).statusCode(201).extract().path("continueUrl");
        given().urlEncodingEnabled(false).get(continueUrl).then().statusCode(200);
        given().get(SIM + "/landingurl").then().statusCode(200);
    }

    /** The simulator's routes refuse the framing RFC 9112 forbids like every other route: 400, connection closed. */
    @Test
    void framingTheRfcForbidsIsRefusedOnTheSimulatorsRoutesToo() throws Exception {
        String body = "{\"x\":1}";
        String pipelined = "GET " + SIM + "/landingurl HTTP/1.1\r\nHost: localhost\r\n\r\n";
        for (String request : new String[] {
                "POST " + SIM + "/sessions HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: xchunked\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body,
                "GET " + SIM + "/encrypt/some-key/salt HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\n\r\n"}) {
            try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(),
                    io.restassured.RestAssured.port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write((request + pipelined).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; answer.size() < 1 << 20 && (n = socket.getInputStream().read(buffer)) >= 0;) {
                    answer.write(buffer, 0, n); // until the gateway closes the connection (or 10 s pass: a failure)
                }
                String text = answer.toString(java.nio.charset.StandardCharsets.UTF_8);
                assertThat(text).startsWith("HTTP/1.1 400 Bad Request").contains("urn:esign-gateway:problem:invalid-request");
                assertThat(text.split("HTTP/1.1 ", -1)).as("the pipelined request was not served").hasSize(2);
            }
        }
    }
}
