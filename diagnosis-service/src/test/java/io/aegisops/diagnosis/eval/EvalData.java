package io.aegisops.diagnosis.eval;

import io.aegisops.diagnosis.rules.Rule;
import io.aegisops.diagnosis.rules.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The eval's labelled data, read and checked as a whole: {@code families.yaml} and every
 * {@code scenarios/*.yaml}, against the rules in force and the runbooks that exist. Exists so the runner only ever
 * sees valid scenarios, and a broken file fails with every problem of every file listed.
 *
 * @param families  the cause families and the rule → family map
 * @param scenarios sorted by id
 */
public record EvalData(Families families, List<Scenario> scenarios) {

    public static final String FAMILIES_FILE = "families.yaml";
    public static final String SCENARIOS_DIR = "scenarios";

    /**
     * @param evalDir     the folder holding {@code families.yaml} and {@code scenarios/}
     * @param runbooksDir the runbooks folder; each family needs its {@code <family>.md}
     * @param rules       the rules in force, whose every id must have a family
     * @throws InvalidEvalDataException listing every problem found
     */
    public static EvalData load(Path evalDir, Path runbooksDir, RuleSet rules) {
        List<String> problems = new ArrayList<>();
        List<String> ruleIds = rules.rules().stream().map(Rule::id).toList();
        Families families = read(evalDir.resolve(FAMILIES_FILE), FAMILIES_FILE, Families.class, problems);
        if (families == null) {
            throw new InvalidEvalDataException(problems);
        }
        problems.addAll(families.problems(FAMILIES_FILE, ruleIds));
        Set<String> runbooks = runbooks(runbooksDir);
        families.families().stream().filter(family -> !runbooks.contains(family + ".md"))
                .forEach(family -> problems.add(FAMILIES_FILE + ": families: '" + family + "' has no runbook "
                        + runbooksDir.resolve(family + ".md")));
        ScenarioCheck check = new ScenarioCheck(families, ruleIds, runbooks);
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : scenarioFiles(evalDir.resolve(SCENARIOS_DIR))) {
            String name = SCENARIOS_DIR + "/" + file.getFileName();
            Scenario scenario = read(file, name, Scenario.class, problems);
            if (scenario != null) {
                List<String> found = check.problems(name, scenario);
                problems.addAll(found);
                if (found.isEmpty()) {
                    scenarios.add(scenario);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidEvalDataException(problems);
        }
        return new EvalData(families, scenarios.stream()
                .sorted(Comparator.comparing(Scenario::id)).toList());
    }

    private static <T> T read(Path file, String name, Class<T> type, List<String> problems) {
        try {
            return EvalFiles.read(name, Files.readString(file, StandardCharsets.UTF_8), type);
        } catch (InvalidEvalDataException e) {
            problems.addAll(e.problems());
        } catch (IOException e) {
            problems.add(name + ": cannot be read (" + e.getMessage() + ")");
        }
        return null;
    }

    private static List<Path> scenarioFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Set<String> runbooks(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".md") && !name.equals("README.md"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runbooks in " + dir, e);
        }
    }
}
