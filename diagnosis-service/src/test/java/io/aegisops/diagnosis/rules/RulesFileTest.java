package io.aegisops.diagnosis.rules;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

class RulesFileTest {

    private static final String CATCH_ALL = """
              - id: unknown
                priority: 0
                action: ESCALATE
                confidence: 0.3
                rootCause: nothing known
                justification: a human must look
            """;

    private static String rules(String... rules) {
        return "rules:\n" + String.join("", rules);
    }

    private static String rule(String id, String action, String confidence) {
        return """
                  - id: %s
                    priority: 10
                    when:
                      alertTypes: [CRASH]
                    action: %s
                    confidence: %s
                    rootCause: it crashed
                    justification: restart it
                """.formatted(id, action, confidence);
    }

    @Test
    void shouldLoadTheShippedRulesWithACatchAllLast() {
        RuleSet shipped = RulesFile.fromClasspath(RulesFile.DEFAULT_RESOURCE);

        assertThat(shipped.source()).isEqualTo("classpath:diagnosis-rules.yaml");
        assertThat(shipped.rules()).extracting(Rule::id).containsExactly("oom-killed-observed", "oom-killed",
                "crash-exit-137", "crash",
                "dependency-down", "memory-pressure", "cpu-saturation", "latency-lock", "unhealthy",
                "external-unmapped", "unknown");
        Rule last = shipped.rules().get(shipped.rules().size() - 1);
        assertThat(last.when().isCatchAll()).isTrue();
        assertThat(last.action()).isEqualTo(Action.ESCALATE);
    }

    @Test
    void shouldReadEveryPartOfARule() {
        RuleSet set = RulesFile.parse("test.yaml", rules("""
                  - id: oom
                    description: killed for memory
                    priority: 100
                    when:
                      alertTypes: [CRASH, OOM_KILLED]
                      metrics:
                        - { name: exitCode, op: "==", value: 137 }
                        - { name: image, op: exists }
                      evidenceContains: [OutOfMemoryError]
                      facts:
                        - { name: oomKilled, op: "==", value: true }
                    action: restart
                    confidence: 0.9
                    rootCause: "{service} OOM"
                    justification: raise the limit
                """, CATCH_ALL));

        Rule oom = set.find("oom").orElseThrow();
        assertThat(oom.description()).isEqualTo("killed for memory");
        assertThat(oom.priority()).isEqualTo(100);
        assertThat(oom.when().alertTypes()).containsExactly(AlertType.CRASH, AlertType.OOM_KILLED);
        assertThat(oom.when().metrics()).extracting(MetricCondition::name, MetricCondition::op)
                .containsExactly(tuple("exitCode", Operator.EQ),
                        tuple("image", Operator.EXISTS));
        assertThat(oom.when().evidenceContains()).containsExactly("OutOfMemoryError");
        assertThat(oom.when().facts()).extracting(MetricCondition::name, MetricCondition::op, MetricCondition::value)
                .containsExactly(tuple("oomKilled", Operator.EQ, true));
        assertThat(oom.when().onFactsOnly()).isFalse();
        assertThat(oom.action()).isEqualTo(Action.RESTART);
        assertThat(oom.confidence()).isEqualTo(0.9);
        assertThat(oom.rootCause()).isEqualTo("{service} OOM");
    }

    @Test
    void shouldRejectAnUnknownActionNamingTheFileAndTheRule() {
        assertThatThrownBy(() -> RulesFile.parse("/etc/aegis/rules.yaml", rules(rule("crash", "REBOOT", "0.9"), CATCH_ALL)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageStartingWith("Invalid diagnosis rules file '/etc/aegis/rules.yaml': ")
                .hasMessageContaining("rules[0].action: 'REBOOT' is not one of [RESTART, STOP, START");
    }

    @Test
    void shouldRejectAConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> RulesFile.parse("r.yaml", rules(rule("a", "RESTART", "1.5"),
                rule("b", "RESTART", "-0.1"), CATCH_ALL)))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessageContaining("rules[0].confidence: must be between 0 and 1, got 1.5")
                .hasMessageContaining("rules[1].confidence: must be between 0 and 1, got -0.1");
    }

    @Test
    void shouldListEveryMissingFieldAtOnce() {
        InvalidRulesException e = (InvalidRulesException) catchThrowable(() ->
                RulesFile.parse("r.yaml", rules("  - description: nothing else\n", CATCH_ALL)));

        assertThat(e.problems()).containsExactly("rules[0].id: is required", "rules[0].priority: is required",
                "rules[0].action: is required", "rules[0].confidence: is required", "rules[0].rootCause: is required",
                "rules[0].justification: is required");
    }

    @Test
    void shouldRejectDuplicateIds() {
        assertThatThrownBy(() -> RulesFile.parse("r.yaml", rules(rule("crash", "RESTART", "0.9"),
                rule("crash", "ESCALATE", "0.4"), CATCH_ALL)))
                .hasMessageContaining("rules[1].id: duplicate id 'crash' (also rules[0])");
    }

    @Test
    void shouldRequireACatchAllRule() {
        assertThatThrownBy(() -> RulesFile.parse("r.yaml", rules(rule("crash", "RESTART", "0.9"))))
                .hasMessageContaining("no catch-all rule");
    }

    @Test
    void shouldRejectUnknownFieldsSoThatTyposDoNotChangeTheWinner() {
        assertThatThrownBy(() -> RulesFile.parse("r.yaml", rules(rule("crash", "RESTART", "0.9")
                .replace("priority: 10", "priorty: 10"), CATCH_ALL)))
                .hasMessageContaining("rules[0].priorty: unknown field")
                .hasMessageContaining("rules[0].priority: is required");
    }

    @Test
    void shouldRejectMeaninglessConditions() {
        String bad = """
                  - id: bad
                    priority: 5
                    when:
                      alertTypes: [GREMLINS]
                      metrics:
                        - { name: exitCode, op: "=~", value: 1 }
                        - { name: heap, op: ">", value: high }
                        - { name: exitCode, op: exists, value: 1 }
                        - { op: "==", value: 1 }
                      evidenceContains: [""]
                    action: RESTART
                    confidence: 0.5
                    rootCause: x
                    justification: y
                """;

        InvalidRulesException e = (InvalidRulesException) catchThrowable(() ->
                RulesFile.parse("r.yaml", rules(bad, CATCH_ALL)));

        assertThat(e.problems()).containsExactly(
                "rules[0].when.alertTypes[0]: 'GREMLINS' is not one of " + Arrays.toString(AlertType.values()),
                "rules[0].when.metrics[0].op: '=~' is not one of [==, !=, >, >=, <, <=, exists, absent]",
                "rules[0].when.metrics[1].value: '>' needs a number, got \"high\"",
                "rules[0].when.metrics[2].value: 'exists' takes no value",
                "rules[0].when.metrics[3].name: is required",
                "rules[0].when.evidenceContains[0]: must be non-blank text");
    }

    @Test
    void shouldRejectWrongTypes() {
        String bad = """
                  - id: Bad Id
                    priority: high
                    when: [CRASH]
                    action: RESTART
                    confidence: "0.9"
                    rootCause: [x]
                    justification: y
                """;

        assertThatThrownBy(() -> RulesFile.parse("r.yaml", rules(bad, CATCH_ALL)))
                .hasMessageContaining("rules[0].id: 'Bad Id' must be 1-64 lower-case letters")
                .hasMessageContaining("rules[0].priority: must be a whole number, got \"high\"")
                .hasMessageContaining("rules[0].when: must be an object")
                .hasMessageContaining("rules[0].confidence: must be a number, got \"0.9\"")
                .hasMessageContaining("rules[0].rootCause: must be text");
    }

    @Test
    void shouldRejectADocumentWithoutRules() {
        assertThatThrownBy(() -> RulesFile.parse("r.yaml", "rules: []")).hasMessageContaining("rules: must be a non-empty list");
        assertThatThrownBy(() -> RulesFile.parse("r.yaml", "- a\n- b")).hasMessageContaining("must be an object with a 'rules' list");
        assertThatThrownBy(() -> RulesFile.parse("r.yaml", "")).hasMessageContaining("must be an object with a 'rules' list");
    }

    @Test
    void shouldNameTheLineOfMalformedYamlAndDuplicateKeys() {
        assertThatThrownBy(() -> RulesFile.parse("r.yaml", "rules:\n  - id: [unclosed\n"))
                .hasMessageContaining("not valid YAML").hasMessageContaining("line ");
        assertThatThrownBy(() -> RulesFile.parse("r.yaml", rules(rule("a", "RESTART", "0.9")
                .replace("priority: 10", "priority: 10\n    priority: 20"), CATCH_ALL)))
                .hasMessageContaining("Duplicate field 'priority'");
    }

    @Test
    void shouldReadAJsonFileFromDisk() throws IOException {
        Path file = tempDir().resolve("rules.json");
        Files.writeString(file, """
                {"rules": [
                  {"id": "crash", "priority": 10, "when": {"alertTypes": ["CRASH"]}, "action": "RESTART",
                   "confidence": 0.88, "rootCause": "crashed", "justification": "restart"},
                  {"id": "unknown", "priority": 0, "action": "ESCALATE", "confidence": 0.3,
                   "rootCause": "unknown", "justification": "look"}]}""");

        RuleSet set = RulesFile.fromFile(file);

        assertThat(set.source()).isEqualTo(file.toString());
        assertThat(set.rules()).extracting(Rule::id).containsExactly("crash", "unknown");
    }

    @Test
    void shouldParseAJsonFileAsJsonAndNameItInErrors() throws IOException {
        Path file = tempDir().resolve("broken.json");
        Files.writeString(file, "{\"rules\": [ }");

        assertThatThrownBy(() -> RulesFile.fromFile(file))
                .hasMessageContaining("'" + file + "'").hasMessageContaining("not valid JSON");
    }

    @Test
    void shouldNameAFileThatCannotBeRead() {
        Path missing = Path.of("/nonexistent/aegis-rules.yaml");

        assertThatThrownBy(() -> RulesFile.fromFile(missing))
                .hasMessageContaining("'/nonexistent/aegis-rules.yaml': cannot be read (NoSuchFileException");
        assertThatThrownBy(() -> RulesFile.fromClasspath("no-such-rules.yaml"))
                .hasMessageContaining("'classpath:no-such-rules.yaml': not found on the class path");
    }

    static Path tempDir() throws IOException {
        Path base = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        return Files.createTempDirectory(base, "rules-");
    }
}
