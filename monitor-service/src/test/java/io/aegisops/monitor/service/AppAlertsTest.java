package io.aegisops.monitor.service;

import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AppAlert;
import io.aegisops.contract.Severity;
import io.aegisops.kit.rest.ApiError;
import io.aegisops.kit.rest.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AppAlertsTest {

    @Test
    void shouldNormaliseAValidAlertWithDefaults() {
        NewAlert alert = AppAlerts.validate(new AppAlert(AlertType.MEMORY_PRESSURE, "buggy-app", "abc123", null,
                "heap 93%", Map.of("heapUsedPercent", 93.1), List.of("line"), null));

        assertThat(alert.source()).isEqualTo(AlertSource.APP_WEBHOOK);
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.target()).isEqualTo("buggy-app");
        assertThat(alert.firing()).isTrue();
        assertThat(alert.observedAt()).isNotNull();
        assertThat(alert.fingerprint()).hasSize(16);
    }

    @Test
    void shouldNameEveryMissingField() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> AppAlerts.validate(new AppAlert(null, " ", null, null, null, null, null, null)));

        assertThat(e.violations()).extracting(ApiError.Violation::field)
                .containsExactlyInAnyOrder("type", "service", "summary");
    }

    @Test
    void shouldRefuseOversizedEvidenceAndFutureObservations() {
        List<String> evidence = Collections.nCopies(AppAlerts.MAX_EVIDENCE_LINES + 1, "x");
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> AppAlerts.validate(new AppAlert(AlertType.CRASH, "svc", null, Severity.CRITICAL, "s", null,
                        evidence, OffsetDateTime.now().plusHours(1))));

        assertThat(e.violations()).extracting(ApiError.Violation::field).contains("evidence", "observedAt");
    }

    @Test
    void shouldRefuseServiceNamesOutsideTheSafeAlphabet() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> AppAlerts.validate(new AppAlert(AlertType.CRASH, "svc; rm -rf /", null, null, "s", null,
                        null, null)));

        assertThat(e.violations()).extracting(ApiError.Violation::field).containsExactly("service");
    }
}
