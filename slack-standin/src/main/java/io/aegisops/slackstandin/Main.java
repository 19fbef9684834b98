package io.aegisops.slackstandin;

/**
 * Runs the stand-in as a process (the end-to-end stack's {@code slack-standin} container). Configuration from
 * the environment: {@code SLACK_STANDIN_PORT} (default 8080) and {@code SLACK_STANDIN_TOKEN}, the bot token
 * approval-service is given as {@code SLACK_BOT_TOKEN}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String token = System.getenv("SLACK_STANDIN_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("SLACK_STANDIN_TOKEN is not set: set it to the SLACK_BOT_TOKEN approval-service uses");
            System.exit(2);
        }
        int port;
        try {
            port = Integer.parseInt(System.getenv().getOrDefault("SLACK_STANDIN_PORT", "8080"));
        } catch (NumberFormatException e) {
            System.err.println("SLACK_STANDIN_PORT must be a port number, was " + System.getenv("SLACK_STANDIN_PORT"));
            System.exit(2);
            return;
        }
        SlackStandIn standIn = SlackStandIn.start("0.0.0.0", port, token);
        Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
        System.out.println("Slack stand-in listening on port " + port
                + ": POST /api/chat.postMessage, /api/chat.update, /services/...; GET /received; POST /script");
        Thread.currentThread().join();
    }
}
