package io.aegisops.llmstandin;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the body of {@code POST /script}, so a test that runs the stand-in as a container can script it as an
 * in-process test does with {@link LlmStandIn#answer}. One JSON object a line, each one rule, tried in order:
 * <pre>
 * {"contains":"OOMKilled","times":1,"content":"{\"cause\":\"memory\"}"}
 * {"path":"/api/chat","toolCall":"searchRunbooks","arguments":"{\"query\":\"oom\"}"}
 * {"times":2,"status":429,"retryAfter":1}
 * {"status":503,"body":"{\"error\":\"overloaded\"}"}
 * {"malformed":"this is not JSON","delayMs":3000}
 * </pre>
 * Unknown keys are refused, so a typo fails the script rather than silently matching everything.
 */
final class Script {

    static final String FORMAT = "one JSON object a line, with optional \"path\" (exact), \"contains\", \"times\""
            + " (>= 1, default 1) and \"delayMs\", and exactly one answer: \"content\"; \"toolCall\" with \"arguments\""
            + " (a JSON object, as a string); \"status\" with optional \"body\"; \"retryAfter\" (a 429); \"malformed\"";

    /** One parsed line: what {@link LlmStandIn#answer} takes. */
    record Rule(Predicate<Received> when, int times, Reply reply) {
    }

    private static final Set<String> KEYS = Set.of("path", "contains", "times", "delayMs", "content", "toolCall",
            "arguments", "status", "body", "retryAfter", "malformed");

    private Script() {
    }

    /** The rules of a script, or {@link IllegalArgumentException} naming the line that is wrong. */
    static List<Rule> parse(String script) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = script.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                try {
                    rules.add(rule(Json.object(lines[i])));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("the script has no rules");
        }
        return rules;
    }

    private static Rule rule(Map<String, Object> line) {
        line.keySet().stream().filter(key -> !KEYS.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("unknown key \"" + key + "\"");
        });
        String path = text(line, "path");
        String contains = text(line, "contains");
        int times = number(line, "times", 1);
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        Reply reply = reply(line);
        if (line.containsKey("delayMs")) {
            reply = Reply.delayed(Duration.ofMillis(number(line, "delayMs", 0)), reply);
        }
        Predicate<Received> when = r -> (path == null || r.path().equals(path)) && (contains == null || r.mentions(contains));
        return new Rule(when, times, reply);
    }

    private static Reply reply(Map<String, Object> line) {
        long answers = Stream.of("content", "toolCall", "status", "retryAfter", "malformed").filter(line::containsKey)
                .count() - (line.containsKey("status") && line.containsKey("retryAfter") ? 1 : 0);
        if (answers != 1) {
            throw new IllegalArgumentException("expected exactly one answer");
        }
        if (line.containsKey("content")) {
            return Reply.content(text(line, "content"));
        }
        if (line.containsKey("toolCall")) {
            return Reply.toolCall(text(line, "toolCall"), line.containsKey("arguments") ? text(line, "arguments") : "{}");
        }
        if (line.containsKey("retryAfter")) {
            if (number(line, "status", 429) != 429) {
                throw new IllegalArgumentException("retryAfter goes with status 429");
            }
            return Reply.tooManyRequests(number(line, "retryAfter", 0));
        }
        if (line.containsKey("status")) {
            return Reply.status(number(line, "status", 0), line.containsKey("body") ? text(line, "body") : "");
        }
        return Reply.malformed(text(line, "malformed"));
    }

    private static String text(Map<String, Object> line, String key) {
        Object value = line.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string");
        }
        return (String) value;
    }

    private static int number(Map<String, Object> line, String key, int otherwise) {
        Object value = line.get(key);
        if (value == null) {
            return otherwise;
        }
        try {
            return ((BigDecimal) value).intValueExact();
        } catch (ClassCastException | ArithmeticException e) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number");
        }
    }
}
