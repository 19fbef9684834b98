package io.aegisops.diagnosis.eval;

import io.aegisops.llmstandin.LlmStandIn;
import io.aegisops.llmstandin.Reply;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The model the eval measures. With {@code AEGIS_LLM_BASE_URL} or {@code AEGIS_OLLAMA_URL} in the environment, that
 * model (the same variables the stack reads); otherwise the llm-standin replaying {@code eval/llm-answers/<id>.json}
 * for the scenario whose incident a request names, and a 500 for a scenario without an answer.
 */
public class EvalModel implements QuarkusTestResourceLifecycleManager {

    private static LlmStandIn server;
    private static boolean real;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        String cloud = System.getenv("AEGIS_LLM_BASE_URL");
        String local = System.getenv("AEGIS_OLLAMA_URL");
        real = cloud != null && !cloud.isBlank() || local != null && !local.isBlank();
        if (real) {
            config.put("aegis.diagnosis.llm.cloud.base-url", cloud == null ? "" : cloud);
            config.put("aegis.diagnosis.llm.local.base-url", local == null ? "" : local);
            return config;
        }
        server = LlmStandIn.start("127.0.0.1", 0, null);
        Map<String, String> answers = answersByIncident();
        server.setDefault(request -> answers.entrySet().stream()
                .filter(e -> request.mentions(e.getKey())).findFirst()
                .<Reply>map(e -> Reply.content(e.getValue()))
                .orElse(Reply.status(500, "{\"error\":{\"message\":\"no recorded answer for this scenario\"}}")));
        config.put("aegis.diagnosis.llm.cloud.base-url", server.url() + "/v1");
        config.put("aegis.diagnosis.llm.cloud.model", "replay");
        config.put("aegis.diagnosis.llm.local.base-url", "");
        return config;
    }

    /** True when a real model is measured, false when recorded answers are replayed. */
    static boolean real() {
        return real;
    }

    private static Map<String, String> answersByIncident() {
        Path dir = ModelEvalTest.evalDir().resolve("llm-answers");
        Map<String, String> answers = new HashMap<>();
        for (Scenario scenario : ModelEvalTest.data().scenarios()) {
            Path file = dir.resolve(scenario.id() + ".json");
            if (Files.isRegularFile(file)) {
                try {
                    answers.put(ScenarioInput.of(scenario).incident().id(), Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return answers;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
