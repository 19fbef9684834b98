package io.aegisops.monitor.investigation;

import com.github.dockerjava.api.model.Container;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.Labels;
import io.aegisops.contract.ToolCall;
import io.aegisops.monitor.docker.DockerClients;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The investigator without an engine to read: it still completes, and says why it observed nothing; and how a
 * container a person named is picked among the opted-in ones.
 */
class InvestigatorTest {

    @Test
    void shouldObserveNothingAndSaySoWhenTheEngineIsNotConfigured() {
        Investigator investigator = new Investigator(DockerClients.create("tcp://127.0.0.1:1"),
                new InvestigatorSettings(false, 20, Duration.ofSeconds(1), Duration.ofSeconds(3)));

        Findings findings = investigator.investigate("svc", null, false);

        assertThat(findings.facts()).isEmpty();
        assertThat(findings.toolCalls()).extracting(ToolCall::outcome).singleElement()
                .satisfies(outcome -> assertThat(outcome).contains("not configured"));
        investigator.stop();
    }

    @Test
    void shouldTurnAnUnreachableEngineIntoAToolCallOutcome() {
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        Investigator investigator = new Investigator(DockerClients.create("tcp://127.0.0.1:1"),
                new InvestigatorSettings(true, 20, Duration.ofSeconds(1), Duration.ofSeconds(3)));

        Findings findings = investigator.investigate("svc", null, false);

        assertThat(findings.container()).isNull();
        assertThat(findings.facts()).isEmpty();
        assertThat(findings.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.tool()).isEqualTo("list");
            assertThat(call.outcome()).startsWith("failed: ");
        });
        investigator.stop();
    }

    @Test
    void shouldNotCallANamedTargetUnknownWhenTheEngineCouldNotBeAsked() {
        Investigator off = new Investigator(DockerClients.create("tcp://127.0.0.1:1"),
                new InvestigatorSettings(false, 20, Duration.ofSeconds(1), Duration.ofSeconds(3)));
        Investigator unreachable = new Investigator(DockerClients.create("tcp://127.0.0.1:1"),
                new InvestigatorSettings(true, 20, Duration.ofSeconds(1), Duration.ofSeconds(3)));

        assertThat(off.investigateNamed("svc")).hasValueSatisfying(findings -> {
            assertThat(findings.container()).isNull();
            assertThat(findings.toolCalls()).singleElement()
                    .satisfies(call -> assertThat(call.outcome()).contains("not configured"));
        });
        assertThat(unreachable.investigateNamed("svc")).hasValueSatisfying(findings -> {
            assertThat(findings.container()).isNull();
            assertThat(findings.toolCalls()).singleElement()
                    .satisfies(call -> assertThat(call.outcome()).startsWith("failed: "));
        });
        off.stop();
        unreachable.stop();
    }

    private static Container container(String name, String state, long created, Map<String, String> labels) {
        return EventCodec.mapper().convertValue(Map.of("Id", "id-" + name, "Names", List.of("/" + name),
                "State", state, "Created", created, "Labels", labels), Container.class);
    }

    @Test
    void shouldPickANamedContainerByItsNameElseByItsServiceAmongTheOptedInOnes() {
        Map<String, String> web = Map.of(Labels.ENABLE, "true", Labels.COMPOSE_SERVICE, "web");
        List<Container> containers = List.of(
                container("shop-web-1", "exited", 1, web),
                container("shop-web-2", "running", 2, web),
                container("shop-web-3", "exited", 3, web),
                container("api", "running", 4, Map.of(Labels.ENABLE, "true", Labels.SERVICE, "checkout",
                        Labels.COMPOSE_SERVICE, "api")),
                container("stranger", "running", 5, Map.of(Labels.COMPOSE_SERVICE, "web")));

        assertThat(Investigator.named(containers, "shop-web-3")).map(c -> c.getId()).hasValue("id-shop-web-3");
        assertThat(Investigator.named(containers, "web")).map(c -> c.getId()).hasValue("id-shop-web-2");
        assertThat(Investigator.named(containers, "checkout")).map(c -> c.getId()).hasValue("id-api");
        assertThat(Investigator.named(containers, "api")).map(c -> c.getId()).hasValue("id-api");
        assertThat(Investigator.named(containers, "stranger")).isEmpty();
        assertThat(Investigator.named(containers, "nobody")).isEmpty();
    }
}
