package io.aegisops.llmstandin;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * OpenAI's chat completion, error and model list shapes: a tool call's arguments travel as a JSON string and
 * its message has null content, as the API documents and langchain4j's {@code ChatCompletionResponse} reads.
 */
final class OpenAiWire implements Wire {

    @Override
    public String completion(String model, Reply.Answer answer, long id, int promptTokens) {
        String message;
        String finishReason;
        int completionTokens;
        if (answer instanceof Reply.Content content) {
            message = "{\"role\":\"assistant\",\"content\":" + Json.string(content.text()) + ",\"refusal\":null}";
            finishReason = "stop";
            completionTokens = Wire.tokens(content.text());
        } else {
            Reply.ToolCall call = (Reply.ToolCall) answer;
            message = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_" + id
                    + "\",\"type\":\"function\",\"function\":{\"name\":" + Json.string(call.name())
                    + ",\"arguments\":" + Json.string(call.argumentsJson()) + "}}],\"refusal\":null}";
            finishReason = "tool_calls";
            completionTokens = Wire.tokens(call.argumentsJson());
        }
        return "{\"id\":\"chatcmpl-" + id + "\",\"object\":\"chat.completion\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"model\":" + Json.string(model)
                + ",\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"" + finishReason + "\"}]"
                + ",\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}";
    }

    @Override
    public String error(String message, String type, String code) {
        return "{\"error\":{\"message\":" + Json.string(message) + ",\"type\":" + Json.string(type)
                + ",\"param\":null,\"code\":" + (code == null ? "null" : Json.string(code)) + "}}";
    }

    @Override
    public String models(List<String> names) {
        long created = Instant.now().getEpochSecond();
        return names.stream()
                .map(name -> "{\"id\":" + Json.string(name) + ",\"object\":\"model\",\"created\":" + created
                        + ",\"owned_by\":\"llm-standin\"}")
                .collect(Collectors.joining(",", "{\"object\":\"list\",\"data\":[", "]}"));
    }
}
