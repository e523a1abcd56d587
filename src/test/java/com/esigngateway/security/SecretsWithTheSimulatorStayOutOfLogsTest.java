package com.esigngateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.esigngateway.security.SimulatorSecretScenario.Answer;
import com.esigngateway.testing.LogCapture;
import com.esigngateway.testing.Requests;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The {@link SimulatorSecretScenario} in-process at DEBUG: no log line, whichever
 * logger wrote it, holds the API key, the encrypted key, the token, a password or the document; nor the webhook
 * path secret or the EncryptString key when callers drop their connections in the middle of a body on those paths.
 */
@QuarkusTest
@TestProfile(DebugLogsProfile.class)
class SecretsWithTheSimulatorStayOutOfLogsTest {

    LogCapture logs;

    @BeforeEach
    void capture() {
        logs = LogCapture.install();
    }

    @AfterEach
    void release() {
        logs.uninstall();
    }

    @Test
    void noSecretReachesALogLineAtDebug() throws Exception {
        List<String> secrets = SimulatorSecretScenario.run(new SimulatorSecretScenario.Client() {
            @Override
            public Answer post(String body) {
                var answer = Requests.raw().body(body).post(Requests.PATH);
                return new Answer(answer.statusCode(), answer.asString());
            }

            @Override
            public Answer get(String pathOrUrl) {
                var answer = given().urlEncodingEnabled(false).get(pathOrUrl);
                return new Answer(answer.statusCode(), answer.asString());
            }
        });

        SimulatorSecretScenario.assertNoSecretIn(logs.lines(), secrets);
    }

    @Test
    void noSecretInAPathReachesALogLineWhenTheCallerGoesAwayMidBody() throws Exception {
        List<String> secrets = SimulatorSecretScenario.dropConnectionsMidBody(io.restassured.RestAssured.port, logs::lines);
        assertThat(logs.lines()).as("the gateway logged at DEBUG").isNotEmpty();
        assertThat(logs.linesContainingAnyOf(secrets)).as("log lines containing a secret").isEmpty();
        assertThat(logs.lines()).as("no ERROR for a caller that went away")
                .noneMatch(line -> line.contains("HTTP Request to") && line.contains("failed"));
    }
}
