package io.aegisops.monitor.docker;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Labels;
import io.aegisops.contract.StackScope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.aegisops.monitor.docker.Events.SECOND;
import static io.aegisops.monitor.docker.Events.T0;
import static io.aegisops.monitor.docker.Events.labelled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decisions behind each verdict, including the reason recorded for every suppressed event. */
class ContainerEventClassifierTest {

    private final ContainerEventClassifier classifier = new ContainerEventClassifier(Duration.ofMinutes(1));

    private ContainerEventClassifier.Verdict classify(String id, String action, long time, Map<String, String> extra) {
        Map<String, String> attributes = labelled("app-1");
        attributes.putAll(extra);
        return classifier.classify(ContainerEvent.from(Events.container(id, action, time, attributes)).orElseThrow());
    }

    @Test
    void shouldExplainWhyADieAfterAKillIsIgnored() {
        classify("a", "kill", T0, Map.of("signal", "15"));

        ContainerEventClassifier.Verdict verdict = classify("a", "die", T0 + SECOND, Map.of("exitCode", "143"));

        assertThat(verdict.raisesAlert()).isFalse();
        assertThat(verdict.reason()).startsWith("intentional stop").contains("signal 15");
    }

    @Test
    void shouldOnlyLetAKillExcuseTheDieOfTheSameContainer() {
        classify("a", "kill", T0, Map.of("signal", "9"));

        assertThat(classify("b", "die", T0 + 1, Map.of("exitCode", "137")).alert()).isEqualTo(AlertType.OOM_KILLED);
    }

    @Test
    void shouldLetAKillExcuseOnlyTheDieThatFollowsIt() {
        classify("a", "kill", T0, Map.of("signal", "15"));
        classify("a", "die", T0 + 1, Map.of("exitCode", "143"));

        assertThat(classify("a", "die", T0 + 2, Map.of("exitCode", "1")).alert()).isEqualTo(AlertType.CRASH);
    }

    @Test
    void shouldLeaveAnotherStacksContainerAloneAndSayWhy() {
        ContainerEventClassifier suite = new ContainerEventClassifier(Duration.ofMinutes(1),
                new StackScope("aegisops-test", true));
        Map<String, String> users = labelled("app-1");
        users.put(Labels.STACK, "aegisops");
        Map<String, String> ours = labelled("app-2");
        ours.put(Labels.STACK, "aegisops-test");

        ContainerEventClassifier.Verdict verdict = suite.classify(ContainerEvent.from(
                Events.container("a", "die", T0, withExit(users))).orElseThrow());

        assertThat(verdict.raisesAlert()).isFalse();
        assertThat(verdict.reason()).isEqualTo("container left alone: it belongs to AegisOps stack 'aegisops'"
                + " (aegis.stack), not to 'aegisops-test'");
        assertThat(suite.classify(ContainerEvent.from(Events.container("b", "die", T0, withExit(labelled("app-3"))))
                .orElseThrow()).reason()).contains("names no stack");
        assertThat(suite.classify(ContainerEvent.from(Events.container("c", "die", T0, withExit(ours)))
                .orElseThrow()).alert()).isEqualTo(AlertType.CRASH);
    }

    private static Map<String, String> withExit(Map<String, String> labels) {
        Map<String, String> attributes = new java.util.HashMap<>(labels);
        attributes.put("exitCode", "1");
        return attributes;
    }

    @Test
    void shouldReportADieWithoutAnExitCodeAsACrashRatherThanDropIt() {
        assertThat(classify("a", "die", T0, Map.of()).alert()).isEqualTo(AlertType.CRASH);
    }

    @Test
    void shouldReportTheOomOfAProcessInsideAContainerThatSurvives() {
        assertThat(classify("a", "oom", T0, Map.of()).alert()).isEqualTo(AlertType.OOM_KILLED);
        assertThat(classify("a", "die", T0 + 1, Map.of("exitCode", "1")).alert()).isEqualTo(AlertType.CRASH);
    }

    @Test
    void shouldRaiseUnhealthyForEveryTransitionToUnhealthy() {
        assertThat(classify("a", "health_status: unhealthy", T0, Map.of()).alert()).isEqualTo(AlertType.UNHEALTHY);
        assertThat(classify("a", "health_status: healthy", T0 + 1, Map.of()).raisesAlert()).isFalse();
        assertThat(classify("a", "health_status: unhealthy", T0 + 2, Map.of()).alert()).isEqualTo(AlertType.UNHEALTHY);
    }

    @Test
    void shouldIgnoreLifecycleActionsThatAreNotFaults() {
        assertThat(classify("a", "start", T0, Map.of()).raisesAlert()).isFalse();
        assertThat(classify("a", "destroy", T0, Map.of()).raisesAlert()).isFalse();
        assertThat(classify("a", "pause", T0, Map.of()).raisesAlert()).isFalse();
    }

    @Test
    void shouldRejectANonPositiveKillWindow() {
        assertThatThrownBy(() -> new ContainerEventClassifier(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kill-window");
    }
}
