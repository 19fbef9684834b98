package io.aegisops.monitor.docker;

import io.aegisops.contract.StackScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.OptionalLong;

/**
 * The event stream's position in monitor's database, one row per stack. Each save is its own short transaction,
 * taken after the alert of the event (if any) committed, so the saved position never runs ahead of what is
 * durable; running behind only replays events whose alerts the alert table's dedup key then drops.
 */
@ApplicationScoped
public class DatabaseCursorStore implements CursorStore {

    private final EntityManager entityManager;
    private final String stack;

    public DatabaseCursorStore(EntityManager entityManager, StackScope scope) {
        this.entityManager = entityManager;
        this.stack = scope.name();
    }

    @Override
    public OptionalLong load() {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select since_nanos from docker_event_cursor where stack = :stack")
                .setParameter("stack", stack)
                .getResultList());
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) rows.get(0)).longValue());
    }

    @Override
    public void save(long sinceNanos) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into docker_event_cursor (stack, since_nanos, saved_at) values (:stack, :since, now())
                        on conflict (stack) do update
                          set since_nanos = greatest(docker_event_cursor.since_nanos, excluded.since_nanos),
                              saved_at = excluded.saved_at""")
                .setParameter("stack", stack)
                .setParameter("since", sinceNanos)
                .executeUpdate());
    }
}
