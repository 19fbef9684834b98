package io.aegisops.monitor.service;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintsTest {

    @Test
    void shouldBeStableAndDistinguishParts() {
        assertThat(Fingerprints.of("a", "b")).isEqualTo(Fingerprints.of("a", "b"));
        assertThat(Fingerprints.of("a", "b")).isNotEqualTo(Fingerprints.of("ab", ""));
        assertThat(Fingerprints.of("a", null)).isEqualTo(Fingerprints.of("a", ""));
    }

    @Test
    void shouldIgnoreLabelOrder() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("a", "1");
        one.put("b", "2");
        Map<String, String> two = new LinkedHashMap<>();
        two.put("b", "2");
        two.put("a", "1");

        assertThat(Fingerprints.ofLabels(one)).isEqualTo(Fingerprints.ofLabels(two));
        assertThat(Fingerprints.ofLabels(Map.of("a", "12"))).isNotEqualTo(Fingerprints.ofLabels(Map.of("a1", "2")));
    }
}
