package dev.mdnp.daemon.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A configuration file read into its settings: {@code key = value} lines, where a key is an option's long name
 * without the dashes; lines that are blank or start with {@code #} are skipped. Spaces around the key and the value
 * are dropped; the value is the rest of the line, {@code #} included. A key may appear more than once (whether that
 * is allowed is for the reader of the settings to say).
 *
 * @param file the file read
 * @param settings its settings, in the order of their lines
 */
public record ConfigFile(Path file, List<Setting> settings) {

    private static final Pattern LINE = Pattern.compile("\\s*([a-z][a-z0-9-]*)\\s*=\\s*(.*?)\\s*");

    /**
     * One {@code key = value} line.
     *
     * @param key the option's long name without the dashes
     * @param value the value, possibly empty
     * @param line its line number, from 1
     */
    public record Setting(String key, String value, int line) {

        /** Checks that neither is null. */
        public Setting {
            requireNonNull(key, "key");
            requireNonNull(value, "value");
        }
    }

    /** Copies the settings. */
    public ConfigFile {
        requireNonNull(file, "file");
        settings = List.copyOf(settings);
    }

    /**
     * Reads {@code file}.
     *
     * @throws NoSuchFileException if it does not exist
     * @throws ConfigException if it cannot be read or a line is not {@code key = value}; the message names the file
     *     and the line
     */
    public static ConfigFile read(Path file) throws NoSuchFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e, e);
        }
        List<Setting> settings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(text);
            if (!matcher.matches()) {
                throw new ConfigException(file + " line " + (i + 1) + ": expected 'key = value' (key: an option's"
                        + " name without the dashes, e.g. state-dir = /var/lib/mdnp/mdnp), found: " + text);
            }
            settings.add(new Setting(matcher.group(1), matcher.group(2), i + 1));
        }
        return new ConfigFile(file, settings);
    }

    /** Returns the settings of {@code key}, in file order. */
    public List<Setting> settingsOf(String key) {
        return settings.stream().filter(setting -> setting.key().equals(key)).toList();
    }
}
