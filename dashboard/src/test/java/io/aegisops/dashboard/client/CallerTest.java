package io.aegisops.dashboard.client;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A call goes out with the token the person authenticated with, or with none; a Caller never prints its token. */
class CallerTest {

    @Test
    void shouldCallWithTheTokenThePersonAuthenticatedWith() {
        QuarkusSecurityIdentity alice = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("alice"))
                .addCredential(new TokenCredential("aeg_alice", "Bearer")).build();

        assertThat(Caller.of(alice).token()).isEqualTo("aeg_alice");
    }

    @Test
    void shouldCallAsNobodyRatherThanLendACredential() {
        QuarkusSecurityIdentity tokenless = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("test")).build();

        assertThat(Caller.of(tokenless)).isEqualTo(Caller.NOBODY);
        assertThat(Caller.service(Optional.of(" "))).isEqualTo(Caller.NOBODY);
        assertThat(Caller.service(Optional.of("aeg_dashboard")).token()).isEqualTo("aeg_dashboard");
    }

    @Test
    void shouldNeverShowTheTokenInText() {
        assertThat(new Caller("aeg_secret").toString()).doesNotContain("aeg_secret");
    }
}
