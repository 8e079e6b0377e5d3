package dev.mdnp.daemon.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A JUnit extension that opens a fresh {@link Store} in a temporary state directory before each test. */
final class OpenStore implements BeforeEachCallback, AfterEachCallback {

    private Path temp;
    private Store store;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        temp = Files.createTempDirectory("mdnp-store-");
        store = Store.open(temp.resolve("state"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(temp)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Returns the open store. */
    Store store() {
        return store;
    }
}
