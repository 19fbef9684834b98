package io.aegisops.diagnosis.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the two chat models from {@link LlmConfig} at run time, so one environment variable switches each on
 * without a rebuild (quarkus-langchain4j's own Ollama model id is fixed at build time). The builders are
 * langchain4j's; quarkus-langchain4j plugs its REST client into them. No retries here: a failed provider hands
 * over to the next one at once.
 */
final class ChatModels {

    /** Where an unconfigured provider points; {@link ModelDiagnoser} never asks one. */
    static final String UNCONFIGURED = "http://llm.unconfigured.invalid";

    private ChatModels() {
    }

    static LlmConfig config() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(LlmConfig.class);
    }

    static ChatModel cloud(LlmConfig config) {
        return OpenAiChatModel.builder()
                .baseUrl(config.cloud().baseUrl().orElse(UNCONFIGURED))
                .apiKey(config.cloud().apiKey().filter(k -> !k.isBlank()).orElse("none"))
                .modelName(config.cloud().model())
                .temperature(0.0)
                .timeout(config.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    static ChatModel local(LlmConfig config) {
        return OllamaChatModel.builder()
                .baseUrl(config.local().baseUrl().orElse(UNCONFIGURED))
                .modelName(config.local().model())
                .temperature(0.0)
                .timeout(config.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }
}
