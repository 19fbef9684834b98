package io.aegisops.diagnosis.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a rules file (YAML, or JSON when the name ends in {@code .json}). Validation walks the
 * document by hand instead of binding it, so every problem is reported with its path
 * ({@code rules[2].confidence}) and all problems are reported at once. Unknown fields are errors: a typo
 * such as {@code priorty} would otherwise silently change which rule wins.
 */
public final class RulesFile {

    /** The rules shipped with the service. */
    public static final String DEFAULT_RESOURCE = "diagnosis-rules.yaml";

    private static final Set<String> ROOT_FIELDS = Set.of("rules");
    private static final Set<String> RULE_FIELDS = Set.of("id", "description", "priority", "when", "action",
            "confidence", "rootCause", "justification");
    private static final Set<String> WHEN_FIELDS = Set.of("alertTypes", "metrics", "evidenceContains", "facts");
    private static final Set<String> METRIC_FIELDS = Set.of("name", "op", "value");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private RulesFile() {
    }

    /** Reads a rules file from the file system (the {@code aegis.diagnosis.rules-file} setting). */
    public static RuleSet fromFile(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidRulesException(source, List.of("cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
        }
        return parse(source, text);
    }

    /** Reads a rules file from the class path. */
    public static RuleSet fromClasspath(String resource) {
        String source = "classpath:" + resource;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidRulesException(source, List.of("not found on the class path"));
            }
            return parse(source, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidRulesException(source, List.of("cannot be read (" + e.getMessage() + ")"));
        }
    }

    /**
     * Parses and validates a document.
     *
     * @param source names the document in messages; {@code .json} at its end selects JSON, anything else YAML
     * @throws InvalidRulesException listing every problem
     */
    public static RuleSet parse(String source, String text) {
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        JsonNode root;
        try {
            root = (json ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidRulesException(source, List.of("not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage() + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")));
        }
        List<String> problems = new ArrayList<>();
        List<Rule> rules = readRoot(root, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(source, problems);
        }
        return new RuleSet(source, rules);
    }

    private static List<Rule> readRoot(JsonNode root, List<String> problems) {
        if (root == null || !root.isObject()) {
            problems.add("the document must be an object with a 'rules' list");
            return List.of();
        }
        unknownFields(root, ROOT_FIELDS, "", problems);
        JsonNode list = root.get("rules");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add("rules: must be a non-empty list");
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "rules[" + i + "]";
            Rule rule = readRule(list.get(i), path, problems);
            if (rule == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(rule.id(), i);
            if (earlier != null) {
                problems.add(path + ".id: duplicate id '" + rule.id() + "' (also rules[" + earlier + "])");
            }
            rules.add(rule);
        }
        if (problems.isEmpty() && rules.stream().noneMatch(rule -> rule.when().isCatchAll())) {
            problems.add("rules: no catch-all rule; add one without 'when' (lowest priority) so every incident"
                    + " gets a diagnosis");
        }
        return rules;
    }

    /** @return the rule, or null when it has problems (which are added) */
    private static Rule readRule(JsonNode node, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(path + ": must be an object");
            return null;
        }
        int before = problems.size();
        unknownFields(node, RULE_FIELDS, path + ".", problems);
        String id = requiredText(node, "id", path, problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(path + ".id: '" + id + "' must be 1-64 lower-case letters, digits, '.', '_' or '-'");
        }
        String description = optionalText(node, "description", path, problems);
        Integer priority = requiredInt(node, "priority", path, problems);
        Conditions when = readWhen(node.get("when"), path + ".when", problems);
        Action action = requiredEnum(node, "action", Action.class, path, problems);
        Double confidence = requiredNumber(node, "confidence", path, problems);
        if (confidence != null && (confidence < 0 || confidence > 1)) {
            problems.add(path + ".confidence: must be between 0 and 1, got " + node.get("confidence").asText());
        }
        String rootCause = requiredText(node, "rootCause", path, problems);
        String justification = requiredText(node, "justification", path, problems);
        if (problems.size() > before) {
            return null;
        }
        return new Rule(id, description, priority, when, action, confidence, rootCause, justification);
    }

    private static Conditions readWhen(JsonNode node, String path, List<String> problems) {
        if (node == null || node.isNull()) {
            return Conditions.ALWAYS;
        }
        if (!node.isObject()) {
            problems.add(path + ": must be an object");
            return Conditions.ALWAYS;
        }
        unknownFields(node, WHEN_FIELDS, path + ".", problems);
        List<AlertType> types = new ArrayList<>();
        forEachElement(node, "alertTypes", path, problems, (element, elementPath) -> {
            AlertType type = enumValue(element, AlertType.class, elementPath, problems);
            if (type != null) {
                types.add(type);
            }
        });
        List<MetricCondition> metrics = new ArrayList<>();
        forEachElement(node, "metrics", path, problems, (element, elementPath) -> {
            MetricCondition condition = readMetric(element, elementPath, problems);
            if (condition != null) {
                metrics.add(condition);
            }
        });
        List<String> texts = new ArrayList<>();
        forEachElement(node, "evidenceContains", path, problems, (element, elementPath) -> {
            if (element.isTextual() && !element.textValue().isBlank()) {
                texts.add(element.textValue());
            } else {
                problems.add(elementPath + ": must be non-blank text");
            }
        });
        List<MetricCondition> facts = new ArrayList<>();
        forEachElement(node, "facts", path, problems, (element, elementPath) -> {
            MetricCondition condition = readMetric(element, elementPath, problems);
            if (condition != null) {
                facts.add(condition);
            }
        });
        return new Conditions(types, metrics, texts, facts);
    }

    private static MetricCondition readMetric(JsonNode node, String path, List<String> problems) {
        if (!node.isObject()) {
            problems.add(path + ": must be an object with name, op and value");
            return null;
        }
        int before = problems.size();
        unknownFields(node, METRIC_FIELDS, path + ".", problems);
        String name = requiredText(node, "name", path, problems);
        String symbol = requiredText(node, "op", path, problems);
        Operator op = null;
        if (symbol != null) {
            op = Operator.fromSymbol(symbol.trim().toLowerCase(Locale.ROOT)).orElse(null);
            if (op == null) {
                problems.add(path + ".op: '" + symbol + "' is not one of " + Operator.symbols());
            }
        }
        JsonNode raw = node.get("value");
        Object value = null;
        if (op != null && !op.takesValue()) {
            if (raw != null && !raw.isNull()) {
                problems.add(path + ".value: '" + op.symbol() + "' takes no value");
            }
        } else if (op != null) {
            if (raw == null || raw.isNull()) {
                problems.add(path + ".value: is required for '" + op.symbol() + "'");
            } else if (raw.isNumber()) {
                value = raw.decimalValue();
            } else if (op.isOrdering()) {
                problems.add(path + ".value: '" + op.symbol() + "' needs a number, got " + raw);
            } else if (raw.isTextual()) {
                value = raw.textValue();
            } else if (raw.isBoolean()) {
                value = raw.booleanValue();
            } else {
                problems.add(path + ".value: must be a number, text or boolean");
            }
        }
        return problems.size() > before ? null : new MetricCondition(name, op, value);
    }

    private interface ElementReader {
        void read(JsonNode element, String path);
    }

    private static void forEachElement(JsonNode parent, String field, String path, List<String> problems,
                                       ElementReader reader) {
        JsonNode list = parent.get(field);
        if (list == null || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            problems.add(path + "." + field + ": must be a list");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            reader.read(list.get(i), path + "." + field + "[" + i + "]");
        }
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String prefix, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(prefix + name + ": unknown field (allowed: " + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static String requiredText(JsonNode node, String field, String path, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isBlank())) {
            problems.add(path + "." + field + ": is required");
            return null;
        }
        if (!value.isTextual()) {
            problems.add(path + "." + field + ": must be text, got " + value);
            return null;
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String field, String path, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return requiredText(node, field, path, problems);
    }

    private static Integer requiredInt(JsonNode node, String field, String path, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problems.add(path + "." + field + ": is required");
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(path + "." + field + ": must be a whole number, got " + value);
            return null;
        }
        return value.intValue();
    }

    private static Double requiredNumber(JsonNode node, String field, String path, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problems.add(path + "." + field + ": is required");
            return null;
        }
        if (!value.isNumber()) {
            problems.add(path + "." + field + ": must be a number, got " + value);
            return null;
        }
        return value.doubleValue();
    }

    private static <E extends Enum<E>> E requiredEnum(JsonNode node, String field, Class<E> type, String path,
                                                     List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            problems.add(path + "." + field + ": is required");
            return null;
        }
        return enumValue(value, type, path + "." + field, problems);
    }

    private static <E extends Enum<E>> E enumValue(JsonNode value, Class<E> type, String path, List<String> problems) {
        String text = value.isTextual() ? value.textValue().trim() : value.toString();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        problems.add(path + ": '" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }
}
