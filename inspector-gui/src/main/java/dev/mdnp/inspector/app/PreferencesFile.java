package dev.mdnp.inspector.app;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The file that keeps the inspector's {@link Preferences} between runs, as JSON: {@code
 * $XDG_CONFIG_HOME/mdnp/inspector.json}, or {@code ~/.config/mdnp/inspector.json} when that variable is unset. A
 * missing or damaged file loads as the defaults (with the reason, for a status line), so it never stops the app; a
 * save writes a temporary file beside it and moves it into place, so a crash mid-write leaves the old file whole.
 */
public final class PreferencesFile {

    private static final String RELATIVE_PATH = "mdnp/inspector.json";

    private final Path file;
    private final ObjectMapper mapper = JsonMappers.create().enable(SerializationFeature.INDENT_OUTPUT);

    /** Creates the file at {@code file}; nothing is read or written yet. */
    public PreferencesFile(Path file) {
        this.file = requireNonNull(file, "file");
    }

    /** Returns the file at its usual place for this user, from the process's environment and home directory. */
    public static PreferencesFile forUser() {
        return new PreferencesFile(defaultPath(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    /** Returns {@code $XDG_CONFIG_HOME/mdnp/inspector.json}, or {@code <home>/.config/mdnp/inspector.json}. */
    public static Path defaultPath(Map<String, String> environment, Path home) {
        String configHome = environment.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path base = configHome != null && Path.of(configHome).isAbsolute() ? Path.of(configHome)
                : home.resolve(".config");
        return base.resolve(RELATIVE_PATH);
    }

    /** Returns where the preferences are kept. */
    public Path path() {
        return file;
    }

    /** Reads the preferences; never throws: a missing or unreadable file gives the defaults and says why. */
    public Loaded load() {
        try {
            Preferences read = mapper.readValue(Files.readString(file), Preferences.class);
            return new Loaded(read == null ? Preferences.defaults() : read, "");
        } catch (NoSuchFileException e) {
            return new Loaded(Preferences.defaults(), "");
        } catch (JsonProcessingException e) {
            return new Loaded(Preferences.defaults(), "preferences in " + file + " are damaged and were not used: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            return new Loaded(Preferences.defaults(), "cannot read preferences " + file + ": " + e.getMessage());
        }
    }

    /**
     * Writes the preferences, creating the directory when needed, through a temporary file moved into place.
     *
     * @throws IOException if the directory or the file cannot be written; the old file is then unchanged
     */
    public void save(Preferences preferences) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, mapper.writeValueAsString(preferences) + "\n");
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * What {@link #load()} found.
     *
     * @param preferences the preferences read, or the defaults
     * @param problem why the defaults were used instead of the file, {@code ""} when the file was fine or absent
     */
    public record Loaded(Preferences preferences, String problem) {

        /** Validates the components. */
        public Loaded {
            requireNonNull(preferences, "preferences");
            requireNonNull(problem, "problem");
        }
    }
}
