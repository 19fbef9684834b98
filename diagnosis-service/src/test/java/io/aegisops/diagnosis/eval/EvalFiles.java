package io.aegisops.diagnosis.eval;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Binds one eval data file strictly: unknown fields, duplicate keys and unknown enum values are errors, reported
 * as {@code file: path.to.field: problem}. Exists so a typo in a scenario ({@code corroborted: true}) fails the
 * eval instead of silently leaving the label empty.
 */
final class EvalFiles {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private EvalFiles() {
    }

    /** @throws InvalidEvalDataException naming the file and the field */
    static <T> T read(String file, String text, Class<T> type) {
        try {
            T value = YAML.readValue(text, type);
            if (value == null) {
                throw new InvalidEvalDataException(List.of(file + ": is empty"));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidEvalDataException(List.of(file + ": " + describe(e)));
        }
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return path(unknown) + ": unknown field (known: " + unknown.getKnownPropertyIds() + ")";
        }
        String message = e.getOriginalMessage().lines().findFirst().orElse("");
        return e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? path(mapping) + ": " + message
                : message + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
