package io.aegisops.dashboard.service;

import io.aegisops.dashboard.domain.Activity;
import io.aegisops.dashboard.push.PushHub;
import io.aegisops.kit.text.Texts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Records who did what through the war room and shows it to everyone at once. Failed attempts are recorded
 * too, with the other service's reason, so the room sees why a click did nothing.
 */
@ApplicationScoped
public class ActivityLog {

    static final int MAX_TEXT = 1000;

    private final EntityManager entityManager;
    private final PushHub hub;

    public ActivityLog(EntityManager entityManager, PushHub hub) {
        this.entityManager = entityManager;
        this.hub = hub;
    }

    /** Stores the entry in a transaction of its own (it must survive the caller's failure) and pushes it. */
    public ActivityEntry record(String actor, String action, String target, String detail, String outcome) {
        ActivityEntry entry = QuarkusTransaction.requiringNew().call(() -> {
            Activity activity = new Activity();
            activity.at = OffsetDateTime.now(ZoneOffset.UTC);
            activity.actor = Texts.clip(actor, MAX_TEXT);
            activity.action = Texts.clip(action, MAX_TEXT);
            activity.target = Texts.clip(target, MAX_TEXT);
            activity.detail = Texts.clip(detail, MAX_TEXT);
            activity.outcome = Texts.clip(outcome, MAX_TEXT);
            entityManager.persist(activity);
            entityManager.flush();
            return ActivityEntry.of(activity);
        });
        hub.broadcast("activity", entry);
        return entry;
    }

    public ActivityEntry ok(String actor, String action, String target, String detail) {
        return record(actor, action, target, detail, "ok");
    }

    public ActivityEntry failed(String actor, String action, String target, String detail, String why) {
        return record(actor, action, target, detail, "failed: " + why);
    }

    /** Newest first. */
    @Transactional
    public List<ActivityEntry> recent(int limit) {
        return entityManager.createQuery("select a from Activity a order by a.id desc", Activity.class)
                .setMaxResults(limit)
                .getResultList().stream().map(ActivityEntry::of).toList();
    }

}
