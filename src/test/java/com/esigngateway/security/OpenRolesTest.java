package com.esigngateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** With authentication off, purging (irreversible) stays a dev-mode convenience: never anonymous in a deployment. */
class OpenRolesTest {

    @Test
    void anAnonymousCallerPurgesOnlyInDevMode() {
        assertThat(ApiKeyAuthenticationMechanism.openRoles(LaunchMode.DEVELOPMENT))
                .containsExactlyInAnyOrder(Roles.SIGNING_SESSIONS, Roles.SIGNING_SESSIONS_PURGE);
        assertThat(ApiKeyAuthenticationMechanism.openRoles(LaunchMode.NORMAL)).containsExactly(Roles.SIGNING_SESSIONS);
        assertThat(ApiKeyAuthenticationMechanism.openRoles(LaunchMode.TEST)).containsExactly(Roles.SIGNING_SESSIONS);
    }
}
