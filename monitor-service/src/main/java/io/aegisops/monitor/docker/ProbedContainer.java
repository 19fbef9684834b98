package io.aegisops.monitor.docker;

import com.github.dockerjava.api.model.Container;
import io.aegisops.contract.Labels;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A running, opted-in container that declares an {@code aegis.health-url}, as the health checker sees it.
 *
 * @param id     full container id: the identity of one run, a recreated container gets a new one
 * @param name   container name without the leading slash
 * @param labels all labels of the container
 * @param image  image the container runs, when the engine reports it (may be null)
 * @param url    the validated probe URL
 */
public record ProbedContainer(String id, String name, Map<String, String> labels, String image, URI url) {

    public ProbedContainer {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /**
     * The container as a probe target; empty when it did not opt in or declares no health URL.
     *
     * @throws IllegalArgumentException when the declared URL is unusable (the message does not echo it)
     */
    static Optional<ProbedContainer> of(Container container) {
        Map<String, String> labels = container.getLabels();
        if (!Labels.isEnabled(labels) || container.getId() == null) {
            return Optional.empty();
        }
        String raw = labels.get(Labels.HEALTH_URL);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        URI url = HealthProbe.parseUrl(raw);
        String[] names = container.getNames();
        String name = names != null && names.length > 0 && names[0] != null
                ? names[0].replaceFirst("^/", "")
                : container.getId().substring(0, Math.min(12, container.getId().length()));
        return Optional.of(new ProbedContainer(container.getId(), name, labels, container.getImage(), url));
    }

    public String service() {
        return Labels.serviceOf(labels, name);
    }

    /** The URL without user info, query or fragment, safe to log and to put in an alert. */
    public String displayUrl() {
        return HealthProbe.display(url);
    }
}
