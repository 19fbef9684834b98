package io.aegisops.diagnosis.llm;

import io.aegisops.contract.Action;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The model diagnoser. Off unless a model is configured: {@code AEGIS_LLM_BASE_URL} switches on an OpenAI-compatible
 * API ("cloud"), {@code AEGIS_OLLAMA_URL} a local Ollama; with both, the cloud model is asked first and the local one
 * when it fails; with neither, the rules diagnose exactly as before. A key is read from the environment only and
 * never logged.
 */
@ConfigMapping(prefix = "aegis.diagnosis.llm")
public interface LlmConfig {

    Cloud cloud();

    Local local();

    /** How long one model call may take, tool calls included, before the next provider (or the rules) answers. */
    @WithDefault("20s")
    Duration timeout();

    /**
     * The actions a model may propose. An answer with any other action is rejected and the rules answer instead;
     * STOP, SCALE_UP and ROLLBACK are left out by default because a model should not be the one to choose them.
     */
    @WithDefault("RESTART,START,NOOP,ESCALATE")
    Set<Action> allowedActions();

    /** Log lines per alert and of the logs fact quoted to the model (the newest). */
    @WithDefault("20")
    @Min(0)
    @Max(200)
    int logLines();

    /** Investigations whose model answer is remembered, so joined alerts and redeliveries never ask twice. */
    @WithDefault("512")
    @Min(1)
    @Max(100000)
    int memo();

    /** An OpenAI-compatible chat completions API (OpenAI, Azure OpenAI, vLLM, LM Studio, OpenRouter…). */
    interface Cloud {
        /** e.g. {@code https://api.openai.com/v1}; empty = off. Env {@code AEGIS_LLM_BASE_URL}. */
        Optional<String> baseUrl();

        /** Bearer key. Env {@code AEGIS_LLM_API_KEY}; empty for servers that take none. */
        Optional<String> apiKey();

        /** Env {@code AEGIS_LLM_MODEL}. */
        @WithDefault("gpt-4o-mini")
        String model();
    }

    /** An Ollama server. */
    interface Local {
        /** e.g. {@code http://ollama:11434}; empty = off. Env {@code AEGIS_OLLAMA_URL}. */
        Optional<String> baseUrl();

        /** Env {@code AEGIS_OLLAMA_MODEL}. */
        @WithDefault("llama3.1")
        String model();
    }
}
