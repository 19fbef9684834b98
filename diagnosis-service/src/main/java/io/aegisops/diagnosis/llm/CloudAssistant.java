package io.aegisops.diagnosis.llm;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;
import io.quarkiverse.langchain4j.RegisterAiService;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The OpenAI-compatible model as an AI service: the prompt of {@link Prompts}, the read-only {@link DiagnosisTools},
 * an answer parsed into {@link ModelAnswer}. The chat memory holds one conversation (its tool calls) under a fresh id
 * per question, removed when the question is answered: no incident's data ever reaches another incident's prompt.
 */
@RegisterAiService(chatLanguageModelSupplier = CloudChatModel.class, tools = DiagnosisTools.class,
        maxSequentialToolInvocations = 4)
@ApplicationScoped
public interface CloudAssistant {

    @SystemMessage(Prompts.SYSTEM)
    @UserMessage(Prompts.USER)
    ModelAnswer diagnose(@MemoryId String conversation, @V("data") String data);
}
