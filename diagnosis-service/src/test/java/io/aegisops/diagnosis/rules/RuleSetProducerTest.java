package io.aegisops.diagnosis.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetProducerTest {

    @Test
    void shouldLoadTheShippedRulesWhenNoFileIsConfigured() {
        assertThat(RuleSetProducer.load(Optional.empty()).source())
                .isEqualTo("classpath:diagnosis-rules.yaml");
    }

    @Test
    void shouldReplaceTheShippedRulesWithTheConfiguredFile() throws IOException {
        Path file = RulesFileTest.tempDir().resolve("mine.yaml");
        Files.writeString(file, """
                rules:
                  - { id: only, priority: 0, action: ESCALATE, confidence: 0.1, rootCause: r, justification: j }
                """);

        RuleSet rules = RuleSetProducer.load(Optional.of(file));

        assertThat(rules.rules()).extracting(Rule::id).containsExactly("only");
    }

    @Test
    void shouldRefuseToStartWithAnInvalidFileNamingItAndTheProblem() throws IOException {
        Path file = RulesFileTest.tempDir().resolve("broken.yaml");
        Files.writeString(file, """
                rules:
                  - { id: only, priority: 0, action: REBOOT, confidence: 0.1, rootCause: r, justification: j }
                """);

        assertThatThrownBy(() -> RuleSetProducer.load(Optional.of(file)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("rules[0].action: 'REBOOT' is not one of");
    }
}
