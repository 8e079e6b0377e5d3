package dev.mdnp.daemon.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Answers a command's options that the command line left out, from the environment and then from a configuration
 * file; picocli applies the option's own default when neither has it. So the precedence is: command-line flag,
 * environment variable, file, built-in default, and the options stay declared once, on the command.
 *
 * <p>The option {@code --long-name} is the file's key {@code long-name} and the variable {@code MDNP_LONG_NAME}. The
 * file is the one the file option (such as {@code --config}) or its variable names; when neither does, the default
 * file, which may be absent. A named file that is missing, a line that is not {@code key = value}, an unknown key or
 * a key repeated for an option that takes one value is a {@link ParameterException} that names the file and the line.
 * Multi-value options take the values of a repeated key, or a comma-separated list from the environment. An empty
 * value leaves an option that has no built-in default unset.
 *
 * <p>Not thread-safe: picocli asks it while parsing, on one thread. It remembers where each answer came from.
 */
public final class ConfigDefaults implements IDefaultValueProvider {

    /** The prefix of every option's environment variable. */
    public static final String ENVIRONMENT_PREFIX = "MDNP_";

    private final Map<String, String> environment;
    private final Path defaultFile;
    private final String fileOption;
    private final Set<String> commandLineOnly;
    private final Map<String, String> origins = new HashMap<>();
    private @Nullable Path loadedPath;
    private @Nullable ConfigFile loaded;

    /**
     * Creates the provider of one parse.
     *
     * @param environment the process's environment
     * @param defaultFile the file read when none is named; it may be absent
     * @param fileOption the option that names the file, such as {@code --config}; its value may come from the
     *     environment but not from the file
     * @param commandLineOnly options that neither the environment nor the file may set, besides help and version
     */
    public ConfigDefaults(Map<String, String> environment, Path defaultFile, String fileOption,
            Set<String> commandLineOnly) {
        this.environment = Map.copyOf(environment);
        this.defaultFile = requireNonNull(defaultFile, "defaultFile");
        this.fileOption = requireNonNull(fileOption, "fileOption");
        this.commandLineOnly = Set.copyOf(commandLineOnly);
    }

    /** Returns the configuration-file key of {@code option}: its long name without the dashes. */
    public static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    /** Returns the environment variable of {@code option}, such as {@code MDNP_STATE_DIR}. */
    public static String variable(OptionSpec option) {
        return ENVIRONMENT_PREFIX + key(option).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Returns whether the file and the environment may set {@code option}. */
    public boolean configurable(OptionSpec option) {
        return !option.usageHelp() && !option.versionHelp() && !commandLineOnly.contains(option.longestName());
    }

    @Override
    public @Nullable String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || !configurable(option)) {
            return null;
        }
        String variable = variable(option);
        String fromEnvironment = environment.get(variable);
        if (fromEnvironment != null && !unset(option, fromEnvironment)) {
            origins.put(option.longestName(), "environment " + variable);
            return fromEnvironment;
        }
        if (option.longestName().equals(fileOption)) {
            return null;
        }
        ConfigFile file = file(option.command());
        if (file == null) {
            return null;
        }
        List<ConfigFile.Setting> settings = file.settingsOf(key(option)).stream()
                .filter(setting -> !unset(option, setting.value())).toList();
        if (settings.isEmpty()) {
            return null;
        }
        origins.put(option.longestName(), file.file() + " line " + settings.stream()
                .map(setting -> Integer.toString(setting.line())).collect(Collectors.joining(", ")));
        return settings.stream().map(ConfigFile.Setting::value).collect(Collectors.joining(","));
    }

    /** An empty value leaves an option without a built-in default unset, as the shipped file's {@code #key =}. */
    private static boolean unset(OptionSpec option, String value) {
        return value.isEmpty() && option.defaultValue() == null;
    }

    /**
     * Returns where the value of {@code option} came from, {@code environment MDNP_X} or {@code FILE line N}, when
     * this provider gave it.
     */
    public Optional<String> origin(OptionSpec option) {
        return Optional.ofNullable(origins.get(option.longestName()));
    }

    /** Returns the configuration file the answers came from, if one was read. */
    public Optional<Path> fileRead() {
        return loaded != null ? Optional.ofNullable(loadedPath) : Optional.empty();
    }

    /**
     * Returns a handler for errors in the file or the environment: it prints the error, naming the file line or
     * the variable a bad value came from, and returns the command's status for invalid input, without the usage
     * help (which shows the file's values as defaults). Errors on the command line go on to {@code next}.
     */
    public static IParameterExceptionHandler attributing(IParameterExceptionHandler next) {
        return (exception, args) -> {
            CommandLine commandLine = exception.getCommandLine();
            Optional<String> where = origin(exception);
            if (commandLine == null || where.isEmpty() && !(exception.getCause() instanceof ConfigException)) {
                return next.handleParseException(exception, args);
            }
            commandLine.getErr().println(where.map(origin -> origin + ": ").orElse("") + exception.getMessage());
            commandLine.getErr().println("'mdnp serve --print-config' shows every value and where it came from.");
            commandLine.getErr().flush();
            return commandLine.getCommandSpec().exitCodeOnInvalidInput();
        };
    }

    /** Where the value of the option an error is about came from, {@code FILE line N (key)}, if not a flag. */
    private static Optional<String> origin(ParameterException exception) {
        CommandLine commandLine = exception.getCommandLine();
        if (commandLine != null && commandLine.getDefaultValueProvider() instanceof ConfigDefaults defaults
                && exception.getArgSpec() instanceof OptionSpec option) {
            // Only options the command line left out have an origin: picocli asks the provider for no other.
            return defaults.origin(option).map(origin -> origin + " (" + key(option) + ")");
        }
        return Optional.empty();
    }

    private @Nullable ConfigFile file(CommandSpec command) {
        OptionSpec named = requireNonNull(command.findOption(fileOption), fileOption);
        // Its own default may not be applied yet: picocli asks for the options in the order they are declared.
        Object value = named.getValue() != null ? named.getValue() : environment.get(variable(named));
        Path path = value != null ? Path.of(value.toString()) : defaultFile;
        if (path.equals(loadedPath)) {
            return loaded;
        }
        try {
            loaded = validated(ConfigFile.read(path), command);
        } catch (NoSuchFileException e) {
            if (value != null) {
                String message = "configuration file " + path + " does not exist (named by " + fileOption + " or "
                        + variable(named) + ")";
                throw new ParameterException(command.commandLine(), message, new ConfigException(message, e));
            }
            loaded = null;
        } catch (ConfigException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
        loadedPath = path;
        return loaded;
    }

    /**
     * Returns {@code file} when every key is one of {@code command}'s options that a file may set, and each key that
     * takes one value appears once.
     *
     * @throws ConfigException naming the file, the line and the key otherwise
     */
    public ConfigFile validated(ConfigFile file, CommandSpec command) {
        Map<String, OptionSpec> byKey = new HashMap<>();
        for (OptionSpec option : command.options()) {
            if (configurable(option) && !option.longestName().equals(fileOption)) {
                byKey.put(key(option), option);
            }
        }
        Map<String, Integer> firstLine = new HashMap<>();
        for (ConfigFile.Setting setting : file.settings()) {
            OptionSpec option = byKey.get(setting.key());
            if (option == null) {
                throw new ConfigException(file.file() + " line " + setting.line() + ": unknown key '"
                        + setting.key() + "'; the keys are " + byKey.keySet().stream().sorted()
                        .collect(Collectors.joining(", ")));
            }
            Integer first = firstLine.putIfAbsent(setting.key(), setting.line());
            if (first != null && (!option.isMultiValue() || option.splitRegex().isEmpty())) {
                throw new ConfigException(file.file() + " line " + setting.line() + ": key '" + setting.key()
                        + "' is already set on line " + first + " and takes one value");
            }
        }
        return file;
    }
}
