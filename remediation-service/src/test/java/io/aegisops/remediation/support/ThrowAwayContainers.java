package io.aegisops.remediation.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.aegisops.contract.Labels;
import io.aegisops.dockerkit.EventTimes;
import io.aegisops.testsupport.TestStack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real engine as the tests drive it, playing the operator: creates, starts and stops throw-away containers
 * from the local test image, all labelled {@code aegis.test=true} plus a per-run label so they are removed even
 * when a test fails. The code under test never gets this client.
 */
public final class ThrowAwayContainers implements AutoCloseable {

    public static final String IMAGE_PROPERTY = "aegis.test.image";
    static final String TEST_LABEL = "aegis.test";
    static final String RUN_LABEL = "aegis.test.run";
    /** Runs until stopped and stops at once on SIGTERM (a shell as PID 1 would ignore it until the stop timeout). */
    public static final String RUN_FOREVER = "trap 'exit 0' TERM; sleep 3600 & wait";
    /** Crashes with exit 3 the first time, runs normally when started again (the container's file system stays). */
    public static final String CRASH_ONCE = "if [ -f /tmp/crashed-once ]; then " + RUN_FOREVER
            + "; else touch /tmp/crashed-once; exit 3; fi";

    private final DockerClient docker;
    private final String image = System.getProperty(IMAGE_PROPERTY, "aegisops/jre:17");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> created = new CopyOnWriteArrayList<>();

    public ThrowAwayContainers() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        docker = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5))
                .build());
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            fail("Test image '%s' is not in the local Docker engine (docker pull cannot fetch it here). Build the local "
                    + "base images or pass -D%s=<a local image with /bin/sh>.", image, IMAGE_PROPERTY);
        }
    }

    /** A name (and target) unique to this run, so tests never see each other's containers. */
    public String uniqueName(String purpose) {
        return "aegis-rit-" + purpose + "-" + run + "-" + sequence.incrementAndGet();
    }

    /** Labels of an opted-in container serving {@code target}, plus {@code extra}. */
    public static Map<String, String> optedIn(String target, String... extra) {
        Map<String, String> labels = new HashMap<>(Map.of(Labels.ENABLE, "true", Labels.SERVICE, target,
                Labels.STACK, TestStack.NAME));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            labels.put(extra[i], extra[i + 1]);
        }
        return labels;
    }

    /** Starts a container running {@code script} with /bin/sh; returns its id. */
    public String start(String name, Map<String, String> labels, String script) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(TEST_LABEL, "true");
        all.put(RUN_LABEL, run);
        String id = docker.createContainerCmd(image)
                .withName(name)
                .withLabels(all)
                .withEntrypoint("/bin/sh", "-c", script)
                .exec()
                .getId();
        created.add(id);
        docker.startContainerCmd(id).exec();
        return id;
    }

    public String startedAt(String id) {
        return docker.inspectContainerCmd(id).exec().getState().getStartedAt();
    }

    public boolean running(String id) {
        return Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getRunning());
    }

    /** What an operator does with {@code docker stop}. */
    public void stopAsOperator(String id) {
        docker.stopContainerCmd(id).withTimeout(5).exec();
    }

    public int awaitExit(String id) {
        Integer code = docker.waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
        return code == null ? -1 : code;
    }

    /**
     * What the engine reported as {@code action} (e.g. {@code restart}) for the container since {@code since}, one
     * line per event with its time and attributes: the engine's own record of what was done to it, independent of
     * what remediation reports. Tests assert on the list so a failure shows every event, not just a count.
     * <p>
     * An event identical to the nanosecond is one event: the engine appends an event to its history and publishes it
     * to live subscribers in two steps, so a subscription that falls between them receives it twice (once from the
     * history, once live). Two real restarts never share a nanosecond timestamp.
     */
    public List<String> events(String id, String action, Instant since) {
        Map<String, String> events = Collections.synchronizedMap(new LinkedHashMap<>());
        Instant until = Instant.now().plusSeconds(1);
        try {
            docker.eventsCmd()
                    .withContainerFilter(id)
                    .withEventFilter(action)
                    .withSince(Long.toString(since.getEpochSecond() - 1))
                    .withUntil(until.getEpochSecond() + "." + String.format("%09d", until.getNano()))
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            long nanos = EventTimes.nanos(event).orElse(0L);
                            events.putIfAbsent(nanos + " " + event.getAction(), Instant.ofEpochSecond(0, nanos) + " "
                                    + event.getAction() + " "
                                    + (event.getActor() == null ? Map.of() : event.getActor().getAttributes()));
                        }
                    })
                    .awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        synchronized (events) {
            return List.copyOf(events.values());
        }
    }

    @Override
    public void close() throws IOException {
        List<String> ids = new ArrayList<>(created);
        for (Container leftover : docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(RUN_LABEL, run)).exec()) {
            if (!ids.contains(leftover.getId())) {
                ids.add(leftover.getId());
            }
        }
        for (String id : ids) {
            try {
                docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException alreadyGone) {
                // removed already
            }
        }
        docker.close();
    }
}
