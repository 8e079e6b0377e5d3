package dev.mdnp.daemon.cli.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The host's files the doctor reads (/proc, /sys, /lib/modules, /boot, /etc), below a root: "/" except in tests. */
final class HostFiles {

    private final Path root;

    HostFiles(Path root) {
        this.root = root;
    }

    /** Returns the file at {@code relative}, such as {@code proc/modules}, below the root. */
    Path path(String relative) {
        return root.resolve(relative);
    }

    /** Returns the lines of {@code file}; none when it is missing or cannot be read. */
    List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException missingOrUnreadable) {
            // Each caller treats "cannot read" like "not there" and says so in its own words.
            return List.of();
        }
    }
}
