package io.aegisops.diagnosis.runbook;

import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The cache of query embeddings, over the service's real model (counted by {@link CountingEmbedder}): a text asked
 * again runs no model while it is remembered, and the cache forgets beyond its bound. Every test asks texts of its
 * own, so the counts are its own.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "diagnosis"))
class QueryEmbeddingsTest {

    private final CountingEmbedder embedder;

    QueryEmbeddingsTest(CountingEmbedder embedder) {
        this.embedder = embedder;
    }

    private static String text(String words) {
        return words + " " + UUID.randomUUID();
    }

    @Test
    void shouldRunTheModelOnceForATextAskedTwice() {
        QueryEmbeddings queries = new QueryEmbeddings(embedder, 8);
        String text = text("heap keeps growing");

        float[] first = queries.embed(text);
        float[] second = queries.embed(text);

        assertThat(embedder.calls(text)).isEqualTo(1);
        assertThat(second).containsExactly(first);
        double norm = 0;
        for (float v : first) {
            norm += v * v;
        }
        assertThat(norm).as("unit length").isCloseTo(1.0, within(1e-4));
    }

    @Test
    void shouldForgetTheLeastRecentlyAskedTextBeyondItsBound() {
        QueryEmbeddings queries = new QueryEmbeddings(embedder, 2);
        String a = text("a");
        String b = text("b");
        String c = text("c");

        queries.embed(a);
        queries.embed(b);
        queries.embed(a); // a is now the most recently asked: b is forgotten first
        queries.embed(c);
        queries.embed(a);
        queries.embed(b);

        assertThat(embedder.calls(a)).isEqualTo(1);
        assertThat(embedder.calls(b)).isEqualTo(2);
        assertThat(embedder.calls(c)).isEqualTo(1);
    }

    @Test
    void shouldHandOutACopySoACallerCannotChangeWhatIsRemembered() {
        QueryEmbeddings queries = new QueryEmbeddings(embedder, 8);
        String text = text("exit code 137");
        float[] first = queries.embed(text);
        float kept = first[0];

        first[0] = 42;

        assertThat(queries.embed(text)[0]).isEqualTo(kept);
    }
}
