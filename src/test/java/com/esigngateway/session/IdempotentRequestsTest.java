package com.esigngateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.esigngateway.api.model.CreateSigningSessionRequest;
import com.esigngateway.testing.Contract;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The size estimate docs/api.md (Idempotency) and docs/configuration.md state for the contract's example. */
class IdempotentRequestsTest {

    @Test
    void theContractsExampleIsEstimatedAtAboutTwoAndAHalfKilobytes() throws Exception {
        CreateSigningSessionRequest example = new ObjectMapper().registerModule(new JavaTimeModule())
                .treeToValue(Contract.exampleRequest(), CreateSigningSessionRequest.class);

        long bytes = IdempotentRequests.estimatedBytes("tests\n" + "4b0c3a9e-5d7f-4e2a-9c1b-2f6e8d7a1c30", example);

        assertThat(bytes).isBetween(2_400L, 2_700L);
    }
}
