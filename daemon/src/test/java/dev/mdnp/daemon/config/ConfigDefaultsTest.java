package dev.mdnp.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One precedence for every option: command line, environment, file, built-in default. */
class ConfigDefaultsTest {

    /** A command with the kinds of option serve has. */
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Option(names = "--state-dir", defaultValue = "/var/lib/x")
        String stateDir;
        @Option(names = "--history", defaultValue = "10")
        int history;
        @Option(names = "--pool", split = ",")
        List<String> pools = new ArrayList<>();
        @Option(names = "--config")
        Path config;
        @Option(names = "--print")
        boolean print;

        @Override
        public void run() {
        }
    }

    @TempDir
    Path directory;

    private final StringWriter err = new StringWriter();

    @Test
    void withoutFileAndVariableTheBuiltInDefaultApplies() {
        Probe probe = parse(Map.of(), directory.resolve("absent.conf"));

        assertThat(probe.stateDir).isEqualTo("/var/lib/x");
        assertThat(probe.history).isEqualTo(10);
    }

    @Test
    void theFileBeatsTheDefault() throws IOException {
        Probe probe = parse(Map.of(), file("state-dir = /srv/x\n"));

        assertThat(probe.stateDir).isEqualTo("/srv/x");
    }

    @Test
    void theEnvironmentBeatsTheFile() throws IOException {
        Probe probe = parse(Map.of("MDNP_STATE_DIR", "/env/x"), file("state-dir = /srv/x\n"));

        assertThat(probe.stateDir).isEqualTo("/env/x");
    }

    @Test
    void theCommandLineBeatsTheEnvironmentAndTheFile() throws IOException {
        Probe probe = parse(Map.of("MDNP_STATE_DIR", "/env/x"), file("state-dir = /srv/x\n"),
                "--state-dir", "/flag/x");

        assertThat(probe.stateDir).isEqualTo("/flag/x");
    }

    @Test
    void aRepeatedKeyGivesEveryValueOfAMultiValueOption() throws IOException {
        Probe probe = parse(Map.of(), file("pool = a\npool = b\n"));

        assertThat(probe.pools).containsExactly("a", "b");
    }

    @Test
    void theEnvironmentGivesAMultiValueOptionACommaSeparatedList() {
        Probe probe = parse(Map.of("MDNP_POOL", "a,b"), directory.resolve("absent.conf"));

        assertThat(probe.pools).containsExactly("a", "b");
    }

    @Test
    void theFileNamedByTheFileOptionIsReadInsteadOfTheDefault() throws IOException {
        Path named = Files.writeString(directory.resolve("named.conf"), "state-dir = /named\n");

        Probe probe = parse(Map.of(), file("state-dir = /default\n"), "--config", named.toString());

        assertThat(probe.stateDir).isEqualTo("/named");
    }

    @Test
    void theFileNamedByItsVariableIsReadToo() throws IOException {
        Path named = Files.writeString(directory.resolve("named.conf"), "state-dir = /named\n");

        Probe probe = parse(Map.of("MDNP_CONFIG", named.toString()), directory.resolve("absent.conf"));

        assertThat(probe.stateDir).isEqualTo("/named");
    }

    @Test
    void aNamedFileThatIsMissingIsAnError() {
        Path missing = directory.resolve("missing.conf");

        assertThat(run(Map.of(), directory.resolve("absent.conf"), "--config", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("configuration file " + missing + " does not exist");
    }

    @Test
    void anUnknownKeyNamesTheFileTheLineAndTheKey() throws IOException {
        Path file = file("state-dir = /x\nstate-directory = /y\n");

        assertThat(run(Map.of(), file)).isEqualTo(2);
        assertThat(err.toString()).contains(file + " line 2: unknown key 'state-directory'")
                .contains("the keys are history, pool, state-dir");
    }

    @Test
    void aKeyThatTakesOneValueMustNotRepeat() throws IOException {
        Path file = file("history = 1\nhistory = 2\n");

        assertThat(run(Map.of(), file)).isEqualTo(2);
        assertThat(err.toString()).contains(file + " line 2: key 'history' is already set on line 1");
    }

    @Test
    void aCommandLineOnlyOptionIsAnUnknownKey() throws IOException {
        Path file = file("print = true\n");

        assertThat(run(Map.of(), file)).isEqualTo(2);
        assertThat(err.toString()).contains(file + " line 1: unknown key 'print'");
    }

    @Test
    void aBadValueFromTheFileNamesTheFileTheLineAndTheKey() throws IOException {
        Path file = file("# comment\nhistory = many\n");

        assertThat(run(Map.of(), file)).isEqualTo(2);
        assertThat(err.toString()).contains(file + " line 2 (history): Invalid value for option '--history':"
                + " 'many' is not an int");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariable() {
        assertThat(run(Map.of("MDNP_HISTORY", "many"), directory.resolve("absent.conf"))).isEqualTo(2);
        assertThat(err.toString()).contains("environment MDNP_HISTORY (history): Invalid value");
    }

    @Test
    void theProviderRemembersWhereEachValueCameFrom() throws IOException {
        Path file = file("\nstate-dir = /srv/x\n");
        CommandLine commandLine = commandLine(Map.of("MDNP_HISTORY", "3"), file);
        commandLine.parseArgs();
        ConfigDefaults defaults = (ConfigDefaults) commandLine.getDefaultValueProvider();

        assertThat(defaults.origin(commandLine.getCommandSpec().findOption("--state-dir")))
                .contains(file + " line 2");
        assertThat(defaults.origin(commandLine.getCommandSpec().findOption("--history")))
                .contains("environment MDNP_HISTORY");
        assertThat(defaults.origin(commandLine.getCommandSpec().findOption("--pool"))).isEmpty();
    }

    private Path file(String text) throws IOException {
        return Files.writeString(directory.resolve("mdnp.conf"), text);
    }

    private Probe parse(Map<String, String> environment, Path defaultFile, String... args) {
        CommandLine commandLine = commandLine(environment, defaultFile);
        commandLine.parseArgs(args);
        return commandLine.getCommand();
    }

    private int run(Map<String, String> environment, Path defaultFile, String... args) {
        return commandLine(environment, defaultFile).execute(args);
    }

    private CommandLine commandLine(Map<String, String> environment, Path defaultFile) {
        CommandLine commandLine = new CommandLine(new Probe());
        commandLine.setDefaultValueProvider(new ConfigDefaults(environment, defaultFile, "--config",
                Set.of("--print")));
        commandLine.setParameterExceptionHandler(
                ConfigDefaults.attributing(commandLine.getParameterExceptionHandler()));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }
}
