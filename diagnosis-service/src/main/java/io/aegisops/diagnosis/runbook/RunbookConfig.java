package io.aegisops.diagnosis.runbook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the runbooks come from and how much of them a diagnosis cites. Exists apart from
 * {@code DiagnosisConfig} because retrieval is a feature of its own that can be switched off without touching
 * the rules.
 */
@ConfigMapping(prefix = "aegis.diagnosis.runbooks")
public interface RunbookConfig {

    /** Off: nothing is indexed, the model is never loaded and diagnoses cite no runbooks. */
    @WithDefault("true")
    boolean enabled();

    /**
     * A directory of {@code *.md} runbooks (same format as the shipped ones) that replaces the runbooks shipped in
     * the jar entirely. A configured directory that does not exist or holds no runbook stops start-up.
     */
    Optional<Path> dir();

    /**
     * Where the embedding model is unpacked from its jar before it is loaded (ONNX Runtime loads a file without
     * copying it through the heap). Default: {@code <java.io.tmpdir>/aegisops-models}.
     */
    Optional<Path> modelDir();

    /** Runbook sections cited per diagnosis at most; 0 cites none. */
    @WithDefault("2")
    @Min(0)
    @Max(5)
    int citations();

    /** A section is cited only when its blended score reaches this: an unrelated section is worse than none. */
    @WithDefault("0.40")
    @DecimalMin("0")
    @DecimalMax("1")
    double minScore();

    /**
     * Weight of PostgreSQL's full-text rank in the blended score (the rest is the cosine similarity of the
     * embeddings). Exact words (an exit code, {@code OOMKilled}) help where the embedding is vague.
     */
    @WithDefault("0.15")
    @DecimalMin("0")
    @DecimalMax("1")
    double textWeight();

    /** Retrievals remembered per (rule, alert types), so a warm diagnosis never runs the model. */
    @WithDefault("256")
    @Min(1)
    @Max(100000)
    int cacheSize();

    /**
     * Query texts whose embedding is remembered (runbook searches and past-incident look-ups alike), so a text asked
     * before never runs the model again; 1024 embeddings of 384 floats take about 1.6 MB.
     */
    @WithDefault("1024")
    @Min(1)
    @Max(100000)
    int queryCacheSize();
}
