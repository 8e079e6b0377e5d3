package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The firewall's golden files, {@code src/test/resources/golden/firewall/<name>.golden}: one line of rules or of a
 * restore script per line. {@code -Dgolden.update=true} rewrites them; review the diff.
 */
final class GoldenFiles {

    static final Path DIR = Path.of("src", "test", "resources", "golden", "firewall");

    private GoldenFiles() {
    }

    /** Checks that {@code lines} equal the golden {@code name}, or rewrites it under {@code -Dgolden.update=true}. */
    static void assertMatches(String name, List<String> lines) {
        Path file = DIR.resolve(name + ".golden");
        String actual = lines.stream().map(line -> line + "\n").collect(Collectors.joining());
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("%s exists (create it with -Dgolden.update=true)", file).exists();
            assertThat(actual).as("golden %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the names of the golden files present, without {@code .golden}. */
    static Set<String> names() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".golden"))
                    .map(name -> name.substring(0, name.length() - ".golden".length()))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
