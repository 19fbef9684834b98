package io.aegisops.remediation.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.aegisops.contract.Labels;
import io.aegisops.contract.StackScope;
import io.aegisops.remediation.config.RemediationConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Docker engine as the rest of the service may use it: reads only (inspect, list, events). The client that
 * could change a container is held here privately and lent to {@link ActionExecutor} alone, inside this package;
 * no CDI bean exposes a {@link DockerClient}, so no other class can stop or start anything.
 */
@ApplicationScoped
public class DockerEngine {

    private static final Logger LOG = Logger.getLogger(DockerEngine.class);
    /** Fail fast on an absent engine. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Bounds every request except the event stream: the longest legitimate answer is a restart that waits for the
     * longest allowed stop timeout ({@link TargetLabels#MAX_STOP_TIMEOUT_S}); a hung engine must not hold an action
     * (and its lease) forever.
     */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(TargetLabels.MAX_STOP_TIMEOUT_S + 60L);

    private final String host;
    private final StackScope scope;
    private volatile DockerClient client;
    private volatile DockerClient streamClient;

    @Inject
    public DockerEngine(RemediationConfig config, StackScope scope) {
        this(config.docker().host(), scope);
    }

    /** An engine at {@code host} without the CDI container: the proxy tests drive the production client with it. */
    DockerEngine(String host) {
        this(host, StackScope.DEFAULT);
    }

    DockerEngine(String host, StackScope scope) {
        this.host = requireDockerHost(host);
        this.scope = scope;
    }

    /** Which opted-in containers are this stack's: the only ones listed, followed and touched. */
    public StackScope scope() {
        return scope;
    }

    /** Only the executor (same package) gets the client that can change containers. */
    DockerClient client() {
        DockerClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    LOG.infof("Remediation talks to the Docker engine at %s", host);
                    client = create(host, COMMAND_TIMEOUT);
                }
                current = client;
            }
        }
        return current;
    }

    /** A client without a response timeout: the event stream legitimately stays silent for hours. */
    private DockerClient streamClient() {
        DockerClient current = streamClient;
        if (current == null) {
            synchronized (this) {
                if (streamClient == null) {
                    streamClient = create(host, null);
                }
                current = streamClient;
            }
        }
        return current;
    }

    /** The container by id or name, if it exists. */
    public Optional<ContainerSnapshot> inspect(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ContainerSnapshot.of(client().inspectContainerCmd(idOrName.trim()).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Every container, running or not, with its labels (not inspected). */
    public List<ContainerSummary> listAll() {
        return client().listContainersCmd().withShowAll(true).exec().stream().map(DockerEngine::summary).toList();
    }

    /** Every container carrying {@code aegis.enable=true} that is this stack's ({@link #scope()}), inspected. */
    public List<ContainerSnapshot> listOptedIn() {
        return client().listContainersCmd().withShowAll(true).withLabelFilter(List.of(Labels.ENABLE)).exec().stream()
                .filter(c -> scope.includes(c.getLabels()))
                .map(c -> inspect(c.getId()))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * Streams container events of opted-in containers since {@code since} (Engine API form {@code seconds.nanos}).
     * The callback is closed to end the stream.
     */
    public <T extends ResultCallback<Event>> T events(String since, List<String> actions, T callback) {
        return streamClient().eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withLabelFilter(Labels.ENABLE)
                .withEventFilter(actions.toArray(String[]::new))
                .withSince(since)
                .exec(callback);
    }

    /** A container from the list endpoint: id, name and labels. */
    public record ContainerSummary(String id, String name, java.util.Map<String, String> labels) {
        public String service() {
            return Labels.serviceOf(labels, name);
        }
    }

    private static ContainerSummary summary(Container c) {
        String name = c.getNames() == null ? c.getId() : Arrays.stream(c.getNames())
                .filter(n -> n != null && n.indexOf('/', 1) < 0)
                .findFirst().orElse(c.getId()).replaceFirst("^/", "");
        return new ContainerSummary(c.getId(), name, c.getLabels() == null ? java.util.Map.of() : c.getLabels());
    }

    @PreDestroy
    void close() {
        for (DockerClient current : new DockerClient[] {client, streamClient}) {
            if (current != null) {
                try {
                    current.close();
                } catch (IOException e) {
                    LOG.debugf(e, "Closing a Docker client failed; the process is ending anyway");
                }
            }
        }
    }

    static String requireDockerHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("aegis.remediation.docker.host must not be blank");
        }
        URI uri;
        try {
            uri = URI.create(host.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aegis.remediation.docker.host is not a URI: " + host, e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("unix") || scheme.equals("tcp") || scheme.equals("npipe"))) {
            throw new IllegalArgumentException(
                    "aegis.remediation.docker.host must start with unix://, tcp:// or npipe://, was: " + host);
        }
        return uri.toString();
    }

    private static DockerClient create(String host, Duration responseTimeout) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .build();
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }
}
