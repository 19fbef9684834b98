package io.aegisops.monitor.docker;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP GET against a container's {@code aegis.health-url}. Exists to make a probe strictly bounded:
 * one deadline for connect, answer and body, at most a few KiB of body read, and redirects followed only
 * on the same scheme, host and port (a health URL must not send the monitor to arbitrary hosts).
 */
public class HealthProbe {

    static final int BODY_CHARS = 500;
    static final int MAX_REDIRECTS = 3;
    private static final int BODY_BYTES = 4 * BODY_CHARS;

    private final HttpClient http;
    private final Duration timeout;

    public HealthProbe(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("aegis.docker.health-timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Validates a health URL taken from a label.
     *
     * @throws IllegalArgumentException naming the problem, without echoing the value (it may carry a token)
     */
    public static URI parseUrl(String raw) {
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

    /** Scheme, host, port and path only: what may appear in logs and alerts. */
    public static String display(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return uri.getScheme() + "://" + uri.getHost() + port + path;
    }

    public ProbeResult probe(URI url) {
        URI current = url;
        for (int hop = 0; ; hop++) {
            HttpRequest request = HttpRequest.newBuilder(current)
                    .timeout(timeout)
                    .header("User-Agent", "aegisops-monitor-health")
                    .GET()
                    .build();
            CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, info -> new CappedBody(BODY_BYTES));
            HttpResponse<byte[]> response;
            try {
                response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                call.cancel(true);
                return failed(current, "no answer within " + timeout.toMillis() + " ms");
            } catch (ExecutionException e) {
                return failed(current, describe(e.getCause()));
            } catch (InterruptedException e) {
                call.cancel(true);
                Thread.currentThread().interrupt();
                return failed(current, "probe interrupted");
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new ProbeResult(true, status, "HTTP " + status, List.of("GET " + display(current) + " -> HTTP " + status));
            }
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                URI next;
                try {
                    next = current.resolve(location.get().trim());
                } catch (IllegalArgumentException e) {
                    return answered(current, status, "invalid redirect", response.body());
                }
                if (!sameOrigin(url, next)) {
                    return answered(current, status, "redirect to another host refused", response.body());
                }
                if (hop >= MAX_REDIRECTS) {
                    return answered(current, status, "more than " + MAX_REDIRECTS + " redirects", response.body());
                }
                current = next;
                continue;
            }
            return answered(current, status, "HTTP " + status, response.body());
        }
    }

    private static ProbeResult answered(URI url, int status, String outcome, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.length() > BODY_CHARS) {
            text = text.substring(0, BODY_CHARS);
        }
        String head = "GET " + display(url) + " -> HTTP " + status
                + (outcome.equals("HTTP " + status) ? "" : " (" + outcome + ")");
        List<String> evidence = text.isBlank() ? List.of(head) : List.of(head, text);
        return new ProbeResult(false, status, outcome, evidence);
    }

    private static ProbeResult failed(URI url, String error) {
        return new ProbeResult(false, 0, error, List.of("GET " + display(url) + " failed: " + error));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return b.getScheme() != null && b.getHost() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** A short, stable phrase per failure kind; the JDK often leaves the message of these exceptions null. */
    static String describe(Throwable error) {
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "connect timed out";
            }
            if (cause instanceof HttpTimeoutException) {
                return "request timed out";
            }
            if (cause instanceof ConnectException) {
                return cause.getMessage() == null ? "connection refused" : "connection failed: " + cause.getMessage();
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (cause.getCause() == null || cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        Throwable root = Objects.requireNonNullElse(cause, error);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /**
     * Keeps the first {@code cap} bytes of a body and then cancels the transfer, so a huge or endless health
     * page cannot hold a probe thread or fill memory.
     */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), cap - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() >= cap) {
                subscription.cancel();
                result.complete(bytes.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
