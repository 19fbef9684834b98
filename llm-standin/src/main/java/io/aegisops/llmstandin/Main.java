package io.aegisops.llmstandin;

/**
 * Runs the stand-in as a process ({@code java -jar llm-standin.jar}, e.g. as a container). Configuration from the
 * environment: {@code LLM_STANDIN_PORT} (default 8080) and {@code LLM_STANDIN_API_KEY}, the key OpenAI calls must
 * carry (unset or blank: no check). It starts with no script, so every chat request answers 500 until a test
 * posts one to {@code POST /script} (the format is {@link Script}'s); {@code GET /received} lists what arrived and
 * {@code DELETE /received} forgets it and the script.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String apiKey = System.getenv("LLM_STANDIN_API_KEY");
        int port;
        try {
            port = Integer.parseInt(System.getenv().getOrDefault("LLM_STANDIN_PORT", "8080"));
        } catch (NumberFormatException e) {
            System.err.println("LLM_STANDIN_PORT must be a port number, was " + System.getenv("LLM_STANDIN_PORT"));
            System.exit(2);
            return;
        }
        LlmStandIn standIn = LlmStandIn.start("0.0.0.0", port, apiKey == null || apiKey.isBlank() ? null : apiKey);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        System.out.println("LLM stand-in listening on port " + port + (apiKey == null || apiKey.isBlank()
                ? " (no API key check)" : " (OpenAI calls need the API key)")
                + ": POST /v1/chat/completions, /api/chat; GET /v1/models, /api/tags, /api/version;"
                + " POST /script; GET|DELETE /received");
        Thread.currentThread().join();
    }
}
