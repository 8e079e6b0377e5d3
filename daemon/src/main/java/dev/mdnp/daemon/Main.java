package dev.mdnp.daemon;

import dev.mdnp.daemon.cli.ContainersCommand;
import dev.mdnp.daemon.cli.EndpointsCommand;
import dev.mdnp.daemon.cli.LinksCommand;
import dev.mdnp.daemon.cli.LogCommand;
import dev.mdnp.daemon.cli.NetworksCommand;
import dev.mdnp.daemon.cli.PoolsCommand;
import dev.mdnp.daemon.cli.StatusCommand;
import dev.mdnp.daemon.cli.doctor.DoctorCommand;
import dev.mdnp.daemon.config.ConfigDefaults;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mdnp} command: runs the plugin daemon ({@code mdnp serve}), inspects a running one through its inspect
 * socket ({@code status}, {@code networks}, {@code endpoints}, {@code containers}, {@code links}, {@code pools},
 * {@code log}) and checks the host ({@code doctor}).
 */
@Command(
        name = "mdnp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A Docker network plugin: a bridge per network, a veth pair per container.",
        subcommands = {ServeCommand.class, StatusCommand.class, NetworksCommand.class, EndpointsCommand.class,
            ContainersCommand.class, LinksCommand.class, PoolsCommand.class, LogCommand.class, DoctorCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), Path.of(ServeCommand.DEFAULT_CONFIG_FILE)).execute(args));
    }

    /**
     * Returns the {@code mdnp} command line, whose {@code serve} takes the options the command line leaves out from
     * {@code environment} and the configuration file ({@code defaultConfig} unless one is named), and names the file
     * line or variable a bad value came from.
     */
    static CommandLine commandLine(Map<String, String> environment, Path defaultConfig) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.getSubcommands().get("serve").setDefaultValueProvider(new ConfigDefaults(environment,
                defaultConfig, ServeCommand.CONFIG_OPTION, Set.of(ServeCommand.PRINT_CONFIG_OPTION)));
        commandLine.setParameterExceptionHandler(
                ConfigDefaults.attributing(commandLine.getParameterExceptionHandler()));
        return commandLine;
    }
}
