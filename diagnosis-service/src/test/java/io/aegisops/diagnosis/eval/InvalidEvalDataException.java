package io.aegisops.diagnosis.eval;

import java.util.List;

/** Every problem found in the eval's data files at once, each naming its file and field. */
public class InvalidEvalDataException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidEvalDataException(List<String> problems) {
        super("Invalid diagnosis eval data:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
