package dev.mdnp.daemon;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mdnp} command: runs the plugin daemon ({@code mdnp serve}) and, later, inspects it. */
@Command(
        name = "mdnp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A Docker network plugin: a bridge per network, a veth pair per container.",
        subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
