package io.aegisops.diagnosis.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One comparison of an alert metric with a constant, e.g. {@code exitCode == 137}. A comparison with a
 * metric the alert does not report is false, so a rule never matches on data it has not seen; use
 * {@link Operator#ABSENT} to match on a missing metric on purpose.
 *
 * @param name  metric name as the alert reports it (e.g. {@code heapUsedPercent})
 * @param op    comparison
 * @param value a {@link BigDecimal}, {@link String} or {@link Boolean}; null for EXISTS and ABSENT
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricCondition(String name, Operator op, Object value) {

    public MetricCondition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
    }

    /** @param metrics the alert's metrics object (may be null) */
    public boolean test(JsonNode metrics) {
        JsonNode metric = metrics == null ? null : metrics.get(name);
        boolean present = metric != null && !metric.isNull() && !metric.isMissingNode();
        return switch (op) {
            case EXISTS -> present;
            case ABSENT -> !present;
            case EQ -> present && isEqual(metric);
            case NE -> present && !isEqual(metric);
            case GT, GE, LT, LE -> present && compareNumbers(metric);
        };
    }

    private boolean isEqual(JsonNode metric) {
        if (value instanceof BigDecimal number) {
            BigDecimal actual = numberOf(metric);
            return actual != null && actual.compareTo(number) == 0;
        }
        if (value instanceof Boolean flag) {
            return metric.isBoolean() ? metric.booleanValue() == flag : metric.asText().equalsIgnoreCase(flag.toString());
        }
        return metric.isValueNode() && metric.asText().equals(value);
    }

    private boolean compareNumbers(JsonNode metric) {
        BigDecimal actual = numberOf(metric);
        if (actual == null || !(value instanceof BigDecimal limit)) {
            return false;
        }
        int comparison = actual.compareTo(limit);
        return switch (op) {
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> throw new IllegalStateException(op + " is not an ordering operator");
        };
    }

    /** Numbers, and text that holds one: some intakes (Alertmanager labels) only carry strings. */
    private static BigDecimal numberOf(JsonNode metric) {
        if (metric.isNumber()) {
            return metric.decimalValue();
        }
        if (metric.isTextual()) {
            try {
                return new BigDecimal(metric.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
