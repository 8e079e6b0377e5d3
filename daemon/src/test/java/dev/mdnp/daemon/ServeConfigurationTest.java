package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mdnp.daemon.transport.ListenSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code serve}'s options from the command line, the environment and the configuration file. */
class ServeConfigurationTest {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void printConfigShowsEveryValueWithWhereItCameFrom() throws IOException {
        Path file = Files.writeString(directory.resolve("mdnp.conf"),
                "# test\nstate-dir = /srv/mdnp\ndefault-pool = 10.1.0.0/16/24\ndefault-pool = fd00:1::/48/64\n");

        int status = run(Map.of("MDNP_LOG_LEVEL", "debug"), file, "serve", "--name", "blue", "--print-config");

        assertThat(status).isZero();
        assertThat(out.toString().lines()).contains(
                "name = blue  # command line",
                "log-level = debug  # environment MDNP_LOG_LEVEL",
                "state-dir = /srv/mdnp  # " + file + " line 2",
                "default-pool = 10.1.0.0/16/24  # " + file + " line 3, 4",
                "default-pool = fd00:1::/48/64  # " + file + " line 3, 4",
                "reconcile-interval = 30s  # default",
                "shutdown-grace = 10s  # default",
                "log-stream = stderr  # default",
                "driver-name = blue  # default, derived",
                "# record =  # default: not set",
                "# configuration file: " + file);
        assertThat(out.toString()).doesNotContain("print-config").doesNotContain("help =");
    }

    @Test
    void theDriverNameIsTheNameUnlessGiven() {
        assertThat(config("serve", "--name", "blue").driverName()).isEqualTo("blue");
        assertThat(config("serve", "--name", "blue", "--driver-name", "mdnp/mdnp:1.0").driverName())
                .isEqualTo("mdnp/mdnp:1.0");
    }

    @Test
    void theDriverNameMayComeFromTheEnvironmentAndKeepsTheSocketName() {
        DaemonConfig config = config(Map.of("MDNP_DRIVER_NAME", "mdnp/mdnp:1.0"), "serve");

        assertThat(config.driverName()).isEqualTo("mdnp/mdnp:1.0");
        assertThat(config.name()).isEqualTo("mdnp");
        assertThat(config.pluginSocket()).isEqualTo(Path.of("/run/docker/plugins/mdnp.sock"));
    }

    @Test
    void withoutInheritedSocketTheDaemonOwnsItsSocketWithMode0600() {
        assertThat(config("serve", "--plugin-dir", "/tmp/p").pluginListen()).isEqualTo(
                new ListenSource.OwnSocket(Path.of("/tmp/p/mdnp.sock"),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    }

    @Test
    void aSocketFromSystemdElsewhereThanPluginDirAndNameIsServedWithAWarning() {
        CommandLine commandLine = commandLine(Map.of(), directory.resolve("absent.conf"));
        commandLine.parseArgs("serve", "--name", "blue");
        ServeCommand serve = commandLine.getSubcommands().get("serve").getCommand();
        Logger logger = (Logger) LoggerFactory.getLogger(ServeCommand.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            serve.warnOnUnexpectedPath(Path.of("/run/docker/plugins/blue.sock"));
            serve.warnOnUnexpectedPath(Path.of("/run/mdnp/blue.sock"));
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("the socket from systemd is /run/mdnp/blue.sock, not"
                    + " /run/docker/plugins/blue.sock: Docker knows the plugin by its socket's name");
        });
    }

    @Test
    void anInvalidValueFromTheFileNamesWhereItCameFrom() throws IOException {
        Path file = Files.writeString(directory.resolve("mdnp.conf"), "name = Not A Name\n");
        CommandLine commandLine = commandLine(Map.of(), file);
        commandLine.parseArgs("serve");
        CommandLine serve = commandLine.getSubcommands().get("serve");

        assertThatThrownBy(() -> ((ServeCommand) serve.getCommand()).config(Optional.empty()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("invalid plugin name \"Not A Name\"")
                .hasMessageContaining("name from " + file + " line 1");
    }

    @Test
    void aBadValueFromTheFileStopsServeWithStatus2() throws IOException {
        Path file = Files.writeString(directory.resolve("mdnp.conf"), "history = lots\n");

        assertThat(run(Map.of(), file, "serve")).isEqualTo(2);
        assertThat(err.toString()).contains(file + " line 1 (history): Invalid value for option '--history'")
                .contains("'mdnp serve --print-config' shows every value")
                .doesNotContain("Usage:");
    }

    @Test
    void anUnknownLogStreamIsRefused() {
        CommandLine serve = commandLine(Map.of(), directory.resolve("absent.conf")).getSubcommands().get("serve");

        assertThatThrownBy(() -> Logging.configure(serve, "info", "journal"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("unknown log stream \"journal\": use stderr or stdout");
    }

    @Test
    void helpSaysWhereValuesComeFrom() {
        assertThat(run(Map.of(), directory.resolve("absent.conf"), "serve", "--help")).isZero();

        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("MDNP_<OPTION>")
                .contains("command line, environment, file, default")
                .contains("/etc/mdnp/mdnp.conf")
                .contains("--print-config");
    }

    private DaemonConfig config(String... args) {
        return config(Map.of(), args);
    }

    private DaemonConfig config(Map<String, String> environment, String... args) {
        CommandLine commandLine = commandLine(environment, directory.resolve("absent.conf"));
        commandLine.parseArgs(args);
        return ((ServeCommand) commandLine.getSubcommands().get("serve").getCommand()).config(Optional.empty());
    }

    private int run(Map<String, String> environment, Path defaultFile, String... args) {
        return commandLine(environment, defaultFile).execute(args);
    }

    private CommandLine commandLine(Map<String, String> environment, Path defaultFile) {
        CommandLine commandLine = Main.commandLine(environment, defaultFile);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }
}
