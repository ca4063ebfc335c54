package io.prescient.experts.fleet;

import java.util.Locale;

/**
 * What a resource is for, as its tags say: production services are sized with headroom and every
 * saturated hour hurts; batch work may run hot.
 */
public enum Tag {
    PRODUCTION(0.65),
    BATCH(0.85);

    private final double targetUtilisation;

    Tag(double targetUtilisation) {
        this.targetUtilisation = targetUtilisation;
    }

    /** The peak utilisation a careful operator sizes this kind of resource to. */
    public double targetUtilisation() {
        return targetUtilisation;
    }

    /** The tag value as written in resource lists, e.g. {@code production}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a tag value through the organisation's mapping first ({@code tags.csv}: tag,class), then
     * the built-in names: production (or anything naming production or a database), batch.
     */
    public static Tag parse(String value, java.util.Map<String, Tag> mapping) {
        Tag mapped = mapping.get(value.strip().toLowerCase(Locale.ROOT));
        if (mapped != null) {
            return mapped;
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ", or a line '" + value.strip() + ",production' (or batch) in tags.csv");
        }
    }

    /** Reads a tag value; anything naming production or a database counts as production, the rest as batch. */
    public static Tag parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("batch")) {
            return BATCH;
        }
        if (v.contains("prod") || v.contains("database")) {
            return PRODUCTION;
        }
        throw new IllegalArgumentException("unknown tag '" + value + "': expected production (or a production database) or batch");
    }
}
