package dev.mdnp.inspector.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.inspector.view.common.ColumnState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesFileTest {

    @TempDir
    Path dir;

    private static Preferences sample() {
        return Preferences.defaults()
                .withWindow(new WindowState(-1200, 40, 1400, 900, false))
                .withSplitPositions(List.of(0.25, 0.6))
                .withColumns("requestTable", List.of(new ColumnState("seq", 55.5, true),
                        new ColumnState("timing", 120, false)))
                .withFilters("method:Join -net:demo", List.of("method:Join -net:demo", "status:error"))
                .withTheme("DARK")
                .withSelectedTab("endpointsTab");
    }

    @Test
    void whatIsSavedLoadsAgain() throws IOException {
        PreferencesFile file = new PreferencesFile(dir.resolve("mdnp/inspector.json"));

        file.save(sample());

        assertThat(file.load()).isEqualTo(new PreferencesFile.Loaded(sample(), ""));
    }

    @Test
    void aMissingFileGivesTheDefaultsQuietly() {
        PreferencesFile.Loaded loaded = new PreferencesFile(dir.resolve("none.json")).load();

        assertThat(loaded.preferences()).isEqualTo(Preferences.defaults());
        assertThat(loaded.problem()).isEmpty();
    }

    @Test
    void aDamagedFileGivesTheDefaultsAndSaysWhy() throws IOException {
        Path path = dir.resolve("inspector.json");
        Files.writeString(path, "{\"window\": {\"x\": 1, \"y\": ");

        PreferencesFile.Loaded loaded = new PreferencesFile(path).load();

        assertThat(loaded.preferences()).isEqualTo(Preferences.defaults());
        assertThat(loaded.problem()).contains(path.toString(), "damaged");
    }

    @Test
    void aFileOfTheWrongShapeGivesTheDefaults() throws IOException {
        Path path = dir.resolve("inspector.json");
        Files.writeString(path, "{\"splitPositions\": \"half\"}");

        assertThat(new PreferencesFile(path).load().preferences()).isEqualTo(Preferences.defaults());
    }

    @Test
    void aDirectoryInThePlaceOfTheFileGivesTheDefaults() throws IOException {
        Path path = Files.createDirectories(dir.resolve("inspector.json"));

        PreferencesFile.Loaded loaded = new PreferencesFile(path).load();

        assertThat(loaded.preferences()).isEqualTo(Preferences.defaults());
        assertThat(loaded.problem()).startsWith("cannot read preferences");
    }

    @Test
    void valuesMissingFromAnOlderFileTakeTheirDefaults() throws IOException {
        Path path = dir.resolve("inspector.json");
        Files.writeString(path, "{\"theme\": \"DARK\", \"somethingNew\": 1, \"window\": {\"x\": 5, \"y\": 6}}");

        Preferences read = new PreferencesFile(path).load().preferences();

        assertThat(read.theme()).isEqualTo("DARK");
        assertThat(read.window()).isEqualTo(new WindowState(5, 6, WindowState.MIN_WIDTH, WindowState.MIN_HEIGHT,
                false));
        assertThat(read.columns()).isEmpty();
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        PreferencesFile file = new PreferencesFile(dir.resolve("inspector.json"));
        file.save(Preferences.defaults());

        file.save(sample());

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("inspector.json"));
        }
        assertThat(file.load().preferences()).isEqualTo(sample());
    }

    @Test
    void aSaveThatCannotWriteFailsAndKeepsTheOldFile() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        PreferencesFile file = new PreferencesFile(blocker.resolve("inspector.json"));

        assertThatThrownBy(() -> file.save(sample())).isInstanceOf(IOException.class);
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }

    @Test
    void theDefaultPathFollowsXdgConfigHome() {
        Path home = Path.of("/home/ada");

        assertThat(PreferencesFile.defaultPath(Map.of("XDG_CONFIG_HOME", "/cfg"), home))
                .isEqualTo(Path.of("/cfg/mdnp/inspector.json"));
        assertThat(PreferencesFile.defaultPath(Map.of(), home))
                .isEqualTo(Path.of("/home/ada/.config/mdnp/inspector.json"));
        assertThat(PreferencesFile.defaultPath(Map.of("XDG_CONFIG_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/ada/.config/mdnp/inspector.json"));
    }
}
