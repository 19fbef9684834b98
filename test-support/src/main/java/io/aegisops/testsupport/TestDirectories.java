package io.aegisops.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the embedded servers keep their files. Everything lives under {@code java.io.tmpdir}, which the parent
 * pom points at the module's {@code target/tmp} for Surefire and Failsafe, so a test run never writes outside
 * {@code target/} and {@code mvn clean} removes every trace.
 */
final class TestDirectories {

    private TestDirectories() {
    }

    /** {@code ${java.io.tmpdir}/aegis-infra/<name>}, created if missing (Maven does not create target/tmp). */
    static Path create(String name) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "aegis-infra", name).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create test directory " + dir, e);
        }
    }
}
