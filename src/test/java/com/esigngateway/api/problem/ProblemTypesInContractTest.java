package com.esigngateway.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.esigngateway.testing.Contract;

/** The problem types the contract shows in its examples are the ones the gateway sends. */
class ProblemTypesInContractTest {

    private static final Pattern TYPE = Pattern.compile("^\\s*type:\\s*(\\S+:\\S+)\\s*$", Pattern.MULTILINE);

    @Test
    void everyProblemTypeInTheContractsExamplesIsOneTheGatewaySends() throws Exception {
        List<String> sent = Arrays.stream(ProblemType.values()).map(type -> type.type().toString()).toList();
        Matcher examples = TYPE.matcher(Files.readString(Contract.FILE));
        List<String> shown = examples.results().map(match -> match.group(1)).toList();

        assertThat(shown).as("problem types in the contract's examples").isNotEmpty().allSatisfy(type ->
                assertThat(sent).contains(type));
    }
}
