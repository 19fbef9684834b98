package io.aegisops.contract;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackScopeTest {

    private static final Map<String, String> UNCLAIMED = Map.of(Labels.ENABLE, "true");
    private static final Map<String, String> OURS = Map.of(Labels.ENABLE, "true", Labels.STACK, "aegisops-test");
    private static final Map<String, String> THEIRS = Map.of(Labels.ENABLE, "true", Labels.STACK, "aegisops");

    @Test
    void shouldTakeItsOwnAndUnclaimedContainersButNeverAnotherStacks() {
        StackScope users = new StackScope("aegisops", false);

        assertThat(users.includes(UNCLAIMED)).isTrue();
        assertThat(users.includes(THEIRS)).isTrue();
        assertThat(users.includes(OURS)).isFalse();
        assertThat(users.excluded(OURS)).contains(
                "it belongs to AegisOps stack 'aegisops-test' (aegis.stack), not to 'aegisops'");
        assertThat(users.excluded(Map.of(Labels.STACK, "aegisops"))).contains("it is not labelled aegis.enable=true");
    }

    @Test
    void shouldTakeOnlyItsOwnWhenClaimedOnly() {
        StackScope suite = new StackScope("aegisops-test", true);

        assertThat(suite.includes(OURS)).isTrue();
        assertThat(suite.includes(THEIRS)).isFalse();
        assertThat(suite.excluded(UNCLAIMED)).contains(
                "it names no stack (aegis.stack) and stack 'aegisops-test' looks only after its own");
    }
}
