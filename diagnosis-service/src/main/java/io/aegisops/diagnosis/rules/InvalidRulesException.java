package io.aegisops.diagnosis.rules;

import java.util.List;

/**
 * A rules file that cannot be used. Thrown at start-up, so the message names the file and every problem
 * found: whoever edited the file fixes it in one go instead of restarting once per mistake.
 */
public class InvalidRulesException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidRulesException(String source, List<String> problems) {
        super("Invalid diagnosis rules file '" + source + "': " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
