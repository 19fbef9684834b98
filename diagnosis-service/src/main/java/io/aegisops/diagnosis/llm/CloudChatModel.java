package io.aegisops.diagnosis.llm;

import dev.langchain4j.model.chat.ChatModel;

import java.util.function.Supplier;

/** The OpenAI-compatible chat model behind {@link CloudAssistant}, built from {@link LlmConfig} when the assistant is created. */
public class CloudChatModel implements Supplier<ChatModel> {

    @Override
    public ChatModel get() {
        return ChatModels.cloud(ChatModels.config());
    }
}
