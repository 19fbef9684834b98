package io.aegisops.remediation.docker;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * Finds the one container a diagnosis is about. Only opted-in containers of the diagnosed target are candidates;
 * when none exists but a container of that name or service does, the answer is a refusal ("not opted in") rather
 * than "not found", so the timeline says plainly that AegisOps was not allowed to touch it.
 */
@ApplicationScoped
public class ContainerLocator {

    private final DockerEngine engine;

    public ContainerLocator(DockerEngine engine) {
        this.engine = engine;
    }

    /** What the search found. */
    public enum Kind {
        FOUND,
        NOT_OPTED_IN,
        NOT_FOUND,
        AMBIGUOUS
    }

    /**
     * @param kind      what was found
     * @param container the container when FOUND
     * @param problem   why nothing may be touched, in words for the timeline (null when FOUND)
     */
    public record Location(Kind kind, ContainerSnapshot container, String problem) {
        public boolean found() {
            return kind == Kind.FOUND;
        }
    }

    /**
     * @param target    the incident's target (logical service)
     * @param preferred the container named in the diagnosis (name or id), may be null
     */
    public Location locate(String target, String preferred) {
        List<ContainerSnapshot> candidates = engine.listOptedIn().stream()
                .filter(c -> target.equals(c.service()))
                .toList();
        Optional<ContainerSnapshot> named = candidates.stream().filter(c -> matches(c.id(), c.name(), preferred)).findFirst();
        if (named.isPresent()) {
            return new Location(Kind.FOUND, named.get(), null);
        }
        if (candidates.size() == 1) {
            return new Location(Kind.FOUND, candidates.get(0), null);
        }
        if (candidates.size() > 1) {
            return new Location(Kind.AMBIGUOUS, null, candidates.size() + " opted-in containers serve target " + target
                    + " (" + String.join(", ", candidates.stream().map(ContainerSnapshot::name).toList())
                    + ") and the diagnosis names none of them");
        }
        Optional<DockerEngine.ContainerSummary> notOurs = engine.listAll().stream()
                .filter(c -> !engine.scope().includes(c.labels()))
                .filter(c -> matches(c.id(), c.name(), preferred) || target.equals(c.name()) || target.equals(c.service()))
                .findFirst();
        if (notOurs.isPresent()) {
            return new Location(Kind.NOT_OPTED_IN, null, NotOptedInException.refusing(notOurs.get().name(),
                    notOurs.get().labels(), engine.scope()).orElseThrow().getMessage());
        }
        return new Location(Kind.NOT_FOUND, null, "no opted-in container for target " + target);
    }

    /** Re-finds a container chosen earlier, by id first (it may have been recreated since, then by target). */
    public Location relocate(String target, String containerId, String containerName) {
        if (containerId != null) {
            Optional<ContainerSnapshot> same = engine.inspect(containerId);
            if (same.isPresent() && engine.scope().includes(same.get().labels()) && target.equals(same.get().service())) {
                return new Location(Kind.FOUND, same.get(), null);
            }
        }
        return locate(target, containerName);
    }

    private static boolean matches(String id, String name, String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return false;
        }
        String w = wanted.trim().replaceFirst("^/", "");
        return w.equals(name) || w.equals(id) || (w.length() >= 12 && id.startsWith(w));
    }
}
