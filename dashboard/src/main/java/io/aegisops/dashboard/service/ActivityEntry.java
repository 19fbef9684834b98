package io.aegisops.dashboard.service;

import io.aegisops.dashboard.domain.Activity;

import java.time.OffsetDateTime;

/**
 * One line of the activity feed.
 *
 * @param outcome {@code ok}, or {@code failed: <why>}
 */
public record ActivityEntry(long id, OffsetDateTime at, String actor, String action, String target, String detail,
                            String outcome) {

    static ActivityEntry of(Activity a) {
        return new ActivityEntry(a.id, a.at, a.actor, a.action, a.target, a.detail, a.outcome);
    }
}
