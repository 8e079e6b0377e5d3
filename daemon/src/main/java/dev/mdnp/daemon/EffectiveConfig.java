package dev.mdnp.daemon;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.config.ConfigDefaults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The value of every option of a parsed command and where it came from: the command line, the environment, the
 * configuration file or the built-in default. Printed in the configuration file's format, so that it can be saved
 * as one.
 */
final class EffectiveConfig {

    private final CommandSpec command;
    private final Map<String, String> derived;

    /**
     * Creates the view of a parsed command.
     *
     * @param command the parsed command
     * @param derived the values that options without a value of their own take from others, by key, such as the
     *     state directory from the name
     */
    EffectiveConfig(CommandSpec command, Map<String, String> derived) {
        this.command = requireNonNull(command, "command");
        this.derived = Map.copyOf(derived);
    }

    /** Prints one {@code key = value  # origin} line per value, a commented line for an option without one. */
    void print(PrintWriter out) {
        out.println("# mdnp serve: the value of every option and where it came from");
        out.println("# configuration file: " + provider(command).flatMap(ConfigDefaults::fileRead)
                .map(Path::toString).orElse("none read"));
        for (OptionSpec option : configurable()) {
            String key = ConfigDefaults.key(option);
            String origin = origin(option);
            List<String> values = values(option);
            if (values.isEmpty() && derived.containsKey(key)) {
                out.println(key + " = " + derived.get(key) + "  # " + origin + ", derived");
            } else if (values.isEmpty()) {
                out.println("# " + key + " =  # " + origin + ": not set");
            }
            for (String value : values) {
                out.println(key + " = " + value + "  # " + origin);
            }
        }
        out.flush();
    }

    /**
     * Returns, for an error message, where the values that did not come from the command line came from, or
     * {@code ""} when all did.
     */
    static String originsHint(CommandSpec command) {
        EffectiveConfig config = new EffectiveConfig(command, Map.of());
        List<String> origins = new ArrayList<>();
        for (OptionSpec option : config.configurable()) {
            provider(command).flatMap(defaults -> defaults.origin(option))
                    .ifPresent(origin -> origins.add(ConfigDefaults.key(option) + " from " + origin));
        }
        return origins.isEmpty() ? "" : " (" + String.join("; ", origins) + ")";
    }

    private List<OptionSpec> configurable() {
        Optional<ConfigDefaults> defaults = provider(command);
        return command.options().stream()
                .filter(option -> defaults.map(provider -> provider.configurable(option))
                        .orElse(!option.usageHelp() && !option.versionHelp()))
                .filter(option -> !option.longestName().equals(ServeCommand.PRINT_CONFIG_OPTION))
                .sorted((a, b) -> ConfigDefaults.key(a).compareTo(ConfigDefaults.key(b)))
                .toList();
    }

    private String origin(OptionSpec option) {
        if (command.commandLine().getParseResult().hasMatchedOption(option)) {
            return "command line";
        }
        return provider(command).flatMap(defaults -> defaults.origin(option)).orElse("default");
    }

    private static List<String> values(OptionSpec option) {
        @Nullable Object value = option.getValue();
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        if (value instanceof Duration duration) {
            // As the options are written (DurationConverter), not ISO-8601.
            return List.of(duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms");
        }
        return List.of(String.valueOf(value));
    }

    private static Optional<ConfigDefaults> provider(CommandSpec command) {
        IDefaultValueProvider provider = command.defaultValueProvider();
        return provider instanceof ConfigDefaults defaults ? Optional.of(defaults) : Optional.empty();
    }
}
