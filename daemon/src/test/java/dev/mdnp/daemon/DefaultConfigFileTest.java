package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.config.ConfigDefaults;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commented configuration file shipped as {@code src/main/dist/mdnp.conf} lists every option of {@code serve}
 * with its default, as the picocli model declares them; {@code -Dgolden.update=true} rewrites it.
 */
class DefaultConfigFileTest {

    private static final Path SHIPPED = Path.of("src/main/dist/mdnp.conf");
    private static final int WIDTH = 100;

    @TempDir
    Path directory;

    @Test
    void theShippedFileListsEveryOptionWithItsDefault() throws IOException {
        String expected = render(serve(Map.of(), directory.resolve("absent.conf")).getCommandSpec());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(SHIPPED, expected, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(SHIPPED, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void everySettingOfTheShippedFileIsAcceptedWhenUncommented() throws IOException {
        Path uncommented = directory.resolve("mdnp.conf");
        Files.writeString(uncommented, Files.readString(SHIPPED).replaceAll("(?m)^#([a-z-]+ =)", "$1"));
        CommandLine commandLine = Main.commandLine(Map.of(), uncommented);
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));

        assertThat(commandLine.execute("serve", "--print-config")).isZero();
        assertThat(out.toString()).contains("name = mdnp  # " + uncommented + " line")
                .contains("driver-name = mdnp  # default, derived");
    }

    private static CommandLine serve(Map<String, String> environment, Path file) {
        return Main.commandLine(environment, file).getSubcommands().get("serve");
    }

    private static String render(CommandSpec serve) {
        StringBuilder text = new StringBuilder();
        text.append("""
                # mdnp serve's configuration: /etc/mdnp/mdnp.conf, or the file --config or MDNP_CONFIG names.
                # One 'key = value' per line; the key is the option's name without the dashes. A repeatable option
                # repeats its line. Each option can also be set as MDNP_<KEY> in the environment (e.g.
                # MDNP_STATE_DIR). The first found wins: command line, environment, this file, built-in default.
                # 'mdnp serve --print-config' prints every value and where it came from.
                # Every line below is commented out and shows the built-in default.
                """);
        ConfigDefaults defaults = (ConfigDefaults) serve.defaultValueProvider();
        for (OptionSpec option : serve.options()) {
            if (!defaults.configurable(option) || option.longestName().equals(ServeCommand.CONFIG_OPTION)) {
                continue;
            }
            text.append('\n');
            String defaultValue = option.defaultValue();
            String description = String.join(" ", option.description());
            // The default shows on the setting line; only a default that is not a value stays in the text.
            for (String line : wrap(defaultValue == null ? description
                    : description.replaceAll(" ?\\(default: [^)]*\\)", ""))) {
                text.append("# ").append(line).append('\n');
            }
            text.append('#').append(ConfigDefaults.key(option)).append(" =")
                    .append(defaultValue == null || defaultValue.isEmpty() ? "" : " " + defaultValue).append('\n');
        }
        return text.toString();
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH - 2) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
