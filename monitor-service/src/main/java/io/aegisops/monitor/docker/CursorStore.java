package io.aegisops.monitor.docker;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the event stream's position across restarts of the service. Exists as an interface so the watcher's
 * tests run without a database; production keeps it in PostgreSQL ({@link DatabaseCursorStore}).
 */
interface CursorStore {

    /** Where the last run stopped (nanoseconds since the epoch), or empty on the very first start. */
    OptionalLong load();

    /** Saves the position; a failure is the caller's to log, the stream goes on either way. */
    void save(long sinceNanos);

    /** A store that forgets on restart: for tests and for a watcher built without the service. */
    static CursorStore inMemory() {
        AtomicLong saved = new AtomicLong(-1);
        return new CursorStore() {
            @Override
            public OptionalLong load() {
                long value = saved.get();
                return value < 0 ? OptionalLong.empty() : OptionalLong.of(value);
            }

            @Override
            public void save(long sinceNanos) {
                saved.set(sinceNanos);
            }
        };
    }
}
