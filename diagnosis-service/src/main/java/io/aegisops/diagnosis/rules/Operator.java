package io.aegisops.diagnosis.rules;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a rule compares a metric with its value. Spelled as symbols in the rules file ({@code exitCode == 137})
 * because that is how people who write alert rules already read comparisons.
 */
public enum Operator {
    EQ("=="),
    NE("!="),
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<="),
    /** The metric is reported, whatever its value. */
    EXISTS("exists"),
    /** The metric is not reported (e.g. a crash whose exit code is unknown). */
    ABSENT("absent");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    @JsonValue
    public String symbol() {
        return symbol;
    }

    /** Ordering operators only make sense for numbers; equality also works on text and booleans. */
    public boolean isOrdering() {
        return this == GT || this == GE || this == LT || this == LE;
    }

    /** EXISTS and ABSENT test presence only and take no value. */
    public boolean takesValue() {
        return this != EXISTS && this != ABSENT;
    }

    public static Optional<Operator> fromSymbol(String symbol) {
        return Arrays.stream(values()).filter(op -> op.symbol.equals(symbol)).findFirst();
    }

    /** For error messages: every accepted spelling. */
    public static String symbols() {
        return Arrays.stream(values()).map(op -> op.symbol).collect(Collectors.joining(", ", "[", "]"));
    }
}
