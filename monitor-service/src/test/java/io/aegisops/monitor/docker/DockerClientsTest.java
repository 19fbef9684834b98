package io.aegisops.monitor.docker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A misconfigured engine address fails at start-up with a message naming the property. */
class DockerClientsTest {

    @Test
    void shouldRejectAHostThatIsNotADockerAddress() {
        assertThatThrownBy(() -> DockerClients.create("http://localhost:2375"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aegis.docker.host");
        assertThatThrownBy(() -> DockerClients.create(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aegis.docker.host");
        assertThatThrownBy(() -> DockerClients.create("unix://bad path with spaces"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aegis.docker.host");
    }
}
