package dev.mdnp.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code key = value} lines with their line numbers. */
class ConfigFileTest {

    @TempDir
    Path directory;

    @Test
    void settingsKeepTheirLineNumbersAndSkipCommentsAndBlankLines() throws IOException {
        Path file = write("# a comment\n\nstate-dir = /srv/mdnp\n  log-level=debug  \n   # indented comment\n");

        assertThat(ConfigFile.read(file).settings()).containsExactly(
                new ConfigFile.Setting("state-dir", "/srv/mdnp", 3),
                new ConfigFile.Setting("log-level", "debug", 4));
    }

    @Test
    void aValueMayBeEmptyAndHoldEqualsAndHashSigns() throws IOException {
        Path file = write("inspect-group =\nrecord = /var/log/a=b#c\n");

        assertThat(ConfigFile.read(file).settings()).containsExactly(
                new ConfigFile.Setting("inspect-group", "", 1),
                new ConfigFile.Setting("record", "/var/log/a=b#c", 2));
    }

    @Test
    void aRepeatedKeyKeepsEverySettingInOrder() throws IOException {
        Path file = write("default-pool = 10.1.0.0/16/24\nname = x\ndefault-pool = fd00:1::/48/64\n");

        assertThat(ConfigFile.read(file).settingsOf("default-pool")).extracting(ConfigFile.Setting::value)
                .containsExactly("10.1.0.0/16/24", "fd00:1::/48/64");
    }

    @Test
    void aLineWithoutEqualsSignNamesTheFileAndTheLine() throws IOException {
        Path file = write("name = mdnp\n--state-dir /srv\n");

        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + " line 2: expected 'key = value'")
                .hasMessageContaining("found: --state-dir /srv");
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThatThrownBy(() -> ConfigFile.read(directory.resolve("absent.conf")))
                .isInstanceOf(NoSuchFileException.class);
    }

    private Path write(String text) throws IOException {
        return Files.writeString(directory.resolve("mdnp.conf"), text);
    }
}
