package io.aegisops.testsupport;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quarkus may load test-support once per application class loader; the servers must still be one per JVM.
 */
class SharedServersTest {

    @Test
    void shouldReuseTheRunningServersFromAnotherClassLoader() throws Exception {
        int port = SharedPostgres.port();
        String bootstrapServers = KafkaResource.bootstrapServers();

        try (URLClassLoader isolated = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> postgres = isolated.loadClass(SharedPostgres.class.getName());
            Class<?> kafka = isolated.loadClass(KafkaResource.class.getName());
            assertThat(postgres).isNotSameAs(SharedPostgres.class);

            var portMethod = postgres.getDeclaredMethod("port");
            portMethod.setAccessible(true);
            assertThat(portMethod.invoke(null)).isEqualTo(port);
            assertThat(kafka.getMethod("bootstrapServers").invoke(null)).isEqualTo(bootstrapServers);
        }
    }

    /** Surefire's class path, whose manifest-only jar URLClassLoader follows like the JVM does. */
    private static URL[] classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
    }
}
