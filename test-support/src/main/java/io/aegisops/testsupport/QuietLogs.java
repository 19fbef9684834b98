package io.aegisops.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns the embedded broker's chatter down to WARN: a KRaft broker logs hundreds of INFO lines per start, which
 * would bury every service test's own output. Only loggers nobody has configured are touched, so a service's
 * {@code quarkus.log.category."..."} settings still win. (PostgreSQL's few dozen lines stay: when initdb fails,
 * its output is the only explanation.)
 */
final class QuietLogs {

    // Kept reachable: java.util.logging forgets the level of a logger nobody references.
    private static final List<Logger> QUIETED = new ArrayList<>();

    private QuietLogs() {
    }

    static synchronized void quiet(String... categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
                QUIETED.add(logger);
            }
        }
    }
}
