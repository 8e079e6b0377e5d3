package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The registration of the commands in {@code mdnp}. */
class MainTest {

    private static final Path NO_CONFIG = Path.of("/nonexistent/mdnp.conf");

    @Test
    void mdnpOffersTheInspectCommandsNextToServe() {
        assertThat(Main.commandLine(Map.of(), NO_CONFIG).getSubcommands().keySet())
                .containsExactly("serve", "status", "networks", "endpoints", "containers", "links", "pools", "log",
                        "doctor", "help");
    }

    @Test
    void forANamedSubcommandOnlyItAndServeAreBuilt() {
        assertThat(Main.commandLine(Map.of(), NO_CONFIG, new String[] {"networks", "--json"}).getSubcommands()
                .keySet()).containsExactly("serve", "networks");
        assertThat(Main.commandLine(Map.of(), NO_CONFIG, new String[] {"serve"}).getSubcommands().keySet())
                .containsExactly("serve");
        assertThat(Main.commandLine(Map.of(), NO_CONFIG, new String[] {"help", "doctor"}).getSubcommands()
                .keySet()).hasSize(10);
        assertThat(Main.commandLine(Map.of(), NO_CONFIG, new String[] {"--nosuch"}).getSubcommands().keySet())
                .hasSize(10);
    }

    @Test
    void everyInspectCommandTakesTheSocketAndJsonOptions() {
        for (String name : new String[] {"status", "networks", "endpoints", "links", "pools", "log"}) {
            CommandLine command = Main.commandLine(Map.of(), NO_CONFIG).getSubcommands().get(name);
            assertThat(command.getCommandSpec().findOption("--inspect-socket")).as(name).isNotNull();
            assertThat(command.getCommandSpec().findOption("--json")).as(name).isNotNull();
            assertThat(command.getCommandSpec().findOption("--inspect-socket").defaultValue())
                    .isEqualTo("/run/mdnp/inspect.sock");
        }
    }
}
