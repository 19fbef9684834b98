package io.aegisops.diagnosis.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.llmstandin.LlmStandIn;
import io.aegisops.llmstandin.Received;
import io.aegisops.llmstandin.Reply;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The shared LLM stand-in ({@code llm-standin} module) as a Quarkus test resource, configured as both the cloud
 * (OpenAI-compatible, with a key) and the local (Ollama) model, with a short timeout so the timeout case is quick.
 * Every request is scripted by the test that owns the incident named in it.
 */
public class ModelStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String KEY = "sk-stand-in-0123456789abcdef";
    public static final String CLOUD_MODEL = "gpt-stand-in";
    public static final String LOCAL_MODEL = "llama-stand-in";

    private static LlmStandIn server;

    @Override
    public Map<String, String> start() {
        server = LlmStandIn.start("127.0.0.1", 0, KEY);
        return Map.of(
                "aegis.diagnosis.llm.cloud.base-url", server.url() + "/v1",
                "aegis.diagnosis.llm.cloud.api-key", KEY,
                "aegis.diagnosis.llm.cloud.model", CLOUD_MODEL,
                "aegis.diagnosis.llm.local.base-url", server.url(),
                "aegis.diagnosis.llm.local.model", LOCAL_MODEL,
                "aegis.diagnosis.llm.timeout", "4s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    static LlmStandIn server() {
        return server;
    }

    /** The cloud model's requests that name the incident. */
    static Predicate<Received> cloudAbout(String incidentId) {
        return r -> r.isOpenAi() && r.isChat() && r.mentions(incidentId);
    }

    /** The local model's requests that name the incident. */
    static Predicate<Received> localAbout(String incidentId) {
        return r -> r.isOllama() && r.isChat() && r.mentions(incidentId);
    }

    static void answer(Predicate<Received> when, Reply reply) {
        server.answer(when, 1, reply);
    }

    static List<Received> received(Predicate<Received> which) {
        return server.received(which);
    }

    /** The chat messages of a request (both APIs send {@code messages: [{role, content}]}). */
    static List<JsonNode> messages(Received request) {
        try {
            JsonNode body = EventCodec.mapper().readTree(request.body());
            return java.util.stream.StreamSupport.stream(body.get("messages").spliterator(), false).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
