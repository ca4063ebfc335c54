package io.prescient.experts.recommend;

import java.util.Locale;

/**
 * Where a recommendation stands, as its audit log's events say: proposed, then accepted or
 * rejected (decided once); an accepted one applied, or dry-run (said, not done); a dry-run one may
 * still be applied. Rejected and applied are final.
 */
public enum Status {
    PROPOSED, ACCEPTED, REJECTED, DRY_RUN, APPLIED;

    /** The event name the audit log writes. */
    public String event() {
        return this == DRY_RUN ? "dry-run" : name().toLowerCase(Locale.ROOT);
    }

    public static Status ofEvent(String event) {
        for (Status s : values()) {
            if (s.event().equals(event)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown audit event '" + event + "'");
    }

    /** Whether {@code next} may follow this status. */
    public boolean allows(Status next) {
        return switch (this) {
            case PROPOSED -> next == ACCEPTED || next == REJECTED;
            case ACCEPTED -> next == APPLIED || next == DRY_RUN;
            case DRY_RUN -> next == APPLIED;
            case REJECTED, APPLIED -> false;
        };
    }
}
