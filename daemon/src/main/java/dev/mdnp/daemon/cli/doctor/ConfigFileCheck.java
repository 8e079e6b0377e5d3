package dev.mdnp.daemon.cli.doctor;

import dev.mdnp.daemon.config.ConfigException;
import dev.mdnp.daemon.config.ConfigFile;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Whether {@code mdnp serve}'s configuration file reads as {@code serve} would read it: every line
 * {@code key = value}, and (when the doctor knows serve's options) every key an option.
 */
final class ConfigFileCheck implements DoctorCheck {

    private final Path file;
    private final UnaryOperator<ConfigFile> validator;

    /**
     * Creates the check of {@code file}.
     *
     * @param file the configuration file
     * @param validator checks the keys against serve's options; throws {@link ConfigException}
     */
    ConfigFileCheck(Path file, UnaryOperator<ConfigFile> validator) {
        this.file = file;
        this.validator = validator;
    }

    @Override
    public List<Check> run() {
        try {
            ConfigFile config = validator.apply(ConfigFile.read(file));
            return List.of(Check.ok("configuration file " + file + " reads: " + config.settings().size()
                    + (config.settings().size() == 1 ? " setting" : " settings")));
        } catch (NoSuchFileException e) {
            return List.of(Check.ok("no configuration file " + file + ": serve takes its flags, MDNP_* variables"
                    + " and defaults"));
        } catch (ConfigException e) {
            return List.of(Check.fail(e.getMessage(), "mdnp serve refuses to start like this: fix that line"
                    + " ('sudo mdnp serve --print-config' shows every value and where it came from)"));
        }
    }
}
