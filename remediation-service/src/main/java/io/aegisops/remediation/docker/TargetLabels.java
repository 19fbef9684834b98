package io.aegisops.remediation.docker;

import io.aegisops.contract.Labels;
import io.aegisops.remediation.service.RestartBudget;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads the per-container settings from labels, strictly: a label that does not parse never half-works, it falls
 * back to the configured default and is reported once per container and value, so a typo is visible in the log
 * without flooding it on every decision.
 */
public final class TargetLabels {

    private static final Logger LOG = Logger.getLogger(TargetLabels.class);
    private static final Pattern SECONDS = Pattern.compile("\\d{1,3}");
    /** Ten minutes: longer graceful stops belong to a human, not to an automatic restart. */
    public static final int MAX_STOP_TIMEOUT_S = 600;
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private TargetLabels() {
    }

    /** {@code aegis.restart-budget}, else the default. */
    public static RestartBudget restartBudget(ContainerSnapshot container, RestartBudget fallback) {
        String raw = container.labels().get(Labels.RESTART_BUDGET);
        if (raw == null) {
            return fallback;
        }
        try {
            return RestartBudget.parse(raw);
        } catch (IllegalArgumentException e) {
            warnOnce(container, Labels.RESTART_BUDGET, raw, e.getMessage() + "; using the default " + fallback.describe());
            return fallback;
        }
    }

    /** {@code aegis.stop-timeout} in whole seconds (0–600, an optional trailing {@code s}), else the default. */
    public static Duration stopTimeout(ContainerSnapshot container, Duration fallback) {
        String raw = container.labels().get(Labels.STOP_TIMEOUT);
        if (raw == null) {
            return fallback;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("s")) {
            value = value.substring(0, value.length() - 1);
        }
        if (SECONDS.matcher(value).matches() && Integer.parseInt(value) <= MAX_STOP_TIMEOUT_S) {
            return Duration.ofSeconds(Integer.parseInt(value));
        }
        warnOnce(container, Labels.STOP_TIMEOUT, raw, "not a number of seconds between 0 and " + MAX_STOP_TIMEOUT_S
                + "; using the default " + fallback.toSeconds() + "s");
        return fallback;
    }

    /**
     * {@code aegis.health-url} when it is an http(s) URL with a host. An unusable label is reported and treated as
     * absent, so verification falls back to the container state instead of failing on our own parsing.
     */
    public static Optional<URI> healthUrl(ContainerSnapshot container) {
        String raw = container.labels().get(Labels.HEALTH_URL);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseHealthUrl(raw));
        } catch (IllegalArgumentException e) {
            // The value is not echoed: a health URL may carry a token.
            warnOnce(container, Labels.HEALTH_URL, "(value withheld)", e.getMessage() + "; verifying on container state only");
            return Optional.empty();
        }
    }

    /** @throws IllegalArgumentException naming the problem without echoing the value */
    static URI parseHealthUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URI (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("no host");
        }
        return uri;
    }

    /** Scheme, host, port and path only: what may appear in logs, events and the API. */
    public static String display(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static void warnOnce(ContainerSnapshot container, String label, String value, String problem) {
        if (WARNED.add(container.id() + '|' + label + '|' + value)) {
            LOG.warnf("Container %s: label %s=%s is invalid: %s", container.name(), label, value, problem);
        }
    }

    /** For the API: every label value that was ignored, by label name. */
    public static Map<String, String> problems(ContainerSnapshot container) {
        Map<String, String> problems = new java.util.TreeMap<>();
        String budget = container.labels().get(Labels.RESTART_BUDGET);
        if (budget != null && RestartBudget.tryParse(budget).isEmpty()) {
            problems.put(Labels.RESTART_BUDGET, "invalid, default used");
        }
        String url = container.labels().get(Labels.HEALTH_URL);
        if (url != null && !url.isBlank()) {
            try {
                parseHealthUrl(url);
            } catch (IllegalArgumentException e) {
                problems.put(Labels.HEALTH_URL, e.getMessage() + ", ignored");
            }
        }
        return problems;
    }
}
