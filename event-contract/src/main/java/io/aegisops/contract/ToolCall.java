package io.aegisops.contract;

/**
 * One read-only tool call an investigation made, for the report: which tool, on what, how long, and what came of it.
 *
 * @param tool     e.g. {@code inspect}, {@code logs}, {@code stats}, {@code probe}
 * @param argument what it was called on (container name, URL without credentials)
 * @param millis   how long it took
 * @param outcome  {@code ok}, or the problem in a few words
 */
public record ToolCall(String tool, String argument, long millis, String outcome) {
}
