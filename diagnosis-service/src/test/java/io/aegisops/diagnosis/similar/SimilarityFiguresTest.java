package io.aegisops.diagnosis.similar;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.diagnosis.runbook.SectionEmbedder;
import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the default {@code aegis.diagnosis.similar.min-similarity} comes from: the real model's cosine similarity
 * between a new diagnosis' text and stored past incidents, for the causes the shipped rules write (other figures,
 * other wording of the same rule family), on the same and on another service. Prints the matrix it measured.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "diagnosis"))
class SimilarityFiguresTest {

    private final SectionEmbedder embedder;

    /** The service's own embedder: the model's native tokenizer can be loaded by one class loader only. */
    SimilarityFiguresTest(SectionEmbedder embedder) {
        this.embedder = embedder;
    }

    /** A cause as the rules write it, with the figures of one occurrence. */
    record Case(String family, List<AlertType> types, String rootCause, Action action, List<String> evidence) {
    }

    /** Past incidents: one per fault family, as they are stored after they closed. */
    static List<Case> past(String s) {
        return List.of(
                new Case("oom", List.of(AlertType.OOM_KILLED), s + " was killed by the out-of-memory killer (exit code "
                        + "137): its memory limit is too low for what it holds, or it leaks memory until it reaches the "
                        + "limit.", Action.RESTART, List.of("fact F1 (engine.inspect): State: exited (exit code 137)",
                        "fact F3 (engine.inspect): OOMKilled=true", "OOM_KILLED (DOCKER_EVENT): " + s
                        + " died (exit 137, oom)")),
                new Case("crash", List.of(AlertType.CRASH), s + " crashed with exit code 1: the process stopped on an "
                        + "error it did not recover from.", Action.RESTART, List.of("fact F1 (engine.inspect): State: exited (exit code 1)",
                        "CRASH (DOCKER_EVENT): " + s + " exited with code 1",
                        "log: java.lang.IllegalStateException: config missing")),
                new Case("memory", List.of(AlertType.MEMORY_PRESSURE), s + " is running out of memory: heap at 93.1% "
                        + "(238.3 of 256 MB). It retains memory it does not release, as a leak or an unbounded cache "
                        + "does.", Action.RESTART, List.of("fact F1 (engine.inspect): State: running",
                        "MEMORY_PRESSURE (APP_WEBHOOK): heap 93.1% used (238 of 256 MB), threshold 85%",
                        "log: Memory fault: retaining 16 MB more, 224 MB in total")),
                new Case("cpu", List.of(AlertType.CPU_SATURATION), s + " keeps the CPU saturated (97.5% for 3 "
                        + "consecutive samples): threads are spinning in a runaway loop.", Action.RESTART,
                        List.of("fact F1 (engine.inspect): State: running",
                        "fact F6 (engine.stats): CPU 97.5% of 1 CPU", "CPU_SATURATION (APP_WEBHOOK): cpu 97.5% for 3 "
                        + "samples")),
                new Case("latency", List.of(AlertType.LATENCY), "Requests to " + s + " are slow (p95 5000 ms) while CPU "
                        + "and memory are fine: they are queueing behind a held lock or a blocked resource.",
                        Action.RESTART, List.of("fact F5 (health.probe): GET http://" + s + ":8080/health -> HTTP 200 in 4800 ms",
                        "LATENCY (APP_WEBHOOK): p95 5000 ms")),
                new Case("unhealthy", List.of(AlertType.UNHEALTHY), s + " fails its health check (GET /health -> "
                        + "HTTP 503) with no more specific symptom reported: the process is up but no longer working.",
                        Action.RESTART, List.of("fact F5 (health.probe): GET http://" + s + ":8080/health -> HTTP 503",
                        "UNHEALTHY (HEALTH_CHECK): 3 failed probes")),
                new Case("dependency", List.of(AlertType.DEPENDENCY_DOWN), "A dependency of " + s + " is down; " + s
                        + " fails because of it, not because of a fault of its own.", Action.ESCALATE,
                        List.of("DEPENDENCY_DOWN (APP_WEBHOOK): postgres refuses connections",
                        "log: org.postgresql.util.PSQLException: Connection refused")));
    }

    /** New diagnoses of the same families: other figures, another rule of the family, other alert types. */
    static List<Case> fresh(String s) {
        return List.of(
                new Case("oom", List.of(AlertType.MEMORY_PRESSURE, AlertType.OOM_KILLED), s + " was killed by the "
                        + "out-of-memory killer: the engine reports OOMKilled=true (exit code 137). Its memory limit is "
                        + "too low for what it holds, or it leaks memory until it reaches it.", Action.RESTART, List.of()),
                new Case("crash", List.of(AlertType.CRASH), s + " crashed with exit code 2: the process stopped on an "
                        + "error it did not recover from.", Action.RESTART, List.of()),
                new Case("memory", List.of(AlertType.MEMORY_PRESSURE), s + " is running out of memory: heap at 88.4% "
                        + "(452.6 of 512 MB). It retains memory it does not release, as a leak or an unbounded cache "
                        + "does.", Action.RESTART, List.of()),
                new Case("cpu", List.of(AlertType.CPU_SATURATION, AlertType.LATENCY), s + " keeps the CPU saturated "
                        + "(88.0% for 5 consecutive samples): threads are spinning in a runaway loop.", Action.RESTART,
                        List.of()),
                new Case("latency", List.of(AlertType.LATENCY, AlertType.UNHEALTHY), "Requests to " + s + " are slow "
                        + "(p95 3200 ms) while CPU and memory are fine: they are queueing behind a held lock or a "
                        + "blocked resource.", Action.RESTART, List.of()),
                new Case("unhealthy", List.of(AlertType.UNHEALTHY), s + " fails its health check (Docker health "
                        + "unhealthy) with no more specific symptom reported: the process is up but no longer working.",
                        Action.RESTART, List.of()),
                new Case("dependency", List.of(AlertType.DEPENDENCY_DOWN, AlertType.LATENCY), "A dependency of " + s
                        + " is down; " + s + " fails because of it, not because of a fault of its own.",
                        Action.ESCALATE, List.of()));
    }

    float[] stored(String service, Case c) {
        String shared = IncidentText.of(service, service, c.types(), c.rootCause(), c.action());
        Outcome outcome = new Outcome(IncidentStatus.RESOLVED, c.action(), c.action(), ApprovalDecision.Kind.APPROVE,
                "alice");
        return SectionEmbedder.unit(embedder.embed(IncidentText.stored(shared, service, service, c.evidence(), outcome.summary())));
    }

    float[] query(String service, Case c) {
        return SectionEmbedder.unit(embedder.embed(IncidentText.of(service, service, c.types(), c.rootCause(),
                c.action())));
    }

    static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** Fault families close enough that their incidents are fair to cite for each other. */
    private static final Set<Set<String>> NEIGHBOURS = Set.of(Set.of("oom", "memory"), Set.of("crash", "unhealthy"));

    @Test
    void shouldCiteTheSameFaultFamilyAndNoUnrelatedOneAtTheDefaultMinimum() throws NoSuchMethodException {
        double minimum = Double.parseDouble(SimilarConfig.class.getMethod("minSimilarity")
                .getAnnotation(WithDefault.class).value());
        List<Case> past = past("checkout");
        List<float[]> stored = past.stream().map(c -> stored("checkout", c)).toList();
        StringBuilder matrix = new StringBuilder(String.format(Locale.ROOT, "%-22s", "new \\ past (checkout)"));
        past.forEach(c -> matrix.append(String.format(Locale.ROOT, "%11s", c.family())));
        List<String> missed = new ArrayList<>();
        List<String> wronglyCited = new ArrayList<>();
        for (String service : List.of("checkout", "payments")) {
            for (Case c : fresh(service)) {
                float[] q = query(service, c);
                matrix.append(String.format(Locale.ROOT, "%n%-22s", c.family() + " @" + service));
                for (int i = 0; i < past.size(); i++) {
                    double similarity = dot(q, stored.get(i));
                    matrix.append(String.format(Locale.ROOT, "%11.3f", similarity));
                    String family = past.get(i).family();
                    String pair = c.family() + "@" + service + " -> " + family + String.format(Locale.ROOT, " %.3f",
                            similarity);
                    boolean same = family.equals(c.family());
                    if (same && service.equals("checkout") && similarity < minimum) {
                        missed.add(pair);
                    }
                    boolean fair = same || service.equals("checkout")
                            && NEIGHBOURS.contains(Set.of(family, c.family()));
                    if (!fair && similarity >= minimum) {
                        wronglyCited.add(pair);
                    }
                }
            }
        }
        System.out.println("Cosine similarity, all-MiniLM-L6-v2, new diagnosis text vs stored past incident:\n"
                + matrix);

        assertThat(missed).as("same family, same service, below %.2f", minimum).isEmpty();
        assertThat(wronglyCited).as("unrelated families at or above %.2f", minimum).isEmpty();
    }
}
