package io.aegisops.llmstandin;

import java.util.List;

/**
 * The JSON one chat API answers with, so a scripted {@link Reply} reads the same whichever API the client under
 * test speaks. The shapes are those the real services return, down to the fields langchain4j's clients read.
 */
interface Wire {

    /** The body of a successful chat answer; {@code id} numbers the completion (and its tool call). */
    String completion(String model, Reply.Answer answer, long id, int promptTokens);

    /** An error body; {@code type} and {@code code} are OpenAI's, which Ollama's plain error does not carry. */
    String error(String message, String type, String code);

    /** The model list, for clients that check a model exists before using it. */
    String models(List<String> names);

    /** A rough count (four characters a token) so usage numbers are plausible and grow with the text. */
    static int tokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }
}
