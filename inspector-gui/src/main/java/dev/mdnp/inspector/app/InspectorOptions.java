package dev.mdnp.inspector.app;

import static java.util.Objects.requireNonNull;

import dev.mdnp.model.client.InspectClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The inspector's command line, {@code mdnp-inspector [--socket PATH | --replay FILE.ndjson] [--narration FILE]}:
 * where its data comes from, a running daemon's inspect socket (the default,
 * {@value InspectClient#DEFAULT_SOCKET_PATH}) or a session recorded with {@code mdnp serve --record FILE}, and a
 * narration file whose last line is shown under the connection bar (the demo writes one).
 *
 * @param socket the inspect socket to read; meaningless when {@code replay} is set
 * @param replay the recorded session to play instead, or null for a live daemon
 * @param narration the narration file to show the last line of, or null for none
 */
public record InspectorOptions(Path socket, @Nullable Path replay, @Nullable Path narration) {

    /** The program's name in help and errors. */
    static final String NAME = "mdnp-inspector";

    /** Validates the components. */
    public InspectorOptions {
        requireNonNull(socket, "socket");
    }

    /** Creates options without a narration. */
    public InspectorOptions(Path socket, @Nullable Path replay) {
        this(socket, replay, null);
    }

    /** Returns whether a recorded session is played rather than a live daemon read. */
    public boolean replaying() {
        return replay != null;
    }

    /**
     * Reads the command line: either options to run with, or what to print before exiting ({@code --help},
     * {@code --version}, or a usage error).
     */
    public static Parsed parse(List<String> args) {
        CommandLine commandLine = new CommandLine(spec());
        try {
            ParseResult result = commandLine.parseArgs(args.toArray(String[]::new));
            if (result.isUsageHelpRequested()) {
                return new Parsed.Exit(0, commandLine.getUsageMessage(), false);
            }
            if (result.isVersionHelpRequested()) {
                StringWriter version = new StringWriter();
                commandLine.printVersionHelp(new PrintWriter(version, true));
                return new Parsed.Exit(0, version.toString(), false);
            }
            Path socket = Path.of(result.matchedOptionValue("--socket", InspectClient.DEFAULT_SOCKET_PATH));
            String replay = result.matchedOptionValue("--replay", (String) null);
            String narration = result.matchedOptionValue("--narration", (String) null);
            return new Parsed.Run(new InspectorOptions(socket, replay == null ? null : Path.of(replay),
                    narration == null ? null : Path.of(narration)));
        } catch (ParameterException e) {
            return new Parsed.Exit(2, NAME + ": " + e.getMessage() + "\n\n" + commandLine.getUsageMessage(), true);
        }
    }

    private static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create()
                .name(NAME)
                .mixinStandardHelpOptions(true)
                .version(NAME + " " + version());
        spec.usageMessage().description("The mdnp inspector: networks, endpoints, veth pairs, topology and the "
                + "plugin request log of a running mdnp daemon, or of a recorded session played back offline.");
        spec.addArgGroup(ArgGroupSpec.builder()
                .exclusive(true)
                .multiplicity("0..1")
                .addArg(OptionSpec.builder("--socket")
                        .paramLabel("PATH")
                        .type(String.class)
                        .description("Inspect socket of the daemon to watch (default: "
                                + InspectClient.DEFAULT_SOCKET_PATH + ").")
                        .build())
                .addArg(OptionSpec.builder("--replay")
                        .paramLabel("FILE.ndjson")
                        .type(String.class)
                        .description("Play a session recorded with 'mdnp serve --record FILE' instead; "
                                + "needs no daemon, root or Docker.")
                        .build())
                .build());
        spec.addOption(OptionSpec.builder("--narration")
                .paramLabel("FILE")
                .type(String.class)
                .description("Show the last line of FILE under the connection bar, re-read as it grows; "
                        + "scripts/demo writes its steps there and 'demo finished' at the end.")
                .build());
        return spec;
    }

    private static String version() {
        String version = InspectorOptions.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    /** What {@link #parse} found. */
    public sealed interface Parsed {

        /**
         * Start the inspector with these options.
         *
         * @param options the options
         */
        record Run(InspectorOptions options) implements Parsed {

            /** Validates the component. */
            public Run {
                requireNonNull(options, "options");
            }
        }

        /**
         * Print {@code text} and exit with {@code status}, without starting the app.
         *
         * @param status the exit status: 0 after help or version, 2 after a usage error
         * @param text what to print
         * @param error whether it goes to standard error rather than standard output
         */
        record Exit(int status, String text, boolean error) implements Parsed {

            /** Validates the component. */
            public Exit {
                requireNonNull(text, "text");
            }
        }
    }
}
