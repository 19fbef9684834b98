package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import org.jboss.logging.Logger;

import java.io.IOException;

/**
 * Makes one Docker client available to the watcher and the health checker. Application-scoped, so the
 * client is only built when first used: with {@code aegis.docker.enabled=false} nothing ever calls it and
 * no connection to the engine is attempted.
 */
@ApplicationScoped
public class DockerClientProducer {

    private static final Logger LOG = Logger.getLogger(DockerClientProducer.class);

    /** Typed to DockerClient alone so the client never satisfies an injection point for Closeable. */
    @Produces
    @ApplicationScoped
    @Typed(DockerClient.class)
    DockerClient dockerClient(DockerConfig config) {
        LOG.infof("Docker intake talks to the engine at %s (read-only use)", config.host());
        return DockerClients.create(config.host());
    }

    void close(@Disposes DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debugf(e, "Closing the Docker client failed; the process is ending anyway");
        }
    }
}
