package dev.mdnp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The shared formatting of the inspect commands, and their registration in {@code mdnp}. */
class InspectCommandTest {

    @Test
    void tablesAlignColumnsThreeSpacesApartWithoutTrailingBlanks() {
        StringWriter text = new StringWriter();

        new InspectCommand.Table("ID", "NAME", "X")
                .row("abc", "a", "")
                .row("a", "longer name", "✓")
                .print(new PrintWriter(text));

        assertThat(text.toString()).isEqualTo(String.join("\n",
                "ID    NAME          X",
                "abc   a",
                "a     longer name   ✓",
                ""));
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThatThrownBy(() -> new InspectCommand.Table("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAreCutToTwelveCharactersAsDockerShowsThem() {
        assertThat(InspectCommand.shortId("8f6511a52af0d3c4e5f6")).isEqualTo("8f6511a52af0");
        assertThat(InspectCommand.shortId("short")).isEqualTo("short");
        assertThat(InspectCommand.shortId("")).isEqualTo("-");
    }

    @Test
    void agesUseTheLargestWholeUnit() {
        Instant now = Instant.parse("2026-11-28T22:00:00Z");

        assertThat(InspectCommand.ago(now.minusSeconds(45), now)).isEqualTo("45s ago");
        assertThat(InspectCommand.ago(now.minusSeconds(190), now)).isEqualTo("3m ago");
        assertThat(InspectCommand.ago(now.minus(Duration.ofHours(5)), now)).isEqualTo("5h ago");
        assertThat(InspectCommand.ago(now.minus(Duration.ofDays(9)), now)).isEqualTo("9d ago");
        assertThat(InspectCommand.ago(now.plusSeconds(3), now)).isEqualTo("0s ago");
    }

    @Test
    void byteCountsUseBinaryUnits() {
        assertThat(InspectCommand.bytes(0)).isEqualTo("0B");
        assertThat(InspectCommand.bytes(1023)).isEqualTo("1023B");
        assertThat(InspectCommand.bytes(1536)).isEqualTo("1.5KiB");
        assertThat(InspectCommand.bytes(3L << 20)).isEqualTo("3.0MiB");
        assertThat(InspectCommand.bytes(Long.MAX_VALUE)).isEqualTo("8.0EiB");
    }

    @Test
    void uptimeShowsTwoUnits() {
        assertThat(StatusCommand.uptime(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(StatusCommand.uptime(Duration.ofSeconds(65))).isEqualTo("1m 5s");
        assertThat(StatusCommand.uptime(Duration.ofMinutes(125))).isEqualTo("2h 5m");
        assertThat(StatusCommand.uptime(Duration.ofHours(50).plusMinutes(1))).isEqualTo("2d 2h 1m");
    }

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
