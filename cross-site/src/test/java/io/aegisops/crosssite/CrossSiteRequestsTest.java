package io.aegisops.crosssite;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CrossSiteRequestsTest {

    @ParameterizedTest(name = "Sec-Fetch-Site={0}, Origin={1}, Host={2} -> refused={3}")
    @CsvSource(nullValues = "-", value = {
            "-, -, localhost:8000, false",
            "none, -, localhost:8000, false",
            "same-origin, http://localhost:8000, localhost:8000, false",
            "-, http://localhost:8000, localhost:8000, false",
            "-, http://LOCALHOST:8000, localhost:8000, false",
            "cross-site, -, localhost:8000, true",
            "same-site, http://localhost:8080, localhost:8000, true",
            "-, http://evil.example, localhost:8000, true",
            "-, http://localhost:8080, localhost:8000, true",
            "-, null, localhost:8000, true",
            "-, not an origin, localhost:8000, true",
            "-, http://localhost:8000, -, true"})
    void shouldRefuseWhatABrowserSentFromAnotherSite(String fetchSite, String origin, String host, boolean refused) {
        assertThat(CrossSiteRequests.reason(fetchSite, origin, host).isPresent()).isEqualTo(refused);
    }

    @ParameterizedTest(name = "{0} unsafe={1}")
    @CsvSource({"GET, false", "head, false", "OPTIONS, false", "POST, true", "delete, true", "PATCH, true"})
    void shouldTellWhichMethodsChangeSomething(String method, boolean unsafe) {
        assertThat(CrossSiteRequests.unsafe(method)).isEqualTo(unsafe);
    }
}
