package dev.mdnp.daemon.cli;

import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.client.InspectException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
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
abstract class ClientCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_DAEMON_ERROR = 1;
    static final int EXIT_UNREACHABLE = 2;

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

    ClientCommand(InstantSource clock) {
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
}
