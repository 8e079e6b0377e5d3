package dev.mdnp.daemon.persistence;

import static dev.mdnp.daemon.persistence.DurableStateTest.CLOCK;
import static dev.mdnp.daemon.persistence.DurableStateTest.EP1;
import static dev.mdnp.daemon.persistence.DurableStateTest.NET;
import static dev.mdnp.daemon.persistence.DurableStateTest.SANDBOX;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.driver.DriverState;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.model.json.JsonMappers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A child process for {@link PublishedPortsDurabilityTest}: opens the durable state, and through a real
 * {@link NetworkDriver} (over a {@link RecordingDataplane}) creates a network and an endpoint, joins it and publishes
 * its ports; once ProgramExternalConnectivity has returned (the moment Docker would get its 200) it prints
 * {@code programmed [ports]} and waits on stdin, holding the state open, until the test kills it with SIGKILL (or
 * stdin ends). When something fails it ends with the exception on stderr and a non-zero status. The static methods
 * are the test's side.
 */
final class ProgrammingProcess {

    static final String PROGRAMMED = "programmed ";

    private ProgrammingProcess() {
    }

    /** Arguments: the state directory. */
    public static void main(String[] args) throws IOException {
        ObjectMapper mapper = JsonMappers.create();
        DockerRequests docker = new DockerRequests(mapper);
        DurableState durable = DurableState.open(Path.of(args[0]), mapper, CLOCK, CommitListener.NONE);
        DriverState state = durable.restored().driverState();
        NetworkDriver driver = new NetworkDriver(state, new RecordingDataplane(), durable.driverJournal());
        driver.createNetwork(docker.createNetwork(NET, "10.88.0.0/16", "10.88.0.1/16"));
        driver.createEndpoint(docker.createEndpoint(NET, EP1, "10.88.0.2/16", "", ""));
        driver.join(docker.join(NET, EP1, SANDBOX));
        driver.programExternalConnectivity(docker.programExternalConnectivity(NET, EP1));
        System.out.println(PROGRAMMED + state.endpoint(EP1).orElseThrow().published());
        System.out.flush();
        // Block without closing the state: the WAL is not checkpointed, so the reopen must recover it.
        System.in.read();
        durable.close();
    }

    /** Starts the child on {@code stateDir}; its stderr goes to {@code stderr}. */
    static Process start(Path stateDir, Path stderr) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ProgrammingProcess.class.getName(), stateDir.toString());
        return new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .start();
    }

    /**
     * Returns the child's "programmed" line once it printed it, or, when it ended without one, what it printed to
     * stdout and {@code stderr}.
     */
    static String awaitProgrammed(Process child, Path stderr) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(PROGRAMMED)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        return seen + Files.readString(stderr);
    }
}
