package io.aegisops.diagnosis.llm;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Says in a few words why a model call failed, for the diagnosis' evidence and the log. Exists because the
 * exception chain of an HTTP client is long and may quote the request (never the key, but still noise): the reason
 * a person needs is "timed out", "HTTP 429", or "malformed answer".
 */
final class Failures {

    static final int MAX = 160;

    private Failures() {
    }

    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException || name.contains("Timeout")) {
                return "timed out";
            }
            if (name.contains("RateLimit")) {
                return "rate limited (HTTP 429)";
            }
            if (name.contains("Json") || name.contains("OutputParsing") || name.contains("Mismatched")) {
                return "malformed answer (" + AnswerCheck.clip(t.getMessage(), MAX) + ")";
            }
            if (name.contains("ToolExecution") || name.contains("Hallucinat")) {
                return "asked for a tool that does not exist";
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + AnswerCheck.clip(root.getMessage(), MAX);
    }
}
