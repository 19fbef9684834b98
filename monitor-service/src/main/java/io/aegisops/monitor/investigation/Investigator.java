package io.aegisops.monitor.investigation;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Statistics;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.Labels;
import io.aegisops.contract.StackScope;
import io.aegisops.contract.ToolCall;
import io.aegisops.monitor.docker.ContainerLogs;
import io.aegisops.monitor.docker.DaemonThreads;
import io.aegisops.monitor.docker.DockerConfig;
import io.aegisops.monitor.docker.HealthProbe;
import io.aegisops.monitor.docker.ProbeResult;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Looks at an incident's target itself, with read-only engine calls and one health probe, instead of believing the
 * alert; the same reads answer a person's on-demand question about a target ({@link #investigateNamed}). Exists because monitor-service owns the read-only Docker client: what it finds here is what every later
 * decision may rest on. Reads run in parallel under one deadline; a read that fails becomes a tool-call outcome.
 *
 * <p>Only reads from Docker (list, inspect, logs, stats); it never changes a container.
 */
@ApplicationScoped
public class Investigator {

    private static final String RUNNING = "running";
    /** The sampler returns this long before the deadline, so one frame read in time is not lost as a timeout. */
    private static final Duration STATS_MARGIN = Duration.ofMillis(250);
    /** Opted-in containers remembered for reading ahead; more than one engine usually runs. */
    private static final int REMEMBERED = 512;

    private final DockerClient docker;
    private final InvestigatorSettings settings;
    private final ContainerLogs logs;
    private final HealthProbe probe;
    /**
     * Unbounded on purpose: a read the engine never answers is abandoned at the deadline, and its thread must not
     * hold up later investigations. The number of investigations in flight is bounded by their runner.
     */
    private final ExecutorService reads =
            Executors.newCachedThreadPool(DaemonThreads.named("aegis-investigation-read"));
    /** What the latest lists showed, so an investigation's reads need not wait for its own list. */
    private final RecentContainers recent = new RecentContainers(REMEMBERED);
    private final StackScope scope;

    @Inject
    public Investigator(DockerClient docker, DockerConfig dockerConfig, InvestigationConfig config,
                        StackScope scope) {
        this(docker, InvestigatorSettings.of(dockerConfig, config), scope);
    }

    /** For tests and tools: any client, explicit settings, the default stack's scope. */
    public Investigator(DockerClient docker, InvestigatorSettings settings) {
        this(docker, settings, StackScope.DEFAULT);
    }

    /** Any client, explicit settings; only the containers of {@code scope} are looked at. */
    public Investigator(DockerClient docker, InvestigatorSettings settings, StackScope scope) {
        this.docker = docker;
        this.settings = settings;
        this.scope = scope;
        this.logs = new ContainerLogs(docker);
        this.probe = new HealthProbe(settings.probeTimeout());
    }

    @PreDestroy
    void stop() {
        reads.shutdownNow();
    }

    /**
     * Gathers the facts about {@code target}.
     *
     * @param target    the incident's target (logical service)
     * @param container the container the alerts named, preferred among the target's containers (may be null)
     * @param cpu       true to also measure CPU, which needs a second stats sample about a second later
     */
    public Findings investigate(String target, String container, boolean cpu) {
        return investigate(target, container, cpu, facts -> false);
    }

    /**
     * As {@link #investigate(String, String, boolean)}, without waiting for the slow reads once the facts gathered so
     * far settle every claim: inspect and logs are always taken, then the health probe and the engine's stats as they
     * arrive, whichever first. A GC-bound app answers its probe in 150-550 ms, a stats read takes up to a second for
     * memory (the engine's collector samples once a second) and two with CPU, and an automatic heal should not wait
     * for a figure that cannot change its verdict. Claims not settled wait for every read, up to the deadline.
     *
     * <p>Nor do the reads wait for the list: when an earlier list showed the container this one will most likely pick,
     * they start on it at once, beside the list, and are kept when the list picks it again (their calls say "read ahead
     * of the list"), adjusted when its state changed, discarded when the list picks another. The list cost every
     * investigation 10-30 ms on an idle engine, and more when it is busy, before any other read began.
     *
     * @param settled true when the facts gathered so far corroborate every claim under investigation
     */
    public Findings investigate(String target, String container, boolean cpu, Predicate<List<Fact>> settled) {
        OffsetDateTime startedAt = now();
        Gathering gathering = new Gathering(reads, settings.deadline());
        Optional<Reads> ahead = settings.engineEnabled()
                ? recent.guess(target, container).map(guess -> start(gathering, guess, cpu, true))
                : Optional.empty();
        Optional<Container> found = list(gathering, target, all -> choose(all, target, container),
                "no opted-in container for target " + target).flatMap(chosen -> chosen);
        if (found.isEmpty()) {
            ahead.ifPresent(r -> r.discard("read ahead and not used: the list shows no opted-in container for "
                    + target));
            return new Findings(target, null, List.of(), gathering.calls(), startedAt, now());
        }
        Reads started = ahead.map(r -> confirm(gathering, r, found.get(), cpu))
                .orElseGet(() -> start(gathering, found.get(), cpu, false));
        return collect(gathering, started, cpu, settled, startedAt);
    }

    /**
     * Gathers every fact (CPU included, stats always waited for) about the opted-in container a person named, by its
     * container name or its service (the {@code aegis.service} label, the Compose service), for a question asked
     * without an incident. The same reads, deadline and opt-in rule as an incident's investigation.
     *
     * @return empty when the engine answered and no opted-in container has that name or service; otherwise the
     * findings, whose container is null when the engine is not configured or did not answer the list (its tool
     * call says which)
     */
    public Optional<Findings> investigateNamed(String nameOrService) {
        OffsetDateTime startedAt = now();
        Gathering gathering = new Gathering(reads, settings.deadline());
        Optional<Optional<Container>> listed = list(gathering, nameOrService, all -> named(all, nameOrService),
                "no opted-in container named " + nameOrService + " or of that service");
        if (listed.isPresent() && listed.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(listed.flatMap(chosen -> chosen)
                .map(c -> collect(gathering, start(gathering, c, true, false), true, facts -> false, startedAt))
                .orElseGet(() -> new Findings(null, null, List.of(), gathering.calls(), startedAt, now())));
    }

    /**
     * Lists the opted-in containers and picks one.
     *
     * @return empty when nothing was listed (engine not configured, or its answer did not come), else the choice
     */
    private Optional<Optional<Container>> list(Gathering gathering, String argument,
                                               Function<List<Container>, Optional<Container>> chooser,
                                               String missing) {
        if (!settings.engineEnabled()) {
            gathering.record(new ToolCall("engine", argument, 0,
                    "Docker engine not configured (aegis.docker.enabled=false): nothing observed"));
            return Optional.empty();
        }
        return gathering.submit("list", argument, () -> {
                    // Another stack's containers are not there for this one: not listed, not chosen, not read.
                    List<Container> all = docker.listContainersCmd()
                            .withShowAll(true).withLabelFilter(List.of(Labels.ENABLE)).exec().stream()
                            .filter(c -> scope.includes(c.getLabels())).toList();
                    recent.remember(all);
                    return all;
                })
                .await(all -> chooser.apply(all).isPresent() ? "ok" : missing)
                .map(chooser);
    }

    /**
     * Starts every read the container's state allows at once: inspect and logs always, the engine's stats and the
     * health probe while it runs.
     *
     * @param ahead true when the container is only remembered from an earlier list (the fresh list has not answered
     *              yet): its calls say so, and an unusable health URL is reported once the list confirms it
     */
    private Reads start(Gathering gathering, Container container, boolean cpu, boolean ahead) {
        String id = container.getId();
        String name = nameOf(container);
        boolean running = RUNNING.equals(container.getState());
        Gathering.Pending<Optional<InspectContainerResponse>> inspect =
                marked(gathering.submit("inspect", name, () -> inspect(id)), ahead);
        Gathering.Pending<List<String>> tail = marked(gathering.submit("logs", name, () -> logLines(id)), ahead);
        Optional<Gathering.Pending<List<Statistics>>> stats = running
                ? Optional.of(startStats(gathering, id, name, cpu, ahead)) : Optional.empty();
        Optional<Probing> probed = running
                ? healthUrl(gathering, container, name, !ahead).map(url -> startProbe(gathering, url, ahead))
                : Optional.empty();
        return new Reads(container, name, inspect, tail, stats, probed);
    }

    /**
     * Keeps the reads started ahead of the list when the list picked the same container, adjusted to its state now
     * (a container that stopped since is not probed, one that started again is); otherwise discards them, each call
     * saying why, and starts the reads of the container the list picked.
     */
    private Reads confirm(Gathering gathering, Reads ahead, Container listed, boolean cpu) {
        if (!ahead.container().getId().equals(listed.getId())) {
            ahead.discard("read ahead and not used: the list picked " + nameOf(listed) + " instead");
            return start(gathering, listed, cpu, false);
        }
        String name = nameOf(listed);
        boolean running = RUNNING.equals(listed.getState());
        Optional<Gathering.Pending<List<Statistics>>> stats = ahead.stats();
        if (!running && stats.isPresent()) {
            stats.get().abandon("read ahead and not used: the container is " + listed.getState() + " now");
            stats = Optional.empty();
        } else if (running && stats.isEmpty()) {
            stats = Optional.of(startStats(gathering, listed.getId(), name, cpu, false));
        }
        Optional<URI> url = running ? healthUrl(gathering, listed, name, true) : Optional.empty();
        Optional<Probing> probed = ahead.probe();
        if (probed.isPresent() && !url.map(probed.get().url()::equals).orElse(false)) {
            probed.get().read().abandon("read ahead and not used: " + (running
                    ? "the container's health URL changed" : "the container is " + listed.getState() + " now"));
            probed = Optional.empty();
        }
        if (probed.isEmpty() && url.isPresent()) {
            probed = Optional.of(startProbe(gathering, url.get(), false));
        }
        return new Reads(listed, name, ahead.inspect(), ahead.logs(), stats, probed);
    }

    private Gathering.Pending<List<Statistics>> startStats(Gathering gathering, String id, String name, boolean cpu,
                                                          boolean ahead) {
        int frames = cpu ? 2 : 1;
        return marked(gathering.submit("stats", name,
                () -> StatsSampler.sample(docker, id, frames, gathering.remaining().minus(STATS_MARGIN))), ahead);
    }

    private Probing startProbe(Gathering gathering, URI url, boolean ahead) {
        return new Probing(url, marked(gathering.submit("probe", HealthProbe.display(url), () -> probe.probe(url)),
                ahead));
    }

    private static <T> Gathering.Pending<T> marked(Gathering.Pending<T> read, boolean ahead) {
        return ahead ? read.readAhead() : read;
    }

    /**
     * Turns the answers into facts in a fixed order: inspect, logs, probe, stats. Inspect and logs are quick and
     * always taken; the probe and the stats are taken as they arrive, and once the facts so far settle every claim the
     * ones still running are not waited for.
     */
    private Findings collect(Gathering gathering, Reads started, boolean cpu, Predicate<List<Fact>> settled,
                             OffsetDateTime startedAt) {
        FactList facts = new FactList();
        Gathering.Pending<Optional<InspectContainerResponse>> inspect = started.inspect();
        Gathering.Pending<List<String>> tail = started.logs();
        Optional<Gathering.Pending<List<Statistics>>> stats = started.stats();
        Optional<Gathering.Pending<ProbeResult>> probed = started.probe().map(Probing::read);
        Optional<InspectContainerResponse> inspected = inspect
                .await(response -> response.isPresent() ? "ok" : "no such container (removed since it was listed)")
                .map(response -> {
                    response.ifPresentOrElse(r -> InspectFacts.add(facts, r, now()),
                            () -> facts.add(FactNames.STATE, FactList.INSPECT,
                                    "State: missing (removed since it was listed)", "missing", now()));
                    return response;
                })
                .flatMap(response -> response);
        tail.await().ifPresent(lines -> facts.add(FactNames.LOGS, FactList.LOGS, "Last " + lines.size()
                + " log line(s)" + (lines.isEmpty() ? "" : ", ending: " + clip(lines.get(lines.size() - 1))),
                lines, now()));

        boolean early = settleEarly(gathering, facts.list(), probed, stats, inspected, cpu, settled);
        probed.ifPresent(p -> take(p, early).ifPresent(result -> probeFact(facts, result)));
        stats.ifPresent(s -> take(s, early).ifPresent(frames -> statsFacts(facts, frames, inspected, cpu)));
        Container container = started.container();
        return new Findings(Labels.serviceOf(container.getLabels(), started.name()), started.name(), facts.list(),
                gathering.calls(), startedAt, now());
    }

    /**
     * Waits for the probe and the stats, whichever answers first, until the facts so far settle every claim.
     * Judging after each arrival means a GC-bound app's slow probe does not hold up a memory reading that already
     * shows the pressure, nor a stats read of up to a second a failing probe that already shows it; a claim they do not
     * settle waits for every read, up to the deadline, so a forged claim is judged on the full set of facts.
     *
     * @return true when the claims were settled before every read had answered
     */
    private static boolean settleEarly(Gathering gathering, List<Fact> quick,
                                       Optional<Gathering.Pending<ProbeResult>> probed,
                                       Optional<Gathering.Pending<List<Statistics>>> stats,
                                       Optional<InspectContainerResponse> inspected, boolean cpu,
                                       Predicate<List<Fact>> settled) {
        List<Gathering.Pending<?>> slow = Stream.of(probed, stats).<Gathering.Pending<?>>flatMap(Optional::stream)
                .toList();
        while (true) {
            List<Gathering.Pending<?>> running = slow.stream().filter(read -> !read.isDone()).toList();
            if (running.isEmpty()) {
                return false;
            }
            FactList sofar = new FactList();
            quick.forEach(f -> sofar.add(f.name(), f.source(), f.summary(), f.value(), f.observedAt()));
            probed.flatMap(Gathering.Pending::peek).ifPresent(result -> probeFact(sofar, result));
            stats.flatMap(Gathering.Pending::peek).ifPresent(frames -> statsFacts(sofar, frames, inspected, cpu));
            if (settled.test(sofar.list())) {
                return true;
            }
            if (!gathering.awaitAny(running)) {
                return false;
            }
        }
    }

    /** The read's answer; a read still running once the claims were settled is given up and its call says so. */
    private static <T> Optional<T> take(Gathering.Pending<T> read, boolean settledEarly) {
        if (settledEarly && !read.isDone()) {
            read.abandon("not waited for: the facts already gathered corroborate every claim");
            return Optional.empty();
        }
        return read.await();
    }

    /** Empty when the container is gone: an observation, unlike an engine that does not answer. */
    private Optional<InspectContainerResponse> inspect(String id) {
        try {
            return Optional.of(docker.inspectContainerCmd(id).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private List<String> logLines(String id) {
        List<String> lines = logs.tail(id, settings.logTail());
        if (lines.size() == 1 && lines.get(0).startsWith(ContainerLogs.UNAVAILABLE)) {
            throw new IllegalStateException(lines.get(0).substring(1, lines.get(0).length() - 1));
        }
        return lines;
    }

    private static void statsFacts(FactList facts, List<Statistics> frames,
                                   Optional<InspectContainerResponse> inspected, boolean cpu) {
        OffsetDateTime at = now();
        OptionalDouble memory = Usage.memoryPercent(frames.get(frames.size() - 1));
        memory.ifPresent(percent -> facts.add(FactNames.MEMORY_PERCENT, FactList.STATS,
                String.format(Locale.ROOT, "Memory: %.1f%% of its limit (page cache excluded)", percent),
                round(percent), at));
        if (cpu && frames.size() >= 2) {
            Usage.cpuPercent(frames.get(0), frames.get(1),
                            inspected.map(InspectContainerResponse::getHostConfig).orElse(null))
                    .ifPresent(percent -> facts.add(FactNames.CPU_PERCENT, FactList.STATS,
                            String.format(Locale.ROOT, "CPU: %.1f%% of its allowance", percent),
                            round(percent), at));
        }
    }

    private static void probeFact(FactList facts, ProbeResult result) {
        String body = result.evidence().size() > 1 ? ": " + clip(result.evidence().get(1)) : "";
        String head = result.evidence().isEmpty() ? result.outcome() : result.evidence().get(0);
        facts.add(FactNames.PROBE_HEALTHY, FactList.PROBE, head + body, result.healthy(), now());
    }

    /**
     * The label's URL when it is usable; an unusable one is reported (when {@code report}) without echoing it (it may
     * hold a token).
     */
    private static Optional<URI> healthUrl(Gathering gathering, Container container, String name, boolean report) {
        String raw = container.getLabels() == null ? null : container.getLabels().get(Labels.HEALTH_URL);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HealthProbe.parseUrl(raw));
        } catch (IllegalArgumentException e) {
            if (!report) {
                return Optional.empty();
            }
            gathering.record(new ToolCall("probe", name, 0, "not probed: " + Labels.HEALTH_URL + " is unusable ("
                    + e.getMessage() + ")"));
            return Optional.empty();
        }
    }

    /** The named container when it belongs to the target, else the target's running one, else its newest. */
    static Optional<Container> choose(List<Container> containers, String target, String preferred) {
        List<Container> ofTarget = containers.stream()
                .filter(c -> c.getId() != null && Labels.isEnabled(c.getLabels()))
                .filter(c -> Objects.equals(target, Labels.serviceOf(c.getLabels(), nameOf(c))))
                .toList();
        return ofTarget.stream().filter(c -> nameOf(c).equals(preferred)).findFirst()
                .or(() -> ofTarget.stream().max(Comparator
                        .comparing((Container c) -> RUNNING.equals(c.getState()))
                        .thenComparing(c -> c.getCreated() == null ? 0L : c.getCreated())));
    }

    /**
     * The opted-in container a person named: by its container name first, else the running (then newest) one whose
     * service ({@code aegis.service}, else the Compose service) has that name.
     */
    static Optional<Container> named(List<Container> containers, String nameOrService) {
        List<Container> optedIn = containers.stream()
                .filter(c -> c.getId() != null && Labels.isEnabled(c.getLabels()))
                .toList();
        return optedIn.stream().filter(c -> nameOf(c).equals(nameOrService)).findFirst()
                .or(() -> optedIn.stream()
                        .filter(c -> nameOrService.equals(Labels.serviceOf(c.getLabels(), nameOf(c)))
                                || nameOrService.equals(composeService(c)))
                        .max(Comparator.comparing((Container c) -> RUNNING.equals(c.getState()))
                                .thenComparing(c -> c.getCreated() == null ? 0L : c.getCreated())));
    }

    private static String composeService(Container container) {
        return container.getLabels() == null ? null : container.getLabels().get(Labels.COMPOSE_SERVICE);
    }

    private static String nameOf(Container container) {
        return Optional.ofNullable(container.getNames()).stream().flatMap(Arrays::stream)
                .filter(Objects::nonNull).findFirst()
                .map(n -> n.replaceFirst("^/", ""))
                .orElse(container.getId().substring(0, Math.min(12, container.getId().length())));
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    private static String clip(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The reads started on one container: inspect and logs always, stats and the probe while it runs. */
    private record Reads(Container container, String name,
                         Gathering.Pending<Optional<InspectContainerResponse>> inspect,
                         Gathering.Pending<List<String>> logs,
                         Optional<Gathering.Pending<List<Statistics>>> stats,
                         Optional<Probing> probe) {

        /** Gives up on every read, each call recording {@code why}. */
        void discard(String why) {
            Stream.concat(Stream.of(inspect, logs), Stream.concat(stats.stream(), probe.stream().map(Probing::read)))
                    .forEach(read -> read.abandon(why));
        }
    }

    /** A probe in flight and the URL it asked, to tell whether the container still declares it. */
    private record Probing(URI url, Gathering.Pending<ProbeResult> read) {
    }
}
