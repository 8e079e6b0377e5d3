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
import java.util.List;
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
        description = "A Docker network plugin: a bridge per network, a veth pair per container.")
public final class Main {

    private static final String SERVE = "serve";
    /** The subcommands, in the order help lists them. */
    private static final String HELP = "help";
    private static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand(SERVE, ServeCommand.class), new Subcommand("status", StatusCommand.class),
            new Subcommand("networks", NetworksCommand.class), new Subcommand("endpoints", EndpointsCommand.class),
            new Subcommand("containers", ContainersCommand.class), new Subcommand("links", LinksCommand.class),
            new Subcommand("pools", PoolsCommand.class), new Subcommand("log", LogCommand.class),
            new Subcommand("doctor", DoctorCommand.class), new Subcommand(HELP, CommandLine.HelpCommand.class));

    /** A subcommand's name and its command class (picocli makes the instance). */
    private record Subcommand(String name, Class<?> command) {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), Path.of(ServeCommand.DEFAULT_CONFIG_FILE), args).execute(args));
    }

    /**
     * Returns the {@code mdnp} command line, whose {@code serve} takes the options the command line leaves out from
     * {@code environment} and the configuration file ({@code defaultConfig} unless one is named), and names the file
     * line or variable a bad value came from.
     */
    static CommandLine commandLine(Map<String, String> environment, Path defaultConfig) {
        return commandLine(environment, defaultConfig, new String[0]);
    }

    /**
     * Returns the command line for {@code args}: with {@code serve} and the subcommand they name, or with every
     * subcommand when they name none (help lists them all). Building picocli's model of every subcommand took a fifth
     * of the daemon's start.
     */
    static CommandLine commandLine(Map<String, String> environment, Path defaultConfig, String[] args) {
        String named = args.length > 0 ? args[0] : "";
        boolean known = !HELP.equals(named) && SUBCOMMANDS.stream().anyMatch(sub -> sub.name().equals(named));
        CommandLine commandLine = new CommandLine(new Main());
        for (Subcommand sub : SUBCOMMANDS) {
            if (!known || sub.name().equals(SERVE) || sub.name().equals(named)) {
                commandLine.addSubcommand(sub.name(), sub.command());
            }
        }
        commandLine.getSubcommands().get(SERVE).setDefaultValueProvider(new ConfigDefaults(environment,
                defaultConfig, ServeCommand.CONFIG_OPTION, Set.of(ServeCommand.PRINT_CONFIG_OPTION)));
        commandLine.setParameterExceptionHandler(
                ConfigDefaults.attributing(commandLine.getParameterExceptionHandler()));
        return commandLine;
    }
}
