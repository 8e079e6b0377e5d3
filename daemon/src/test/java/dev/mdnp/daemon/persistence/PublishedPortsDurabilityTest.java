package dev.mdnp.daemon.persistence;

import static dev.mdnp.daemon.persistence.DurableStateTest.CLOCK;
import static dev.mdnp.daemon.persistence.DurableStateTest.EP1;
import static dev.mdnp.daemon.persistence.DurableStateTest.NET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mdnp.daemon.dataplane.PublishedPort;
import dev.mdnp.daemon.driver.NetworkDriver;
import dev.mdnp.daemon.testsupport.RecordingDataplane;
import dev.mdnp.model.json.JsonMappers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ports whose ProgramExternalConnectivity returned survive a SIGKILL of the daemon right after it, and are what the
 * next daemon's Revoke removes: mdnp crashed between {@code docker run -p} and {@code docker rm} (issue 13).
 */
class PublishedPortsDurabilityTest {

    @TempDir
    Path temp;

    private final ObjectMapper mapper = JsonMappers.create();

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void portsProgrammedBeforeAKillAreRestoredAndRevokedAfterIt() throws IOException, InterruptedException {
        Path dir = temp.resolve("state");
        Path stderr = temp.resolve("child.err");
        Process child = ProgrammingProcess.start(dir, stderr);
        String line;
        try {
            line = ProgrammingProcess.awaitProgrammed(child, stderr);
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }

        assertThat(line).startsWith(ProgrammingProcess.PROGRAMMED + "[0.0.0.0:8080->80/tcp, ");
        assertThat(Files.size(dir.resolve("state.db-wal"))).as("WAL left for recovery").isPositive();
        RecordingDataplane kernel = new RecordingDataplane();
        List<PublishedPort> restored;
        try (DurableState reopened = DurableState.open(dir, mapper, CLOCK, CommitListener.NONE)) {
            restored = reopened.restored().driverState().endpoint(EP1).orElseThrow().published();
            NetworkDriver driver = new NetworkDriver(reopened.restored().driverState(), kernel,
                    reopened.driverJournal());
            driver.revokeExternalConnectivity(new DockerRequests(mapper).revokeExternalConnectivity(NET, EP1));
        }

        assertThat(ProgrammingProcess.PROGRAMMED + restored).isEqualTo(line);
        assertThat(kernel.calls()).containsExactly("unpublishPorts " + EP1 + " " + restored);
    }
}
