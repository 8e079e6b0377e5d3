package dev.mdnp.daemon.netlink.testsupport;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives every test of a kernel test class its own {@link PrivateNetns}, registered as an instance field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
 * }</pre>
 *
 * <p>The namespace is created before the class's {@code @BeforeEach} methods, which reach it through {@link #get()},
 * and closed after its {@code @AfterEach} methods, also when the test or a set-up failed: the kernel then destroys
 * the namespace and every link in it. Without root the test is skipped, as {@link PrivateNetns#create()} does.
 */
public final class PrivateNetnsExtension implements BeforeEachCallback, AfterEachCallback {

    private @Nullable PrivateNetns netns;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        netns = PrivateNetns.create();
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        PrivateNetns created = netns;
        netns = null;
        if (created != null) {
            created.close();
        }
    }

    /** Returns the current test's namespace. */
    public PrivateNetns get() {
        PrivateNetns current = netns;
        if (current == null) {
            throw new IllegalStateException("no private namespace outside a test");
        }
        return current;
    }
}
