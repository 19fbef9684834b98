package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import org.jboss.logging.Logger;

import java.io.IOException;

/**
 * Makes the Docker clients available: one whose reads time out ({@code aegis.docker.request-timeout}) for every
 * request, and one without a response timeout for the event stream alone ({@link EventStreamClient}).
 * Application-scoped, so a client is only built when first used: with {@code aegis.docker.enabled=false} nothing
 * ever calls them and no connection to the engine is attempted.
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
        return DockerClients.create(config.host(), config.requestTimeout());
    }

    @Produces
    @ApplicationScoped
    @EventStreamClient
    @Typed(DockerClient.class)
    DockerClient eventStreamClient(DockerConfig config) {
        return DockerClients.create(config.host());
    }

    void close(@Disposes DockerClient client) {
        closeQuietly(client);
    }

    void closeStream(@Disposes @EventStreamClient DockerClient client) {
        closeQuietly(client);
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debugf(e, "Closing the Docker client failed; the process is ending anyway");
        }
    }
}
