package io.prescient.core;

import java.util.regex.Pattern;

/**
 * What identifies a stored series: the dataset it came from, the item (VM, workload, service) and
 * the metric. Written as {@code dataset/item/metric}.
 *
 * @param dataset the dataset, e.g. {@code bitbrains-2013-8}
 * @param item    the workload within the dataset, e.g. a VM number or a service name
 * @param metric  the metric, e.g. {@code cpu_usage_mhz}
 */
public record SeriesKey(String dataset, String item, String metric) {

    private static final Pattern FORBIDDEN = Pattern.compile("[/\\p{Cntrl}]");

    /** @throws IllegalArgumentException if a part is blank or holds '/' or a control character */
    public SeriesKey {
        check("dataset", dataset);
        check("item", item);
        check("metric", metric);
    }

    private static void check(String part, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("series " + part + " must not be blank");
        }
        if (FORBIDDEN.matcher(value).find()) {
            throw new IllegalArgumentException("series " + part + " '" + value
                    + "' must not contain '/' or control characters");
        }
    }

    /** Parses {@code dataset/item/metric}. */
    public static SeriesKey parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("series id '" + text + "' is not of the form dataset/item/metric");
        }
        return new SeriesKey(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return dataset + "/" + item + "/" + metric;
    }
}
