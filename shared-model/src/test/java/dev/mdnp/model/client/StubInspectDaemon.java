package dev.mdnp.model.client;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension for client tests: before each test it starts a {@link StubHttpServer} standing in for a daemon's
 * inspect socket and an {@link InspectClient} connected to it (5 s per call); after it, it closes both.
 */
public final class StubInspectDaemon implements BeforeEachCallback, AfterEachCallback {

    private StubHttpServer server;
    private InspectClient client;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = StubHttpServer.start();
        client = InspectClient.connect(server.socket(), Duration.ofSeconds(5));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        client.close();
        server.close();
    }

    /** Returns the stub daemon, to script its replies. */
    public StubHttpServer server() {
        return server;
    }

    /** Returns the client connected to the stub daemon. */
    public InspectClient client() {
        return client;
    }
}
