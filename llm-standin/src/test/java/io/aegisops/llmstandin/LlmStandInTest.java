package io.aegisops.llmstandin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stand-in over real HTTP: both APIs' shapes, scripted answers and failures, the record of what arrived. */
class LlmStandInTest {

    private static final String KEY = "sk-test-key";
    private static final String OPENAI = "/v1/chat/completions";
    private static final String OLLAMA = "/api/chat";
    private final HttpClient http = HttpClient.newHttpClient();
    private LlmStandIn llm;

    @BeforeEach
    void start() {
        llm = LlmStandIn.start("127.0.0.1", 0, KEY);
    }

    @AfterEach
    void stop() {
        llm.close();
    }

    @Test
    void shouldAnswerAnOpenAiChatCompletionInTheShapeOpenAiReturns() throws Exception {
        llm.answer(r -> true, 1, Reply.content("the container ran out of memory"));

        HttpResponse<String> response = post(OPENAI, "Bearer " + KEY, openAi("gpt-4o-mini", "why did it crash?"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        Object json = Json.parse(response.body());
        assertThat((String) at(json, "id")).matches("chatcmpl-\\d+");
        assertThat(at(json, "object")).isEqualTo("chat.completion");
        assertThat(((BigDecimal) at(json, "created")).longValue())
                .isBetween(Instant.now().getEpochSecond() - 5, Instant.now().getEpochSecond());
        assertThat(at(json, "model")).isEqualTo("gpt-4o-mini");
        assertThat(at(json, "choices", 0, "index")).isEqualTo(BigDecimal.ZERO);
        assertThat(at(json, "choices", 0, "message", "role")).isEqualTo("assistant");
        assertThat(at(json, "choices", 0, "message", "content")).isEqualTo("the container ran out of memory");
        assertThat(at(json, "choices", 0, "finish_reason")).isEqualTo("stop");
        int prompt = ((BigDecimal) at(json, "usage", "prompt_tokens")).intValue();
        int completion = ((BigDecimal) at(json, "usage", "completion_tokens")).intValue();
        assertThat(prompt).isPositive();
        assertThat(completion).isPositive();
        assertThat(((BigDecimal) at(json, "usage", "total_tokens")).intValue()).isEqualTo(prompt + completion);
    }

    @Test
    void shouldAcceptChatCompletionsWithoutTheV1Prefix() throws Exception {
        llm.answer(r -> true, 1, Reply.content("ok"));

        HttpResponse<String> response = post("/chat/completions", "Bearer " + KEY, openAi("gpt-4o-mini", "hi"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(at(Json.parse(response.body()), "choices", 0, "message", "content")).isEqualTo("ok");
    }

    @Test
    void shouldAnswerAnOllamaChatInTheShapeOllamaReturns() throws Exception {
        llm.answer(Received::isOllama, 1, Reply.content("the container ran out of memory"));

        HttpResponse<String> response = post(OLLAMA, null, ollama("llama3.1", "why did it crash?"));

        assertThat(response.statusCode()).isEqualTo(200);
        Object json = Json.parse(response.body());
        assertThat(at(json, "model")).isEqualTo("llama3.1");
        assertThat(Instant.parse((String) at(json, "created_at"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(at(json, "message", "role")).isEqualTo("assistant");
        assertThat(at(json, "message", "content")).isEqualTo("the container ran out of memory");
        assertThat(at(json, "done")).isEqualTo(true);
        assertThat(at(json, "done_reason")).isEqualTo("stop");
        assertThat(((BigDecimal) at(json, "total_duration")).longValue()).isPositive();
        assertThat(((BigDecimal) at(json, "prompt_eval_count")).intValue()).isPositive();
        assertThat(((BigDecimal) at(json, "eval_count")).intValue()).isPositive();
    }

    @Test
    void shouldAnswerAToolCallWithArgumentsAsAStringToOpenAiAndAsAnObjectToOllama() throws Exception {
        llm.answer(r -> true, 2, Reply.toolCall("searchRunbooks", "{\"query\":\"oom \\\"killed\\\"\",\"limit\":2}"));

        Object openAi = Json.parse(post(OPENAI, "Bearer " + KEY, openAi("gpt-4o-mini", "x")).body());
        Object ollama = Json.parse(post(OLLAMA, null, ollama("llama3.1", "x")).body());

        assertThat(at(openAi, "choices", 0, "finish_reason")).isEqualTo("tool_calls");
        assertThat(map(at(openAi, "choices", 0, "message"))).containsEntry("content", null);
        assertThat((String) at(openAi, "choices", 0, "message", "tool_calls", 0, "id")).matches("call_\\d+");
        assertThat(at(openAi, "choices", 0, "message", "tool_calls", 0, "type")).isEqualTo("function");
        assertThat(at(openAi, "choices", 0, "message", "tool_calls", 0, "function", "name")).isEqualTo("searchRunbooks");
        String arguments = (String) at(openAi, "choices", 0, "message", "tool_calls", 0, "function", "arguments");
        assertThat(Json.object(arguments)).containsEntry("query", "oom \"killed\"").containsEntry("limit", new BigDecimal(2));

        assertThat(at(ollama, "message", "tool_calls", 0, "function", "name")).isEqualTo("searchRunbooks");
        assertThat(map(at(ollama, "message", "tool_calls", 0, "function", "arguments")))
                .containsEntry("query", "oom \"killed\"").containsEntry("limit", new BigDecimal(2));
        assertThat(at(ollama, "done")).isEqualTo(true);
    }

    @Test
    void shouldRefuseToolCallArgumentsThatAreNotAJsonObject() {
        assertThatThrownBy(() -> Reply.toolCall("searchRunbooks", "query=oom"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
    }

    @Test
    void shouldRefuseAWrongOrMissingApiKeyWithOpenAisErrorButNeverCheckOllama() throws Exception {
        llm.answer(r -> true, Integer.MAX_VALUE, Reply.content("ok"));

        HttpResponse<String> wrong = post(OPENAI, "Bearer sk-wrong", openAi("gpt-4o-mini", "x"));
        HttpResponse<String> missing = get("/v1/models", null);
        HttpResponse<String> ollama = post(OLLAMA, null, ollama("llama3.1", "x"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(at(Json.parse(wrong.body()), "error", "type")).isEqualTo("invalid_request_error");
        assertThat(at(Json.parse(wrong.body()), "error", "code")).isEqualTo("invalid_api_key");
        assertThat((String) at(Json.parse(wrong.body()), "error", "message")).isNotBlank();
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(ollama.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNotCheckTheKeyWhenStartedWithoutOne() throws Exception {
        try (LlmStandIn open = LlmStandIn.start("127.0.0.1", 0, null)) {
            open.answer(r -> true, 1, Reply.content("ok"));

            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(open.url() + OPENAI))
                    .POST(HttpRequest.BodyPublishers.ofString(openAi("gpt-4o-mini", "x"))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerTooManyRequestsWithRetryAfterTheGivenNumberOfTimesThenTheScript() throws Exception {
        llm.answer(r -> true, 1, Reply.tooManyRequests(7));
        llm.answer(r -> true, 1, Reply.content("after the limit"));

        HttpResponse<String> limited = post(OPENAI, "Bearer " + KEY, openAi("gpt-4o-mini", "x"));
        HttpResponse<String> then = post(OPENAI, "Bearer " + KEY, openAi("gpt-4o-mini", "x"));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(at(Json.parse(limited.body()), "error", "code")).isEqualTo("rate_limit_exceeded");
        assertThat(then.statusCode()).isEqualTo(200);
        assertThat(at(Json.parse(then.body()), "choices", 0, "message", "content")).isEqualTo("after the limit");
    }

    @Test
    void shouldAnswerAScriptedStatusWithItsBody() throws Exception {
        llm.answer(r -> true, 1, Reply.status(503, "{\"error\":\"overloaded\"}"));

        HttpResponse<String> response = post(OLLAMA, null, ollama("llama3.1", "x"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"error\":\"overloaded\"}");
    }

    @Test
    void shouldAnswerAMalformedBodyVerbatimWith200AndJsonContentType() throws Exception {
        llm.answer(r -> true, 1, Reply.malformed("{\"choices\": [ this is not json"));

        HttpResponse<String> response = post(OPENAI, "Bearer " + KEY, openAi("gpt-4o-mini", "x"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"choices\": [ this is not json");
    }

    @Test
    void shouldDelayAReplyWithoutHoldingUpOtherRequests() throws Exception {
        llm.answer(r -> r.mentions("slow"), 1, Reply.delayed(Duration.ofMillis(1500), Reply.content("late")));
        llm.answer(r -> true, 1, Reply.content("quick"));

        Instant sent = Instant.now();
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(request(OLLAMA, null, ollama("llama3.1", "slow")),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        HttpResponse<String> quick = post(OLLAMA, null, ollama("llama3.1", "fast"));

        assertThat(at(Json.parse(quick.body()), "message", "content")).isEqualTo("quick");
        assertThat(slow).isNotDone();
        assertThat(at(Json.parse(slow.get().body()), "message", "content")).isEqualTo("late");
        assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldLetAClientTimeOutOnADelayedReply() {
        llm.answer(r -> true, 1, Reply.delayed(Duration.ofSeconds(5), Reply.content("too late")));
        HttpRequest impatient = HttpRequest.newBuilder(URI.create(llm.url() + OPENAI)).timeout(Duration.ofMillis(300))
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString(openAi("gpt-4o-mini", "x"))).build();

        assertThatThrownBy(() -> http.send(impatient, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void shouldAnswer500SayingSoWhenNothingIsScripted() throws Exception {
        HttpResponse<String> openAi = post(OPENAI, "Bearer " + KEY, openAi("gpt-4o-mini", "x"));
        HttpResponse<String> ollama = post(OLLAMA, null, ollama("llama3.1", "x"));

        assertThat(openAi.statusCode()).isEqualTo(500);
        assertThat(at(Json.parse(openAi.body()), "error", "message")).isEqualTo(LlmStandIn.NO_SCRIPT);
        assertThat(ollama.statusCode()).isEqualTo(500);
        assertThat(at(Json.parse(ollama.body()), "error")).isEqualTo(LlmStandIn.NO_SCRIPT);
    }

    @Test
    void shouldAnswer500NamingTheExceptionWhenTheScriptThrows() throws Exception {
        llm.setDefault(r -> {
            throw new IllegalStateException("test bug");
        });

        HttpResponse<String> response = post(OLLAMA, null, ollama("llama3.1", "x"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat((String) at(Json.parse(response.body()), "error")).contains("the script threw", "test bug");
    }

    @Test
    void shouldUseTheFirstMatchingRuleWithAnswersLeftThenTheDefault() throws Exception {
        llm.answer(r -> r.mentions("OOMKilled"), 1, Reply.content("memory"));
        llm.answer(r -> r.mentions("OOMKilled"), 1, Reply.content("memory again"));
        llm.setDefault(r -> Reply.content("default for " + LlmStandIn.model(r)));

        List<String> answers = List.of(
                content(post(OLLAMA, null, ollama("llama3.1", "exit OOMKilled"))),
                content(post(OLLAMA, null, ollama("llama3.1", "exit OOMKilled"))),
                content(post(OLLAMA, null, ollama("llama3.1", "exit OOMKilled"))),
                content(post(OLLAMA, null, ollama("qwen2.5", "something else"))));

        assertThat(answers).containsExactly("memory", "memory again", "default for llama3.1", "default for qwen2.5");
    }

    @Test
    void shouldCarryQuotesBackslashesNewlinesControlCharactersAndUnicodeIntact() throws Exception {
        String text = "He said \"OOM\" at C:\\temp\\n\nline two\ttab \u0001 \u001f ünïcødé 日本 🚀 \u2028 </script>";
        llm.answer(r -> true, 2, Reply.content(text));

        HttpResponse<String> openAi = post(OPENAI, "Bearer " + KEY, openAi("gpt-4o-mini", "x"));
        HttpResponse<String> ollama = post(OLLAMA, null, ollama("llama3.1", "x"));

        assertThat(openAi.body()).contains("\\\"OOM\\\"", "C:\\\\temp\\\\n\\nline two\\ttab \\u0001 \\u001f");
        assertThat(at(Json.parse(openAi.body()), "choices", 0, "message", "content")).isEqualTo(text);
        assertThat(at(Json.parse(ollama.body()), "message", "content")).isEqualTo(text);
    }

    @Test
    void shouldRefuseStreamingRequestsWith400SayingWhy() throws Exception {
        llm.answer(r -> true, Integer.MAX_VALUE, Reply.content("ok"));

        HttpResponse<String> openAi = post(OPENAI, "Bearer " + KEY,
                "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        HttpResponse<String> ollama = post(OLLAMA, null,
                "{\"model\":\"llama3.1\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        HttpResponse<String> mentioned = post(OLLAMA, null, ollama("llama3.1", "\"stream\":true in a prompt is not a flag"));

        assertThat(openAi.statusCode()).isEqualTo(400);
        assertThat((String) at(Json.parse(openAi.body()), "error", "message")).contains("non-streaming");
        assertThat(ollama.statusCode()).isEqualTo(400);
        assertThat((String) at(Json.parse(ollama.body()), "error")).contains("non-streaming");
        assertThat(mentioned.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldListModelsAndTellTheOllamaVersion() throws Exception {
        llm.answer(r -> true, 1, Reply.content("ok"));
        post(OLLAMA, null, ollama("llama3.1", "x"));

        Object models = Json.parse(get("/v1/models", "Bearer " + KEY).body());
        Object tags = Json.parse(get("/api/tags", null).body());
        Object version = Json.parse(get("/api/version", null).body());

        assertThat(at(models, "object")).isEqualTo("list");
        assertThat(at(models, "data", 0, "object")).isEqualTo("model");
        assertThat(list(at(models, "data"))).extracting(m -> map(m).get("id"))
                .containsExactly("llm-standin", "llama3.1");
        assertThat(list(at(tags, "models"))).extracting(m -> map(m).get("name"))
                .containsExactly("llm-standin", "llama3.1");
        assertThat((String) at(version, "version")).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void shouldRecordEveryRequestInArrivalOrderAndForgetItAndTheScriptOnClear() throws Exception {
        llm.answer(r -> true, Integer.MAX_VALUE, Reply.content("ok"));
        post(OPENAI, "Bearer " + KEY, openAi("gpt-4o-mini", "first \"quoted\"\nline"));
        post(OLLAMA, null, ollama("llama3.1", "second"));
        get("/api/tags", null);

        assertThat(llm.received()).extracting(Received::path).containsExactly(OPENAI, OLLAMA, "/api/tags");
        assertThat(llm.received(Received::isOpenAi)).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.authorization()).isEqualTo("Bearer " + KEY);
            assertThat(r.mentions("first \"quoted\"\nline")).isTrue();
            assertThat(LlmStandIn.model(r)).isEqualTo("gpt-4o-mini");
        });
        assertThat(llm.received(Received::isOllama)).extracting(Received::isChat).containsExactly(true, false);

        llm.clear();

        assertThat(llm.received()).isEmpty();
        assertThat(post(OLLAMA, null, ollama("llama3.1", "x")).statusCode()).isEqualTo(500);
    }

    @Test
    void shouldBeScriptableAndReadableOverHttpForContainerTests() throws Exception {
        HttpResponse<String> scripted = post("/script", null, """
                {"contains":"OOMKilled","times":1,"content":"memory"}

                {"path":"/api/chat","toolCall":"searchRunbooks","arguments":"{\\"query\\":\\"oom\\"}"}
                {"path":"/v1/chat/completions","status":429,"retryAfter":2}
                """);
        assertThat(scripted.statusCode()).isEqualTo(200);

        String first = content(post(OLLAMA, null, ollama("llama3.1", "exit OOMKilled")));
        Object second = Json.parse(post(OLLAMA, null, ollama("llama3.1", "exit OOMKilled")).body());
        HttpResponse<String> third = post(OPENAI, "Bearer " + KEY, openAi("gpt-4o-mini", "x"));
        Object record = Json.parse(get("/received", null).body());

        assertThat(first).isEqualTo("memory");
        assertThat(at(second, "message", "tool_calls", 0, "function", "arguments")).isEqualTo(Map.of("query", "oom"));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).contains("2");
        assertThat(list(record)).hasSize(3);
        assertThat(at(record, 0, "path")).isEqualTo(OLLAMA);
        assertThat(at(record, 2, "authorized")).isEqualTo(true);
        assertThat((String) at(record, 0, "body")).contains("OOMKilled");
    }

    @Test
    void shouldRefuseABadScriptSayingWhichLineAndWhatIsExpected() throws Exception {
        HttpResponse<String> response = post("/script", null, "{\"content\":\"ok\"}\n{\"contians\":\"typo\",\"content\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) at(Json.parse(response.body()), "error"))
                .contains("line 2", "unknown key \"contians\"", "expected one JSON object a line");
    }

    private static String openAi(String model, String prompt) {
        return "{\"model\":" + Json.string(model) + ",\"messages\":[{\"role\":\"system\",\"content\":\"You diagnose.\"},"
                + "{\"role\":\"user\",\"content\":" + Json.string(prompt) + "}],\"temperature\":0.0}";
    }

    private static String ollama(String model, String prompt) {
        return "{\"model\":" + Json.string(model) + ",\"messages\":[{\"role\":\"user\",\"content\":" + Json.string(prompt)
                + "}],\"options\":{\"temperature\":0.0},\"stream\":false}";
    }

    private static String content(HttpResponse<String> ollamaResponse) {
        return (String) at(Json.parse(ollamaResponse.body()), "message", "content");
    }

    /** The value at a path of member names and array indexes. */
    private static Object at(Object json, Object... path) {
        Object value = json;
        for (Object step : path) {
            value = step instanceof Integer index ? ((List<?>) value).get(index) : ((Map<?, ?>) value).get(step);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object json) {
        return (List<Object>) json;
    }

    private HttpRequest request(String path, String authorization, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(llm.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private HttpResponse<String> post(String path, String authorization, String body) throws IOException, InterruptedException {
        return http.send(request(path, authorization, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(llm.url() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
