package io.prescient.kube;

import java.util.Locale;

/**
 * The last line between a decision and a write: what replica count a target may be set to. A count
 * that is not a finite number of 0 or more, or more than {@link #ABSURD} times the target's maximum,
 * is refused (nothing is written); otherwise the count is rounded up, bounded by [min, max] (and the
 * object's own cap, an HPA's maxReplicas), moved at most {@code maxStep} from the current count, and
 * bounded again, so the bounds win over the step when the object stands outside them.
 */
public final class ReplicaBounds {

    /** Decisions beyond this many times the maximum are taken for a fault, not a need. */
    public static final int ABSURD = 100;

    private ReplicaBounds() {
    }

    /**
     * What to do with a decision.
     *
     * @param refused  nothing may be written ({@code reason} says why)
     * @param replicas the count to set, when not refused
     * @param reason   why it differs from what was wanted ("" when it does not)
     */
    public record Verdict(boolean refused, int replicas, String reason) {
    }

    /**
     * @param units   the decision's units
     * @param current the count in place
     * @param cap     the most the object itself allows ({@code Integer.MAX_VALUE} for none)
     */
    public static Verdict bound(KubeTarget t, double units, int current, int cap) {
        int limit = Math.max(t.minReplicas(), Math.min(t.maxReplicas(), cap));
        String refusal = refusal(t, units);
        if (refusal != null) {
            return new Verdict(true, current, refusal);
        }
        int wanted = (int) Math.ceil(units);
        int bounded = clamp(wanted, t.minReplicas(), limit);
        bounded = clamp(bounded, current - t.maxStep(), current + t.maxStep());
        bounded = clamp(bounded, t.minReplicas(), limit);
        String reason = bounded == wanted ? "" : String.format(Locale.ROOT, " (wanted %d; bounds %d..%d, at most %d a step%s)", wanted,
                t.minReplicas(), limit, t.maxStep(), current < t.minReplicas() || current > limit ? "; the object stood outside the bounds at "
                        + current : "");
        return new Verdict(false, bounded, reason);
    }

    /**
     * For a count reported rather than written (the KEDA scaler, whose HPA applies its own step
     * policies): refused as {@link #bound} refuses, else rounded up and bounded by [min, max].
     */
    public static Verdict bound(KubeTarget t, double units) {
        String refusal = refusal(t, units);
        if (refusal != null) {
            return new Verdict(true, 0, refusal);
        }
        int wanted = (int) Math.ceil(units);
        int bounded = clamp(wanted, t.minReplicas(), t.maxReplicas());
        return new Verdict(false, bounded, bounded == wanted ? "" : String.format(Locale.ROOT, " (wanted %d; bounds %d..%d)", wanted,
                t.minReplicas(), t.maxReplicas()));
    }

    /** @throws IllegalStateException when {@code replicas} is outside the target's bounds: the check right before a write */
    public static void requireWithin(KubeTarget t, int replicas, int cap) {
        int limit = Math.max(t.minReplicas(), Math.min(t.maxReplicas(), cap));
        if (replicas < t.minReplicas() || replicas > limit || replicas == 0 && !t.allowScaleToZero()) {
            throw new IllegalStateException("refusing to write " + replicas + " replicas to " + t.describe() + ": outside "
                    + t.minReplicas() + ".." + limit);
        }
    }

    /** Why a decision of {@code units} may not be acted on at all, or null. */
    private static String refusal(KubeTarget t, double units) {
        if (!Double.isFinite(units) || units < 0) {
            return "decision of " + units + " units is not a finite count of 0 or more: refused, nothing changed";
        }
        if (units > (double) ABSURD * t.maxReplicas()) {
            return String.format(Locale.ROOT, "decision of %.0f units is more than %d times max_replicas %d: refused as a fault, "
                    + "nothing changed", units, ABSURD, t.maxReplicas());
        }
        return null;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
