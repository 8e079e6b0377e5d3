package dev.mdnp.daemon.cli.doctor;

import dev.mdnp.model.client.InspectClient;
import dev.mdnp.model.client.InspectException;
import dev.mdnp.model.inspect.InfoView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Whether the daemon answers on its inspect socket, and serves the plugin socket the doctor was told about. */
final class InspectSocketCheck implements DoctorCheck {

    private final Path inspectSocket;
    private final Duration timeout;
    private final Path pluginSocket;

    InspectSocketCheck(Path inspectSocket, Duration timeout, Path pluginSocket) {
        this.inspectSocket = inspectSocket;
        this.timeout = timeout;
        this.pluginSocket = pluginSocket;
    }

    @Override
    public List<Check> run() {
        return List.of(check());
    }

    private Check check() {
        try (InspectClient client = InspectClient.connect(inspectSocket, timeout)) {
            InfoView info = client.info();
            String summary = "inspect socket " + inspectSocket + " answers: mdnp " + info.version() + ", plugin "
                    + info.name() + ", " + info.networks() + " networks, " + info.endpoints() + " endpoints";
            if (!info.pluginSocket().equals(pluginSocket.toString())) {
                return Check.warn(summary, "that daemon serves " + info.pluginSocket() + ", not " + pluginSocket
                        + ": are --name and --plugin-dir right?");
            }
            return Check.ok(summary);
        } catch (InspectException e) {
            return Check.fail("inspect socket " + inspectSocket + " does not answer", e.getMessage());
        }
    }
}
