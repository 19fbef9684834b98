package io.aegisops.diagnosis.llm;

import dev.langchain4j.model.chat.ChatModel;

import java.util.function.Supplier;

/** The Ollama chat model behind {@link LocalAssistant}, built from {@link LlmConfig} when the assistant is created. */
public class LocalChatModel implements Supplier<ChatModel> {

    @Override
    public ChatModel get() {
        return ChatModels.local(ChatModels.config());
    }
}
