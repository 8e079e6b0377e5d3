package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The firewall's golden files, {@code src/test/resources/golden/firewall/<name>.golden}: one command or listing line
 * per line. {@code -Dgolden.update=true} rewrites them from the unit tests; kernel tests only compare.
 */
final class GoldenFiles {

    private static final Path DIR = Path.of("src", "test", "resources", "golden", "firewall");

    private GoldenFiles() {
    }

    /** Checks that {@code lines} equal the golden {@code name}, or rewrites it under {@code -Dgolden.update=true}. */
    static void assertMatches(String name, List<String> lines) {
        Path file = DIR.resolve(name + ".golden");
        String actual = String.join("\n", lines) + "\n";
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden %s is missing: run the unit tests with -Dgolden.update=true", file).exists();
            assertThat(actual).as("golden %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks that {@code lines} equal the golden {@code name}, never rewriting it. */
    static void assertMatchesWithoutUpdate(String name, List<String> lines) {
        Path file = DIR.resolve(name + ".golden");
        try {
            assertThat(String.join("\n", lines) + "\n").as("golden %s", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
