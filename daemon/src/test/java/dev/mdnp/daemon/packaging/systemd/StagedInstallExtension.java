package dev.mdnp.daemon.packaging.systemd;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a {@link StagedInstall} to the tests that ask for one: the first asks {@code scripts/install --root} to make
 * it, the others of the run share it, and the tree is removed when the run ends.
 */
final class StagedInstallExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StagedInstallExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StagedInstall.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Staged.class, key -> Staged.make(), Staged.class).install();
    }

    /** The shared tree, removed by JUnit when the run's root context closes. */
    private record Staged(StagedInstall install) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        static Staged make() {
            try {
                return new Staged(StagedInstall.make());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while staging the install", e);
            }
        }

        @Override
        public void close() throws Exception {
            install.remove();
        }
    }
}
