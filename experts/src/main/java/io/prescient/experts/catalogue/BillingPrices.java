package io.prescient.experts.catalogue;

import io.prescient.core.text.DelimitedLines;
import io.prescient.core.validation.InputProblem;
import io.prescient.core.validation.InvalidInputException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an organisation actually pays an hour for each instance type, from its AWS Cost and Usage
 * Report (a legacy CUR CSV, {@code lineItem/UsageAmount} and friends, or a CUR 2.0 data export,
 * {@code line_item_usage_amount}): over the EC2 instance-hour lines, the effective cost (the savings
 * plan's or reservation's effective cost where a plan or reservation covered the hour, else the
 * unblended cost) over the usage hours, per {@code product/instanceType}. Other lines (storage, data
 * transfer, credits) are passed over.
 *
 * @param hourlyUsd the effective hourly price per instance type
 * @param hours     the instance-hours behind each
 * @param skipped   lines passed over
 */
public record BillingPrices(Map<String, Double> hourlyUsd, Map<String, Double> hours, int skipped) {

    private static final List<List<String>> COLUMNS = List.of(
            List.of("lineitem/usageamount", "line_item_usage_amount"),
            List.of("lineitem/unblendedcost", "line_item_unblended_cost"),
            List.of("product/instancetype", "product_instance_type"),
            List.of("lineitem/lineitemtype", "line_item_line_item_type"),
            List.of("savingsplan/savingsplaneffectivecost", "savings_plan_savings_plan_effective_cost"),
            List.of("reservation/effectivecost", "reservation_effective_cost"),
            List.of("lineitem/usagetype", "line_item_usage_type"));

    public static BillingPrices read(Path file) {
        String source = file.toString();
        Map<String, double[]> sums = new TreeMap<>();
        int skipped = 0;
        try (DelimitedLines lines = DelimitedLines.open(file, ',')) {
            List<String> header = lines.next();
            if (header == null) {
                throw new InvalidInputException(InputProblem.ofSource(source, "a Cost and Usage Report header"));
            }
            List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int[] at = new int[COLUMNS.size()];
            for (int c = 0; c < COLUMNS.size(); c++) {
                at[c] = -1;
                for (String n : COLUMNS.get(c)) {
                    at[c] = at[c] >= 0 ? at[c] : names.indexOf(n);
                }
                if (at[c] < 0 && c < 3) {
                    throw new InvalidInputException(new InputProblem(source, 1, COLUMNS.get(c).get(0), String.join(",", header),
                            "a Cost and Usage Report with " + COLUMNS.get(c).get(0) + " (or " + COLUMNS.get(c).get(1) + ")"));
                }
            }
            for (List<String> f = lines.nextRecord(header.size()); f != null; f = lines.nextRecord(header.size())) {
                String type = f.get(at[2]).strip();
                String kind = at[3] >= 0 ? f.get(at[3]).strip() : "Usage";
                String usageType = at[6] >= 0 ? f.get(at[6]) : "BoxUsage";
                if (type.isEmpty() || !(kind.equals("Usage") || kind.equals("DiscountedUsage") || kind.equals("SavingsPlanCoveredUsage"))
                        || !usageType.contains("BoxUsage")) {
                    skipped++;
                    continue;
                }
                double hours = number(source, lines.lineNumber(), header.get(at[0]), f.get(at[0]));
                String costColumn = kind.equals("SavingsPlanCoveredUsage") && at[4] >= 0 ? header.get(at[4])
                        : kind.equals("DiscountedUsage") && at[5] >= 0 ? header.get(at[5]) : header.get(at[1]);
                double cost = number(source, lines.lineNumber(), costColumn, f.get(header.indexOf(costColumn)));
                double[] s = sums.computeIfAbsent(type, k -> new double[2]);
                s[0] += cost;
                s[1] += hours;
            }
        }
        Map<String, Double> prices = new TreeMap<>();
        Map<String, Double> hours = new TreeMap<>();
        sums.forEach((type, s) -> {
            if (s[1] > 0) {
                prices.put(type, s[0] / s[1]);
                hours.put(type, s[1]);
            }
        });
        return new BillingPrices(prices, hours, skipped);
    }

    private static double number(String source, long line, String column, String text) {
        try {
            double v = Double.parseDouble(text.isBlank() ? "0" : text);
            if (Double.isFinite(v) && v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(new InputProblem(source, line, column, text, "a number >= 0"));
    }
}
