package io.aegisops.diagnosis.runbook;

import io.aegisops.contract.AlertType;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Retrieval over the shipped runbooks with the real model and a real PostgreSQL: the questions people (and
 * diagnoses) ask land on the runbook of their fault family.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "diagnosis"))
@TestSecurity(user = "vera", roles = Roles.VIEWER)
class RunbookRetrievalTest {

    private final RunbookIndex index;
    private final RunbookIndexer indexer;
    private final RunbookCitations citations;
    private final CountingEmbedder embedder;

    RunbookRetrievalTest(RunbookIndex index, RunbookIndexer indexer, RunbookCitations citations,
                         CountingEmbedder embedder) {
        this.index = index;
        this.indexer = indexer;
        this.citations = citations;
        this.embedder = embedder;
    }

    @BeforeEach
    void awaitTheStartUpIndex() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        await().atMost(Duration.ofMinutes(2)).until(index::ready);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            heap keeps growing until the JVM runs out of memory     | memory-leak.md
            container killed by the kernel OOM killer exit 137      | oom-killed.md
            requests stuck behind a lock                            | latency-lock.md
            crashes right after a new image was deployed            | bad-deploy.md
            a thread spins at 100% CPU                              | cpu-runaway.md
            the database it depends on refuses connections          | dependency-down.md
            the process exits with code 1 and restarts over and over | crash-loop.md
            """)
    void shouldFindTheRunbookOfTheFaultFamilyFirst(String question, String runbook) {
        List<RunbookHit> hits = index.search(question, 3);

        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).runbook()).as("best section for '%s': %s", question, hits).isEqualTo(runbook);
        assertThat(hits).extracting(RunbookHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    /** The root causes the shipped rules write, as a diagnosis queries them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            memory-pressure | MEMORY_PRESSURE | checkout is running out of memory: heap at 93.1% (238.3 of 256 MB). It retains memory it does not release, as a leak or an unbounded cache does. | memory-leak.md
            oom-killed      | OOM_KILLED      | checkout was killed by the out-of-memory killer (exit code 137): its memory limit is too low for what it holds, or it leaks memory until it reaches the limit. | oom-killed.md
            cpu-saturation  | CPU_SATURATION  | checkout keeps the CPU saturated (97.5% for 3 consecutive samples): threads are spinning in a runaway loop. | cpu-runaway.md
            latency-lock    | LATENCY         | Requests to checkout are slow (p95 5000 ms) while CPU and memory are fine: they are queueing behind a held lock or a blocked resource. | latency-lock.md
            crash           | CRASH           | checkout crashed with exit code 1: the process stopped on an error it did not recover from. | crash-loop.md
            dependency-down | DEPENDENCY_DOWN | A dependency of checkout is down; checkout fails because of it, not because of a fault of its own. | dependency-down.md
            """)
    void shouldCiteTheRunbookOfTheRulesFaultFamily(String ruleId, AlertType type, String rootCause, String runbook) {
        List<RunbookHit> cited = citations.sectionsFor("rules", ruleId, rootCause, List.of(type));

        assertThat(cited).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        assertThat(cited.get(0).runbook()).as("cited for %s: %s", ruleId, cited).isEqualTo(runbook);
        assertThat(citations.sectionsFor("rules", ruleId, "other words, same rule", List.of(type)))
                .as("cached per rule and alert types").isSameAs(cited);
    }

    @Test
    void shouldRunTheModelOnceForAQuestionAskedTwice() {
        String question = "the heap of order-" + UUID.randomUUID() + " keeps growing";

        List<RunbookHit> first = index.search(question, 3);
        List<RunbookHit> second = index.search(question, 3);

        assertThat(embedder.calls(question)).isEqualTo(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldEmbedNothingWhenTheRunbooksAreUnchanged() {
        IndexReport again = indexer.index(RunbookSource.fromClasspath());

        assertThat(again.embedded()).isZero();
        assertThat(again.removed()).isZero();
        assertThat(again.unchanged()).isEqualTo(again.sections()).isEqualTo(index.snapshot().orElseThrow()
                .sections().size());
    }

    @Test
    void shouldListTheIndexedSections() {
        given().get("/api/runbooks").then().statusCode(200)
                .body("ready", equalTo(true))
                .body("source", equalTo("classpath:runbooks"))
                .body("model", startsWith("all-minilm-l6-v2@"))
                .body("sections.id", hasItem("oom-killed.md#facts-that-confirm-it"))
                .body("sections.find { it.id == 'memory-leak.md#symptoms' }.title", equalTo("Memory leak / heap pressure"));
    }

    @Test
    void shouldAnswerASearchWithRunbookTitleSectionScoreAndExcerpt() {
        given().queryParam("q", "container killed by the kernel OOM killer exit 137").queryParam("k", 2)
                .get("/api/runbooks/search").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].runbook", equalTo("oom-killed.md"))
                .body("[0].title", equalTo("OOM killed"))
                .body("[0].id", startsWith("oom-killed.md#"))
                .body("[0].section", notNullValue())
                .body("[0].score", greaterThan(0f))
                .body("[0].excerpt", not(emptyString()));
        given().queryParam("q", "memory").get("/api/runbooks/search").then().statusCode(200).body("$", hasSize(3));
    }

    @Test
    void shouldRefuseABlankOrLongQuestionAndAnOutOfRangeK() {
        given().get("/api/runbooks/search").then().statusCode(400).contentType(ContentType.JSON)
                .body("violations[0].field", equalTo("q"));
        given().queryParam("q", "   ").get("/api/runbooks/search").then().statusCode(400)
                .contentType(ContentType.JSON).body("violations[0].field", equalTo("q"));
        given().queryParam("q", "x".repeat(501)).get("/api/runbooks/search").then().statusCode(400)
                .contentType(ContentType.JSON).body("message", containsString("q size must be between 0 and 500"));
        for (String k : List.of("0", "11", "-1", "three")) {
            given().queryParam("q", "memory").queryParam("k", k).get("/api/runbooks/search").then().statusCode(400)
                    .contentType(ContentType.JSON).body("violations[0].field", equalTo("k"))
                    .body("message", equalTo("k must be a whole number from 1 to 10"));
        }
    }
}
