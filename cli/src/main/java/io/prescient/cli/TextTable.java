package io.prescient.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned text columns and right-aligned numeric ones. */
final class TextTable {

    private final List<String> header;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> header, boolean... rightAligned) {
        this.header = header;
        this.rightAligned = rightAligned.length == header.size() ? rightAligned : new boolean[header.size()];
    }

    TextTable add(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /** The rows as records keyed by the header (for --output json): cells of right-aligned (numeric) columns that read as numbers become numbers. */
    List<java.util.Map<String, Object>> records() {
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        for (List<String> row : rows) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                m.put(header.get(c), rightAligned[c] ? number(row.get(c)) : row.get(c));
            }
            out.add(m);
        }
        return out;
    }

    private static Object number(String cell) {
        if (!cell.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            return cell;
        }
        return cell.contains(".") || cell.contains("e") || cell.contains("E") || cell.length() > 18 ? (Object) Double.parseDouble(cell)
                : (Object) Long.parseLong(cell);
    }

    void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        printRow(out, header, widths);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
    }

    private void printRow(PrintWriter out, List<String> row, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = row.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            sb.append(rightAligned[c] ? pad + cell : cell + pad);
            if (c < widths.length - 1) {
                sb.append("  ");
            }
        }
        out.println(sb.toString().stripTrailing());
    }
}
