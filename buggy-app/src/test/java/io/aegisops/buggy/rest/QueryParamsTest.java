package io.aegisops.buggy.rest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParamsTest {

    @Test
    void shouldUseTheDefaultOnlyWhenTheParameterIsAbsent() {
        assertThat(QueryParams.intInRange("mb", null, 64, 1, 1024)).isEqualTo(64);
    }

    @Test
    void shouldAcceptTheBoundsOfTheRange() {
        assertThat(QueryParams.intInRange("mb", "1", 64, 1, 1024)).isEqualTo(1);
        assertThat(QueryParams.intInRange("mb", "1024", 64, 1, 1024)).isEqualTo(1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0", "1025", "-5", "1.5", "99999999999"})
    void shouldNameTheParameterAndItsRangeWhenTheValueIsBad(String raw) {
        assertThatThrownBy(() -> QueryParams.intInRange("mb", raw, 64, 1, 1024))
                .isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("mb");
                    assertThat(e.getMessage()).isEqualTo("mb must be between 1 and 1024");
                });
    }
}
