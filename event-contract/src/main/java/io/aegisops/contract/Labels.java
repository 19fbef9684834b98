package io.aegisops.contract;

/**
 * Docker labels by which a container opts in to AegisOps. Nothing without {@link #ENABLE}{@code =true} is
 * ever watched or touched; the constants live here so the watcher and the executor read the same names.
 */
public final class Labels {
    /** {@code true} opts the container in; absent or anything else means ignored. */
    public static final String ENABLE = "aegis.enable";
    /** URL, reachable inside the compose network, that proves the container healthy. */
    public static final String HEALTH_URL = "aegis.health-url";
    /** Logical service name; defaults to {@link #COMPOSE_SERVICE}, then the container name. */
    public static final String SERVICE = "aegis.service";
    /** {@code auto} (default) or {@code manual}: always ask a human before acting. */
    public static final String POLICY = "aegis.policy";
    /** Restart budget such as {@code 3/15m}. */
    public static final String RESTART_BUDGET = "aegis.restart-budget";
    /** Seconds to wait for a graceful stop before the engine kills the container. */
    public static final String STOP_TIMEOUT = "aegis.stop-timeout";
    /**
     * The AegisOps stack a container belongs to ({@link StackScope}); absent means any stack that takes unclaimed
     * containers. The demo's buggy-app and the end-to-end suite's containers name theirs.
     */
    public static final String STACK = "aegis.stack";
    /** Set by docker-compose (v1 and v2) on every service container. */
    public static final String COMPOSE_SERVICE = "com.docker.compose.service";

    private Labels() {
    }

    /** True only for the exact opt-in value, so a typo never enrols a container by accident. */
    public static boolean isEnabled(java.util.Map<String, String> labels) {
        return labels != null && "true".equalsIgnoreCase(labels.getOrDefault(ENABLE, "").trim());
    }

    /** The logical service a container belongs to: aegis.service, then the compose service, then the name. */
    public static String serviceOf(java.util.Map<String, String> labels, String containerName) {
        if (labels != null) {
            String explicit = labels.get(SERVICE);
            if (explicit != null && !explicit.isBlank()) {
                return explicit.trim();
            }
            String compose = labels.get(COMPOSE_SERVICE);
            if (compose != null && !compose.isBlank()) {
                return compose.trim();
            }
        }
        return containerName == null ? null : containerName.replaceFirst("^/", "");
    }
}
