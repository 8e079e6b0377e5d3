package dev.mdnp.daemon.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A text table as {@code docker network ls} prints it: a header row, columns left-aligned to their widest cell
 * and three spaces apart, no padding after the last column.
 */
final class TextTable {

    private static final String GAP = "   ";

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... headers) {
        this.columns = headers.length;
        rows.add(headers.clone());
    }

    /** Adds a row; it must have one cell per header. */
    TextTable row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + columns
                    + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** Prints the table and flushes. */
    void print(PrintWriter out) {
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].codePointCount(0, row[i].length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].codePointCount(0, row[i].length()))).append(GAP);
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
