package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The registration of the commands in {@code mdnp}. */
class MainTest {

    @Test
    void mdnpOffersTheInspectCommandsNextToServe() {
        assertThat(new CommandLine(new Main()).getSubcommands().keySet())
                .contains("serve", "status", "networks", "endpoints", "links", "pools", "log", "doctor");
    }

    @Test
    void everyInspectCommandTakesTheSocketAndJsonOptions() {
        for (String name : new String[] {"status", "networks", "endpoints", "links", "pools", "log"}) {
            CommandLine command = new CommandLine(new Main()).getSubcommands().get(name);
            assertThat(command.getCommandSpec().findOption("--inspect-socket")).as(name).isNotNull();
            assertThat(command.getCommandSpec().findOption("--json")).as(name).isNotNull();
            assertThat(command.getCommandSpec().findOption("--inspect-socket").defaultValue())
                    .isEqualTo("/run/mdnp/inspect.sock");
        }
    }
}
