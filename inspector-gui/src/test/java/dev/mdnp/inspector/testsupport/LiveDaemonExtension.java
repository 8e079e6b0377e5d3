package dev.mdnp.inspector.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link LiveDaemon} for all tests of a class, set up by a scenario before the first test and closed after the
 * last: {@code @RegisterExtension static final LiveDaemonExtension daemon = new LiveDaemonExtension(live -> ...);}.
 */
public final class LiveDaemonExtension implements BeforeAllCallback, AfterAllCallback {

    /** What the daemon is given before the tests, such as networks and containers. */
    @FunctionalInterface
    public interface Scenario {

        /** Makes the calls of the scenario on {@code daemon}. */
        void play(LiveDaemon daemon) throws Exception;
    }

    private final Scenario scenario;
    private LiveDaemon daemon;

    /** Creates the extension; the daemon starts, and plays {@code scenario}, before the class's first test. */
    public LiveDaemonExtension(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Returns the running daemon. */
    public LiveDaemon get() {
        if (daemon == null) {
            throw new IllegalStateException("the daemon starts before the first test");
        }
        return daemon;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        daemon = LiveDaemon.start();
        scenario.play(daemon);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (daemon != null) {
            daemon.close();
        }
    }
}
