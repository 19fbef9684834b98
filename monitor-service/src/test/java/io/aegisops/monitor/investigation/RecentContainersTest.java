package io.aegisops.monitor.investigation;

import com.github.dockerjava.api.model.Container;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.Labels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an investigation may read ahead on: only opted-in containers a list showed, the latest word per id, bounded. */
class RecentContainersTest {

    private static Container container(String id, String name, String state, Map<String, String> labels) {
        return EventCodec.mapper().convertValue(Map.of("Id", id, "Names", List.of("/" + name), "State", state,
                "Created", 1L, "Labels", labels), Container.class);
    }

    private static final Map<String, String> WEB = Map.of(Labels.ENABLE, "true", Labels.SERVICE, "web");

    @Test
    void shouldGuessTheContainerTheInvestigatorWouldPickFromTheLatestList() {
        RecentContainers recent = new RecentContainers(8);
        recent.remember(List.of(container("a", "web-1", "exited", WEB), container("b", "web-2", "running", WEB)));

        assertThat(recent.guess("web", null)).map(Container::getId).hasValue("b");
        assertThat(recent.guess("web", "web-1")).map(Container::getId).hasValue("a");
        assertThat(recent.guess("db", null)).isEmpty();
    }

    @Test
    void shouldKeepTheLatestStateOfAContainerAndIgnoreThoseThatDidNotOptIn() {
        RecentContainers recent = new RecentContainers(8);
        recent.remember(List.of(container("a", "web-1", "running", WEB),
                container("x", "stranger", "running", Map.of(Labels.SERVICE, "web"))));
        recent.remember(List.of(container("a", "web-1", "exited", WEB)));

        assertThat(recent.size()).isEqualTo(1);
        assertThat(recent.guess("web", null)).map(Container::getState).hasValue("exited");
        assertThat(recent.guess("stranger", "stranger")).isEmpty();
    }

    @Test
    void shouldForgetTheLeastRecentlyListedBeyondItsCapacity() {
        RecentContainers recent = new RecentContainers(2);
        Map<String, String> db = Map.of(Labels.ENABLE, "true", Labels.SERVICE, "db");
        Map<String, String> cache = Map.of(Labels.ENABLE, "true", Labels.SERVICE, "cache");
        recent.remember(List.of(container("a", "web-1", "running", WEB), container("b", "db-1", "running", db)));
        recent.remember(List.of(container("a", "web-1", "running", WEB)));
        recent.remember(List.of(container("c", "cache-1", "running", cache)));

        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.guess("db", null)).isEmpty();
        assertThat(recent.guess("web", null)).isPresent();
        assertThat(recent.guess("cache", null)).isPresent();
        assertThatThrownBy(() -> new RecentContainers(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
