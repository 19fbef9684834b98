package io.aegisops.diagnosis.service;

import io.aegisops.contract.Action;
import io.aegisops.diagnosis.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiagnoserChainTest {

    private final DiagnosisInput input = new DiagnosisInput(Fixtures.incident(List.of()), List.of());
    private final List<String> asked = new ArrayList<>();

    private Diagnoser diagnoser(String engine, Function<DiagnosisInput, Optional<ProposedDiagnosis>> answer) {
        return new Diagnoser() {
            @Override
            public String engine() {
                return engine;
            }

            @Override
            public Optional<ProposedDiagnosis> diagnose(DiagnosisInput in) {
                asked.add(engine);
                return answer.apply(in);
            }
        };
    }

    private static Optional<ProposedDiagnosis> concludes(String engine) {
        return Optional.of(new ProposedDiagnosis(engine, null, "cause", Action.RESTART, 0.8, List.of(), "why"));
    }

    @Test
    void shouldTakeTheFirstConclusionAndAskNoFurther() {
        DiagnoserChain chain = new DiagnoserChain(List.of(diagnoser("llm", in -> concludes("llm")),
                diagnoser("rules", in -> concludes("rules"))));

        assertThat(chain.diagnose(input).engine()).isEqualTo("llm");
        assertThat(asked).containsExactly("llm");
    }

    @Test
    void shouldFallBackWhenADiagnoserCannotConclude() {
        DiagnoserChain chain = new DiagnoserChain(List.of(diagnoser("llm", in -> Optional.empty()),
                diagnoser("rules", in -> concludes("rules"))));

        assertThat(chain.diagnose(input).engine()).isEqualTo("rules");
        assertThat(asked).containsExactly("llm", "rules");
    }

    @Test
    void shouldFallBackWhenADiagnoserFails() {
        DiagnoserChain chain = new DiagnoserChain(List.of(diagnoser("llm", in -> {
            throw new IllegalStateException("model timed out");
        }), diagnoser("rules", in -> concludes("rules"))));

        assertThat(chain.diagnose(input).engine()).isEqualTo("rules");
        assertThat(chain.engines()).containsExactly("llm", "rules");
    }

    @Test
    void shouldFailNamingTheEnginesWhenNoneConcludes() {
        DiagnoserChain chain = new DiagnoserChain(List.of(diagnoser("rules", in -> Optional.empty())));

        assertThatThrownBy(() -> chain.diagnose(input)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no diagnoser concluded").hasMessageContaining("[rules]");
    }

    @Test
    void shouldRefuseAProposalWithAConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> new ProposedDiagnosis("llm", null, "c", Action.RESTART, 1.2, List.of(), "j"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.2");
        assertThatThrownBy(() -> new ProposedDiagnosis("llm", null, "c", Action.RESTART, Double.NaN, List.of(), "j"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
