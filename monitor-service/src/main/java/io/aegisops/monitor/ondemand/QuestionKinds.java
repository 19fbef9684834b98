package io.aegisops.monitor.ondemand;

import io.aegisops.contract.AlertType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which fault kinds a person's question points at, from its words ("why is checkout slow?" → LATENCY), so the
 * report answers those first. A fixed keyword map, not a language model: the same question always gets the same
 * order, and a question that names nothing still gets every kind checked.
 */
public final class QuestionKinds {

    /** Whole words (and their usual endings) per kind list, in the order the kinds are answered. */
    private static final Map<Pattern, List<AlertType>> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put(word("slow(er|est|ly|ness|s)?|latenc(y|ies)"), List.of(AlertType.LATENCY));
        WORDS.put(word("memory|leak(s|ed|ing|y)?|oom(s|ed)?"),
                List.of(AlertType.MEMORY_PRESSURE, AlertType.OOM_KILLED));
        WORDS.put(word("cpus?"), List.of(AlertType.CPU_SATURATION));
        WORDS.put(word("crash(es|ed|ing)?|restart(s|ed|ing)?|down"), List.of(AlertType.CRASH));
    }

    private QuestionKinds() {
    }

    /** The kinds the question's words point at, in the order its words name them, each once; empty for none. */
    public static List<AlertType> of(String question) {
        String text = question == null ? "" : question.toLowerCase(Locale.ROOT);
        Map<Integer, List<AlertType>> byPosition = new TreeMap<>();
        WORDS.forEach((pattern, kinds) -> {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                byPosition.merge(matcher.start(), kinds, (a, b) -> {
                    List<AlertType> both = new ArrayList<>(a);
                    both.addAll(b);
                    return both;
                });
            }
        });
        return byPosition.values().stream().flatMap(List::stream).distinct().toList();
    }

    private static Pattern word(String alternatives) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternatives + ")(?![\\p{L}\\p{N}])");
    }
}
