package dev.mdnp.daemon.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scenarios run on an mdnp network and on a built-in bridge network side by side, with what each should give. Each
 * {@link #row} runs its scenario on both kinds at once (they use networks, containers and ports of their own) and
 * records the outcomes; {@link #assertAsExpected} prints the whole table and fails if any outcome differs from its
 * expectation, so one failing scenario does not hide the others.
 */
public final class ParityTable {

    /** One scenario, run once per kind; it returns its outcome in words, e.g. "answered web" or "no answer". */
    @FunctionalInterface
    public interface Scenario {

        /** Runs the scenario on the networks of {@code kind} and describes what happened. */
        String run(NetworkKind kind) throws Exception;
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();

    /** Creates an empty table named after the test. */
    public ParityTable(String title) {
        this.title = title;
    }

    /** Runs {@code scenario} on both kinds, expecting {@code expected} from each. */
    public void row(String name, String expected, Scenario scenario) throws InterruptedException {
        row(name, expected, expected, scenario);
    }

    /**
     * Runs {@code scenario} on both kinds, expecting different outcomes: only where the built-in driver of the engine
     * under test cannot do what mdnp does (say why in the expectation).
     */
    public void row(String name, String onMdnp, String onBridge, Scenario scenario) throws InterruptedException {
        Map<NetworkKind, String> expected = new EnumMap<>(Map.of(NetworkKind.MDNP, onMdnp,
                NetworkKind.BRIDGE, onBridge));
        Map<NetworkKind, String> actual = new EnumMap<>(NetworkKind.class);
        ExecutorService pool = Executors.newFixedThreadPool(NetworkKind.values().length);
        try {
            Map<NetworkKind, Future<String>> runs = new EnumMap<>(NetworkKind.class);
            for (NetworkKind kind : NetworkKind.values()) {
                runs.put(kind, pool.submit(() -> scenario.run(kind)));
            }
            for (Map.Entry<NetworkKind, Future<String>> run : runs.entrySet()) {
                actual.put(run.getKey(), outcome(run.getValue()));
            }
        } finally {
            pool.shutdownNow();
        }
        rows.add(new Row(name, expected, actual));
    }

    /** Prints the table and fails, naming every scenario whose outcome was not the expected one. */
    public void assertAsExpected() {
        String table = render();
        System.out.println(table);
        if (rows.stream().anyMatch(row -> !row.expected().equals(row.actual()))) {
            fail("outcomes differ from the expected ones (marked with !):\n" + table);
        }
    }

    private static String outcome(Future<String> run) throws InterruptedException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            e.getCause().printStackTrace();
            return "error: " + e.getCause();
        }
    }

    private String render() {
        StringBuilder out = new StringBuilder("==== parity: ").append(title).append(" ====\n");
        for (Row row : rows) {
            boolean same = row.expected().equals(row.actual());
            out.append(same ? "  " : "! ").append(row.scenario()).append('\n');
            for (NetworkKind kind : NetworkKind.values()) {
                String actual = row.actual().get(kind);
                String expected = row.expected().get(kind);
                out.append(String.format("      %-6s %s", kind.label(), actual));
                if (!actual.equals(expected)) {
                    out.append("   (expected: ").append(expected).append(')');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** A scenario with what each kind should and did give. */
    private record Row(String scenario, Map<NetworkKind, String> expected, Map<NetworkKind, String> actual) {
    }
}
