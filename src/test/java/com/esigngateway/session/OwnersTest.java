package com.esigngateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Owner patterns: exact addresses and whole domains, case ignored, no subdomains; {@code *} for all. */
class OwnersTest {

    @Test
    void exactAddressesAndDomainsMatchIgnoringCase() {
        Owners owners = Owners.of(List.of("agent@brokerage.example", " *@HR.example "));
        assertThat(owners.covers("Agent@Brokerage.EXAMPLE")).isTrue();
        assertThat(owners.covers("clerk@hr.example")).isTrue();
        assertThat(owners.covers("CLERK@HR.EXAMPLE")).isTrue();
        assertThat(owners.covers("other@brokerage.example")).isFalse();
        assertThat(owners.covers("clerk@eu.hr.example")).as("no subdomains").isFalse();
        assertThat(owners.covers("clerk@hr.example.evil")).isFalse();
        assertThat(owners.covers("clerk@evilhr.example")).isFalse();
        assertThat(owners.covers(null)).as("an owner known nowhere").isFalse();
        assertThat(owners.all()).isFalse();
    }

    @Test
    void starCoversEveryOwnerEvenAnUnknownOne() {
        Owners all = Owners.of(List.of("*"));
        assertThat(all.covers("anyone@anywhere.example")).isTrue();
        assertThat(all.covers(null)).isTrue();
        assertThat(all.all()).isTrue();
    }

    @Test
    void noPatternsMeansNobody() {
        assertThat(Owners.of(List.of()).covers("agent@brokerage.example")).isFalse();
        assertThat(Owners.of(List.of(" ", "")).none()).isTrue();
    }

    @Test
    void patternsThatAreNotOnesAreRefused() {
        for (String bad : List.of("*.example", "a*@x.example", "@x.example", "x@", "a@*.example", "a@b@c")) {
            assertThat(Owners.valid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> Owners.of(List.of(bad))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining(bad);
        }
    }
}
