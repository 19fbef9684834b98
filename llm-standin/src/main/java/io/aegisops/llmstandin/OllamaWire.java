package io.aegisops.llmstandin;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Ollama's {@code /api/chat}, {@code /api/tags} and {@code /api/version} shapes: unlike OpenAI, a tool call's
 * arguments are a JSON object, the content of a tool-calling message is empty rather than null, and every answer
 * ends {@code done:true} with the durations (nanoseconds) and counts Ollama reports.
 */
final class OllamaWire implements Wire {

    /** An Ollama release whose API has tool calls and {@code done_reason}. */
    static final String VERSION = "0.6.5";

    @Override
    public String completion(String model, Reply.Answer answer, long id, int promptTokens) {
        String message;
        int evalCount;
        if (answer instanceof Reply.Content content) {
            message = "{\"role\":\"assistant\",\"content\":" + Json.string(content.text()) + "}";
            evalCount = Wire.tokens(content.text());
        } else {
            Reply.ToolCall call = (Reply.ToolCall) answer;
            message = "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":"
                    + Json.string(call.name()) + ",\"arguments\":" + call.argumentsJson() + "}}]}";
            evalCount = Wire.tokens(call.argumentsJson());
        }
        return "{\"model\":" + Json.string(model) + ",\"created_at\":\"" + Instant.now() + "\",\"message\":" + message
                + ",\"done_reason\":\"stop\",\"done\":true,\"total_duration\":" + 1_000_000L * (promptTokens + evalCount)
                + ",\"load_duration\":1000000,\"prompt_eval_count\":" + promptTokens
                + ",\"prompt_eval_duration\":" + 500_000L * promptTokens + ",\"eval_count\":" + evalCount
                + ",\"eval_duration\":" + 500_000L * evalCount + "}";
    }

    @Override
    public String error(String message, String type, String code) {
        return "{\"error\":" + Json.string(message) + "}";
    }

    @Override
    public String models(List<String> names) {
        String modified = Instant.now().toString();
        return names.stream()
                .map(name -> "{\"name\":" + Json.string(name) + ",\"model\":" + Json.string(name)
                        + ",\"modified_at\":\"" + modified + "\",\"size\":0,\"digest\":\""
                        + String.format("%064x", name.hashCode() & 0xffffffffL)
                        + "\",\"details\":{\"format\":\"gguf\",\"family\":\"llm-standin\",\"parameter_size\":\"0B\""
                        + ",\"quantization_level\":\"none\"}}")
                .collect(Collectors.joining(",", "{\"models\":[", "]}"));
    }

    String version() {
        return "{\"version\":\"" + VERSION + "\"}";
    }
}
