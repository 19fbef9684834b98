package io.aegisops.remediation.docker;

import io.aegisops.contract.Action;
import io.aegisops.remediation.config.RemediationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Decides whether an action worked, by looking rather than trusting the engine's "OK": the container must be
 * running (healthy for Docker when it has a HEALTHCHECK) and its {@code aegis.health-url} must answer 2xx; after a
 * STOP it must be stopped; after a RESTART it must also run a new start ({@link RestartProof}), so an action that
 * never reached the engine is not taken for one that worked. Polls with {@link VerifyBackoff} until it holds or the
 * deadline passes, or until the container has exited again after a (re)start, which no amount of waiting will
 * cure. Only reads.
 */
@ApplicationScoped
public class HealthVerifier {

    private final DockerEngine engine;
    private final RemediationConfig.Verify config;
    private final HttpClient http;

    public HealthVerifier(DockerEngine engine, RemediationConfig config) {
        this.engine = engine;
        this.config = config.verify();
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.config.probeTimeout())
                // A health URL must prove this container healthy, not send us elsewhere: a 3xx is not healthy.
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * The verdict of a verification.
     *
     * @param healthy        the wanted state was reached before the deadline
     * @param checks         how many times the container was looked at
     * @param observation    what the last check saw, in words
     * @param startedAtAfter the container's State.StartedAt at the last check (null if it is gone)
     * @param tookMillis     time spent verifying
     */
    public record Verdict(boolean healthy, int checks, String observation, String startedAtAfter, long tookMillis) {
    }

    /**
     * Looks until the container is in the state {@code action} should have left it in.
     *
     * @param proof what a RESTART must show besides health (a new run); null when nothing beyond the state is owed
     */
    public Verdict verify(String containerId, Action action, RestartProof proof) {
        long begin = System.nanoTime();
        long deadline = begin + config.deadline().toNanos();
        VerifyBackoff backoff = new VerifyBackoff(config.initialBackoff(), config.maxBackoff());
        int checks = 0;
        String observation = "not checked";
        String startedAt = null;
        while (true) {
            checks++;
            Optional<ContainerSnapshot> seen;
            try {
                seen = engine.inspect(containerId);
            } catch (RuntimeException e) {
                seen = null;
                observation = "engine unreachable: " + e.getClass().getSimpleName();
            }
            if (seen != null) {
                if (seen.isEmpty()) {
                    return new Verdict(false, checks, "container " + containerId + " no longer exists", null, millisSince(begin));
                }
                ContainerSnapshot container = seen.get();
                startedAt = container.startedAt();
                observation = observe(container, action, proof);
                if (observation == null) {
                    return new Verdict(true, checks, healthyText(container, action), startedAt, millisSince(begin));
                }
                if (diedAgain(container, action)) {
                    // The action returned with the container started: ended again means it does not stay up,
                    // and waiting out the deadline would only delay the escalation.
                    return new Verdict(false, checks, "container is " + container.status() + " again after the "
                            + action + ": it does not stay up", startedAt, millisSince(begin));
                }
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return new Verdict(false, checks, "not healthy within " + config.deadline().toSeconds() + " s: "
                        + observation, startedAt, millisSince(begin));
            }
            sleep(Math.min(backoff.next().toNanos(), remaining));
        }
    }

    private static boolean diedAgain(ContainerSnapshot container, Action action) {
        return action != Action.STOP && ("exited".equals(container.status()) || "dead".equals(container.status()));
    }

    /** Null when the container is in the wanted state, else what is still wrong. */
    private String observe(ContainerSnapshot container, Action action, RestartProof proof) {
        if (action == Action.STOP) {
            return container.running() ? "still running" : null;
        }
        if (!container.running()) {
            return "container is " + container.status();
        }
        String notRestarted = proof == null ? null : proof.missing(container.startedAt());
        if (notRestarted != null) {
            return notRestarted;
        }
        if (container.health() != null && !"healthy".equals(container.health())) {
            return "Docker health is " + container.health();
        }
        Optional<URI> url = TargetLabels.healthUrl(container);
        return url.map(this::probe).orElse(null);
    }

    private static String healthyText(ContainerSnapshot container, Action action) {
        if (action == Action.STOP) {
            return "container is " + container.status();
        }
        String docker = container.health() == null ? "" : ", Docker health " + container.health();
        String url = TargetLabels.healthUrl(container).map(u -> ", " + TargetLabels.display(u) + " answered 2xx").orElse("");
        String state = action == Action.RESTART
                ? "container restarted (a new run, started " + container.startedAt() + ") and running"
                : "container running";
        return state + docker + url;
    }

    /** Null on 2xx, else why not. */
    private String probe(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.probeTimeout())
                .header("User-Agent", "aegisops-remediation-verify").GET().build();
        // One deadline for connect, answer and body, so an endless body cannot hold the verifier.
        CompletableFuture<HttpResponse<Void>> call = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = call.get(config.probeTimeout().toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return status >= 200 && status < 300 ? null : TargetLabels.display(url) + " answered HTTP " + status;
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return "verification interrupted";
        } catch (TimeoutException e) {
            call.cancel(true);
            return TargetLabels.display(url) + " did not answer within " + config.probeTimeout().toMillis() + " ms";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return TargetLabels.display(url) + " unreachable (" + cause.getClass().getSimpleName() + ")";
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        }
    }

    private static long millisSince(long beginNanos) {
        return Duration.ofNanos(System.nanoTime() - beginNanos).toMillis();
    }
}
