package org.evidencegateway.bench;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table built row by row, for the reports the benchmarks print and docs/performance.md quotes. */
final class MarkdownTable {
    private final List<String> header;
    private final String alignment;
    private final List<List<String>> rows = new ArrayList<>();

    /** Columns; a name starting with {@code >} is right-aligned (the {@code >} is not printed). */
    MarkdownTable(String... columns) {
        List<String> names = new ArrayList<>();
        StringBuilder align = new StringBuilder("|");
        for (String column : columns) {
            boolean right = column.startsWith(">");
            names.add(right ? column.substring(1) : column);
            align.append(right ? "---:|" : "---|");
        }
        this.header = List.copyOf(names);
        this.alignment = align.toString();
    }

    void add(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(List.of(cells));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("| " + String.join(" | ", header) + " |\n" + alignment + "\n");
        rows.forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return out.toString();
    }
}
