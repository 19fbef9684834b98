package io.aegisops.diagnosis.runbook;

import io.quarkus.runtime.util.ClassPathUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the runbooks in force: the ones shipped in the jar (the repository's {@code runbooks/*.md}, copied to
 * {@value #RESOURCE_DIR} on the classpath by the build, because the image is built from the jar alone) or a
 * directory of the user's own that replaces them. Reading and parsing is quick and happens at start-up, so a broken
 * runbook stops the service with its name instead of silently leaving the index empty.
 */
public final class RunbookSource {

    static final String RESOURCE_DIR = "runbooks";
    private static final String README = "README.md";

    private RunbookSource() {
    }

    /** The runbooks and where they came from, e.g. {@code classpath:runbooks} or {@code /etc/aegisops/runbooks}. */
    public record Runbooks(String source, List<RunbookSection> sections) {
    }

    /** The configured directory if any, the shipped runbooks otherwise. */
    public static Runbooks load(RunbookConfig config) {
        return config.dir().map(RunbookSource::fromDirectory).orElseGet(RunbookSource::fromClasspath);
    }

    /** Every {@code *.md} of the directory but a README, in name order. */
    public static Runbooks fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Runbooks directory '" + dir + "' (aegis.diagnosis.runbooks.dir) "
                    + "does not exist or is not a directory");
        }
        List<RunbookSection> sections = parseAll(dir);
        if (sections.isEmpty()) {
            throw new IllegalStateException("Runbooks directory '" + dir + "' holds no *.md runbook");
        }
        return new Runbooks(dir.toString(), sections);
    }

    /** The runbooks the build put in the jar. */
    public static Runbooks fromClasspath() {
        List<RunbookSection> sections = new ArrayList<>();
        try {
            // Works for a directory (tests, dev mode) and inside a jar (the packaged application) alike.
            ClassPathUtils.consumeAsPaths(RESOURCE_DIR, dir -> sections.addAll(parseAll(dir)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the shipped runbooks", e);
        }
        if (sections.isEmpty()) {
            throw new IllegalStateException("No runbooks on the classpath under '" + RESOURCE_DIR
                    + "/': the build copies ../runbooks/*.md there (diagnosis-service/pom.xml)");
        }
        return new Runbooks("classpath:" + RESOURCE_DIR, List.copyOf(sections));
    }

    private static List<RunbookSection> parseAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> runbooks = files
                    .filter(f -> f.getFileName().toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().equalsIgnoreCase(README))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
            List<RunbookSection> sections = new ArrayList<>();
            for (Path file : runbooks) {
                sections.addAll(RunbookParser.parse(file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
            return sections;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runbooks in " + dir, e);
        }
    }
}
