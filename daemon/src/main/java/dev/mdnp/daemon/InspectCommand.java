package dev.mdnp.daemon;

import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.client.InspectException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shape of every command that reads the daemon's inspect socket ({@code mdnp status}, {@code networks}, …): the
 * {@code --inspect-socket}, {@code --timeout} and {@code --json} options, one {@link InspectClient} per run, and the
 * exit codes: {@value #EXIT_OK} ok, {@value #EXIT_DAEMON_ERROR} the daemon answered with an error,
 * {@value #EXIT_UNREACHABLE} it could not be reached (the message says what to check).
 */
abstract class InspectCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_DAEMON_ERROR = 1;
    static final int EXIT_UNREACHABLE = 2;
    static final int SHORT_ID = 12;

    @Spec
    CommandSpec spec;

    @Option(names = "--inspect-socket", defaultValue = InspectClient.DEFAULT_SOCKET_PATH, paramLabel = "PATH",
            description = "The daemon's inspect socket, as given to 'mdnp serve' (default: ${DEFAULT-VALUE}).")
    Path inspectSocket = Path.of(InspectClient.DEFAULT_SOCKET_PATH);

    @Option(names = "--timeout", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the daemon, e.g. 500ms or 5s (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(5);

    @Option(names = "--json", description = "Print the daemon's JSON as received instead of a table.")
    boolean json;

    final InstantSource clock;

    InspectCommand(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public final Integer call() throws InterruptedException {
        try (InspectClient client = InspectClient.connect(inspectSocket, timeout)) {
            return run(client, spec.commandLine().getOut());
        } catch (InspectException e) {
            spec.commandLine().getErr().println("mdnp " + spec.name() + ": " + e.getMessage());
            return e.answered() ? EXIT_DAEMON_ERROR : EXIT_UNREACHABLE;
        }
    }

    /**
     * Runs the command against the daemon and returns its exit code.
     *
     * @throws dev.mdnp.model.client.InspectException if a call fails; {@link #call()} maps it to the exit code
     */
    abstract int run(InspectClient client, PrintWriter out) throws InterruptedException;

    /** Prints a JSON body as received, ending it with one newline. */
    static void printJson(PrintWriter out, String body) {
        out.print(body);
        if (!body.endsWith("\n")) {
            out.println();
        }
        out.flush();
    }

    /** Returns the first 12 characters of an id, as Docker shows ids; {@code -} for none. */
    static String shortId(String id) {
        if (id.isEmpty()) {
            return "-";
        }
        return id.length() <= SHORT_ID ? id : id.substring(0, SHORT_ID);
    }

    /** Returns {@code text}, or {@code -} when it is empty, so that every table cell holds a word. */
    static String orDash(String text) {
        return text.isEmpty() ? "-" : text;
    }

    /** Returns how long ago {@code then} was, as {@code 45s ago}, {@code 3m ago}, {@code 2h ago} or {@code 4d ago}. */
    static String ago(Instant then, Instant now) {
        return age(Duration.between(then, now)) + " ago";
    }

    /** Returns a duration in its largest whole unit: {@code 45s}, {@code 3m}, {@code 2h} or {@code 4d}. */
    static String age(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + "h";
        }
        return seconds / 86_400 + "d";
    }

    /** Returns a byte count in binary units with one decimal: {@code 512B}, {@code 1.5KiB}, {@code 3.0MiB}. */
    static String bytes(long count) {
        if (count < 1024) {
            return count + "B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f%s", value, units[unit]);
    }

    /**
     * A text table as {@code docker network ls} prints it: a header row, columns left-aligned to their widest cell
     * and three spaces apart, no padding after the last column.
     */
    static final class Table {

        private static final String GAP = "   ";

        private final List<String[]> rows = new ArrayList<>();
        private final int columns;

        Table(String... headers) {
            this.columns = headers.length;
            rows.add(headers.clone());
        }

        /** Adds a row; it must have one cell per header. */
        Table row(String... cells) {
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
}
