package io.aegisops.diagnosis.similar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Which past incidents a diagnosis cites. Exists apart from {@code RunbookConfig} because past incidents are
 * switched on and tuned on their own; they share only the embedding model.
 */
@ConfigMapping(prefix = "aegis.diagnosis.similar")
public interface SimilarConfig {

    /** Off: closed incidents are not stored and diagnoses cite none (the model still serves runbooks). */
    @WithDefault("true")
    boolean enabled();

    /**
     * A past incident is cited only when the cosine similarity of its text with the new diagnosis' reaches this.
     * Measured with all-MiniLM-L6-v2 on the causes the shipped rules write (SimilarityFiguresTest, README): on the
     * same service the same fault family scores 0.744 to 0.889, unrelated families 0.72 at most, and only two
     * neighbouring families above 0.74 (OOM and memory pressure 0.79, unhealthy and crash 0.80); on another service
     * the same family passes for OOM, memory pressure and CPU (0.74 to 0.78), another family never (0.736 at most).
     */
    @WithDefault("0.74")
    @DecimalMin("0")
    @DecimalMax("1")
    double minSimilarity();

    /** Past incidents cited per diagnosis at most; 0 cites none (they are still stored). */
    @WithDefault("2")
    @Min(0)
    @Max(5)
    int maxResults();
}
