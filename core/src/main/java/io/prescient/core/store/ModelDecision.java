package io.prescient.core.store;

import java.time.Instant;

/**
 * A recorded decision about which version serves a scope, with its evidence.
 *
 * @param id         unique id
 * @param scope      the scope decided on
 * @param decidedAt  when
 * @param kind       what was decided
 * @param previous   the champion before the decision (null if none)
 * @param champion   the champion after the decision
 * @param challenger the version that was weighed against the champion (null for manual decisions)
 * @param evidence   JSON object: the scores, windows, margin and rule that led to the decision
 * @param reason     one readable sentence
 */
public record ModelDecision(String id, String scope, Instant decidedAt, Kind kind, String previous, String champion,
                            String challenger, String evidence, String reason) {

    public enum Kind {
        /** The first version of a scope became champion. */
        FIRST,
        /** A challenger beat the champion by the margin and replaced it. */
        PROMOTE,
        /** The challenger did not beat the champion by the margin; the champion's model, refitted, stays. */
        KEEP,
        /** An operator promoted a version by hand. */
        MANUAL,
        /** The previous champion was restored. */
        ROLLBACK
    }
}
