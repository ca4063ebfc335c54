package io.prescient.experts.workloads;

import java.util.Locale;

/** Kubernetes quantities (500m, 2, 1.5Gi, 512Mi, 1G) in cores and GiB, and back. */
public final class Quantities {

    private Quantities() {
    }

    public static double cores(String q) {
        String s = q.strip();
        try {
            return s.endsWith("m") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 1000 : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CPU quantity '" + q + "': expected cores (2, 0.5) or millicores (500m)");
        }
    }

    public static double gib(String q) {
        String s = q.strip();
        String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"}, {"k", "1000"},
                {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        try {
            for (String[] u : units) {
                if (s.endsWith(u[0])) {
                    return Double.parseDouble(s.substring(0, s.length() - u[0].length())) * Double.parseDouble(u[1]) / (1L << 30);
                }
            }
            return Double.parseDouble(s) / (1L << 30);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("memory quantity '" + q + "': expected bytes or a suffix (512Mi, 2Gi, 1G)");
        }
    }

    /** Millicores, rounded up to 10m. */
    public static String cpu(double cores) {
        return String.format(Locale.ROOT, "%dm", (long) Math.ceil(cores * 100 - 1e-9) * 10);
    }

    /** Mebibytes, rounded up to 16Mi. */
    public static String memory(double gib) {
        return String.format(Locale.ROOT, "%dMi", (long) Math.ceil(gib * 1024 / 16 - 1e-9) * 16);
    }
}
