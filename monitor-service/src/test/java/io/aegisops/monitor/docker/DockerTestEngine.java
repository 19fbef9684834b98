package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.aegisops.contract.Labels;
import io.aegisops.testsupport.TestStack;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real engine as the integration tests use it: throw-away containers from the local test image, all
 * labelled {@code aegis.test=true} plus a per-run label so they are removed even when a test fails.
 * Unlike the code under test, this helper does create, start, stop and remove containers. Public for the
 * investigation tests, which read the same throw-away containers.
 */
public final class DockerTestEngine implements AutoCloseable {

    static final String IMAGE_PROPERTY = "aegis.test.image";
    static final String TEST_LABEL = "aegis.test";
    static final String RUN_LABEL = "aegis.test.run";

    public final DockerClient docker = DockerClients.create(host());
    public final String image = System.getProperty(IMAGE_PROPERTY, "aegisops/jre:17");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> created = new CopyOnWriteArrayList<>();

    /** The engine address the test JVM uses, as production reads it from DOCKER_HOST. */
    public static String host() {
        String env = System.getenv("DOCKER_HOST");
        return env == null || env.isBlank() ? "unix:///var/run/docker.sock" : env;
    }

    /** Fails (never skips) when the local test image is missing: {@code docker pull} cannot fetch it here. */
    public void requireImage() {
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            fail("Test image '%s' is not in the local Docker engine. Run `./aegisops test`, which builds the local "
                    + "base images, or pass -D%s=<a local image with /bin/sh>.", image, IMAGE_PROPERTY);
        }
    }

    /** A container name unique to this run, so alerts of parallel runs and other stacks never mix. */
    public String name(String purpose) {
        return "aegis-it-" + purpose + "-" + run + "-" + sequence.incrementAndGet();
    }

    public static Map<String, String> optedIn() {
        return Map.of(Labels.ENABLE, "true");
    }

    /** Creates (not starts) a container running {@code script} with /bin/sh; the image's entrypoint is replaced. */
    public String create(String name, Map<String, String> labels, String script) {
        Map<String, String> all = new HashMap<>(labels);
        all.put(TEST_LABEL, "true");
        all.put(RUN_LABEL, run);
        all.put(Labels.STACK, TestStack.NAME);
        String id = docker.createContainerCmd(image)
                .withName(name)
                .withLabels(all)
                .withEntrypoint("/bin/sh", "-c", script)
                .exec()
                .getId();
        created.add(id);
        return id;
    }

    public String start(String name, Map<String, String> labels, String script) {
        String id = create(name, labels, script);
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** Runs the container to its end and returns its exit code. */
    public int runToExit(String name, Map<String, String> labels, String script) {
        String id = start(name, labels, script);
        return awaitExit(id);
    }

    public int awaitExit(String id) {
        Integer code = docker.waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
        return code == null ? -1 : code;
    }

    /** Removes every container this run created, whatever state it is in. */
    public void removeAll() {
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
                // removed by the test itself
            }
        }
        created.clear();
    }

    @Override
    public void close() throws IOException {
        try {
            removeAll();
        } finally {
            docker.close();
        }
    }
}
