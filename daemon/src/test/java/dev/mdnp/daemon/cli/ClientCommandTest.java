package dev.mdnp.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The shared formatting of the commands that ask the daemon. */
class ClientCommandTest {

    @Test
    void tablesAlignColumnsThreeSpacesApartWithoutTrailingBlanks() {
        StringWriter text = new StringWriter();

        new TextTable("ID", "NAME", "X")
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
        assertThatThrownBy(() -> new TextTable("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAreCutToTwelveCharactersAsDockerShowsThem() {
        assertThat(Cells.shortId("8f6511a52af0d3c4e5f6")).isEqualTo("8f6511a52af0");
        assertThat(Cells.shortId("short")).isEqualTo("short");
        assertThat(Cells.shortId("")).isEqualTo("-");
    }

    @Test
    void agesUseTheLargestWholeUnit() {
        Instant now = Instant.parse("2026-11-28T22:00:00Z");

        assertThat(Cells.ago(now.minusSeconds(45), now)).isEqualTo("45s ago");
        assertThat(Cells.ago(now.minusSeconds(190), now)).isEqualTo("3m ago");
        assertThat(Cells.ago(now.minus(Duration.ofHours(5)), now)).isEqualTo("5h ago");
        assertThat(Cells.ago(now.minus(Duration.ofDays(9)), now)).isEqualTo("9d ago");
        assertThat(Cells.ago(now.plusSeconds(3), now)).isEqualTo("0s ago");
    }

    @Test
    void byteCountsUseBinaryUnits() {
        assertThat(Cells.bytes(0)).isEqualTo("0B");
        assertThat(Cells.bytes(1023)).isEqualTo("1023B");
        assertThat(Cells.bytes(1536)).isEqualTo("1.5KiB");
        assertThat(Cells.bytes(3L << 20)).isEqualTo("3.0MiB");
        assertThat(Cells.bytes(Long.MAX_VALUE)).isEqualTo("8.0EiB");
    }

    @Test
    void uptimeShowsTwoUnits() {
        assertThat(StatusCommand.uptime(Duration.ofSeconds(5))).isEqualTo("5s");
        assertThat(StatusCommand.uptime(Duration.ofSeconds(65))).isEqualTo("1m 5s");
        assertThat(StatusCommand.uptime(Duration.ofMinutes(125))).isEqualTo("2h 5m");
        assertThat(StatusCommand.uptime(Duration.ofHours(50).plusMinutes(1))).isEqualTo("2d 2h 1m");
    }
}
