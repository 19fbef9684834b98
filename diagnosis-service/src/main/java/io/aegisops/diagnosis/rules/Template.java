package io.aegisops.diagnosis.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders in a rule's texts. A placeholder without a value becomes
 * {@value #UNKNOWN} rather than staying literal, because a diagnosis is read by people under stress and
 * "exit code unknown" reads better than "exit code {exitCode}".
 */
public final class Template {

    public static final String UNKNOWN = "unknown";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private Template() {
    }

    public static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? UNKNOWN : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
