package io.aegisops.diagnosis.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricConditionTest {

    private static JsonNode metrics(Map<String, Object> values) {
        return EventCodec.mapper().valueToTree(values);
    }

    private static MetricCondition condition(String name, Operator op, Object value) {
        return new MetricCondition(name, op, value);
    }

    @Test
    void shouldCompareNumbersWhateverTheirJsonType() {
        JsonNode m = metrics(Map.of("exitCode", 137, "heapUsedPercent", 93.1));

        assertThat(condition("exitCode", Operator.EQ, new BigDecimal("137.0")).test(m)).isTrue();
        assertThat(condition("exitCode", Operator.NE, new BigDecimal("137")).test(m)).isFalse();
        assertThat(condition("heapUsedPercent", Operator.GE, new BigDecimal("90")).test(m)).isTrue();
        assertThat(condition("heapUsedPercent", Operator.GT, new BigDecimal("93.1")).test(m)).isFalse();
        assertThat(condition("heapUsedPercent", Operator.LE, new BigDecimal("93.1")).test(m)).isTrue();
        assertThat(condition("heapUsedPercent", Operator.LT, new BigDecimal("50")).test(m)).isFalse();
    }

    @Test
    void shouldReadNumbersSentAsText() {
        assertThat(condition("exitCode", Operator.EQ, new BigDecimal("137")).test(metrics(Map.of("exitCode", "137"))))
                .isTrue();
        assertThat(condition("exitCode", Operator.GT, new BigDecimal("1")).test(metrics(Map.of("exitCode", "n/a"))))
                .isFalse();
    }

    @Test
    void shouldCompareTextAndBooleansForEquality() {
        JsonNode m = metrics(Map.of("image", "buggy:1", "oom", true));

        assertThat(condition("image", Operator.EQ, "buggy:1").test(m)).isTrue();
        assertThat(condition("image", Operator.NE, "buggy:2").test(m)).isTrue();
        assertThat(condition("oom", Operator.EQ, Boolean.TRUE).test(m)).isTrue();
    }

    @Test
    void shouldBeFalseForAComparisonWithAMissingMetricUnlessAbsenceIsAsked() {
        JsonNode none = metrics(Map.of());

        assertThat(condition("exitCode", Operator.EQ, new BigDecimal("1")).test(none)).isFalse();
        assertThat(condition("exitCode", Operator.NE, new BigDecimal("1")).test(none)).isFalse();
        assertThat(condition("exitCode", Operator.EXISTS, null).test(none)).isFalse();
        assertThat(condition("exitCode", Operator.ABSENT, null).test(none)).isTrue();
        assertThat(condition("exitCode", Operator.ABSENT, null).test(null)).isTrue();
        assertThat(condition("exitCode", Operator.EXISTS, null).test(metrics(Map.of("exitCode", 0)))).isTrue();
    }
}
