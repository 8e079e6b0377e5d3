package dev.mdnp.daemon.packaging.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.testsupport.DockerCli;
import dev.mdnp.daemon.testsupport.E2eEnvironment;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * mdnp installed as a systemd service, under a real systemd as PID 1 ({@link SystemdRig}), used by the private engine:
 * the units pass {@code systemd-analyze verify}, Docker's first call starts mdnp.service, containers on an mdnp network
 * talk, {@code docker run}s issued while {@code systemctl restart mdnp} runs again and again all succeed (they wait in
 * the socket's backlog) on the state that survived, a stopped service is started again by the next call, the socket
 * file stays in place throughout, and the service's JVM maps the AppCDS archive made at install time.
 */
@Tag("e2e")
@ExtendWith(StagedInstallExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemdRigE2eTest {

    private static final String SERVICE = "mdnp.service";
    private static final String BUSYBOX = "local/busybox";
    private static final int RUNS = 30;
    /** A restart is issued before every RESTART_EVERY-th run, starting with the second: 5 restarts in 30 runs. */
    private static final int RESTART_EVERY = 6;

    private SystemdRig rig;
    private DockerCli docker;
    private String network;
    private final List<String> containers = new ArrayList<>();

    @BeforeAll
    void startRig(StagedInstall staged) throws Exception {
        String host = E2eEnvironment.requireDockerHost();
        docker = new DockerCli(host);
        rig = SystemdRig.start(host, staged);
        network = "mdnpt-sdnet-" + ProcessHandle.current().pid();
        System.out.printf("systemd rig: image build %d ms, boot to running %d ms, install --root %d s%n",
                rig.imageBuild().toMillis(), rig.boot().toMillis(), staged.took().toSeconds());
    }

    @AfterAll
    void removeRig() throws Exception {
        if (docker != null) {
            for (String container : containers) {
                docker.run("rm", "-f", container);
            }
            docker.run("network", "rm", network);
        }
        if (rig != null) {
            // A daemon that stops without networks removes its shared firewall chains from the host.
            rig.tryExec("systemctl", "stop", "mdnp.socket", SERVICE);
            rig.close();
        }
    }

    @Test
    @Order(1)
    void unitsPassSystemdAnalyzeVerify() throws Exception {
        var verify = rig.tryExec("systemd-analyze", "verify", "/etc/systemd/system/mdnp.socket",
                "/etc/systemd/system/mdnp.service");

        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.err()).isEmpty();
    }

    @Test
    @Order(2)
    void dockersFirstCallStartsTheService() throws Exception {
        assertThat(rig.property("mdnp.socket", "ActiveState")).isEqualTo("active");
        assertThat(rig.property(SERVICE, "ActiveState")).isEqualTo("inactive");
        assertThat(Files.exists(rig.pluginSocket())).isTrue();

        long start = System.nanoTime();
        docker.ok("network", "create", "-d", rig.driver(), "--ipam-driver", rig.driver(), network);
        long took = System.nanoTime() - start;

        assertThat(rig.property(SERVICE, "ActiveState")).as(rig.journal()).isEqualTo("active");
        System.out.printf("network create with activation: %d ms%n", Duration.ofNanos(took).toMillis());
    }

    @Test
    @Order(3)
    void containersOnTheNetworkPingEachOther() throws Exception {
        container("a");
        container("b");

        assertPingAcross();
    }

    @Test
    @Order(4)
    void everyDockerRunSucceedsWhileTheServiceRestarts() throws Exception {
        Set<String> pids = new LinkedHashSet<>();
        pids.add(rig.property(SERVICE, "MainPID"));
        List<String> failures = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        int restarts = 0;
        for (int run = 0; run < RUNS; run++) {
            if (run % RESTART_EVERY == 1) {
                rig.exec("systemctl", "restart", "--no-block", SERVICE);
                restarts++;
            }
            long start = System.nanoTime();
            var result = docker.run("run", "--rm", "--net", network, BUSYBOX, "true");
            millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
            if (result.exitCode() != 0) {
                failures.add("run " + run + ": " + result.err());
            }
            pids.add(rig.property(SERVICE, "MainPID"));
        }

        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("restart loop: %d runs, %d restarts, %d failures, %d daemons; docker run median %d ms,"
                + " longest %d ms%n", RUNS, restarts, failures.size(), pids.size(), sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));

        assertThat(failures).as(rig.journal()).isEmpty();
        assertThat(pids).as("a new daemon after every restart").hasSizeGreaterThan(restarts);
        assertThat(rig.property(SERVICE, "ActiveState")).isEqualTo("active");
        assertPingAcross();
    }

    @Test
    @Order(5)
    void aStoppedServiceIsStartedAgainByTheNextCallAndTheSocketFileStays() throws Exception {
        rig.exec("systemctl", "stop", SERVICE);
        assertThat(rig.property(SERVICE, "ActiveState")).isEqualTo("inactive");
        assertThat(rig.property(SERVICE, "Result")).isEqualTo("success");
        assertThat(Files.exists(rig.pluginSocket())).as("socket file after stop").isTrue();

        var run = docker.run("run", "--rm", "--net", network, BUSYBOX, "true");

        assertThat(run.exitCode()).as(run.err() + rig.journal()).isZero();
        assertThat(rig.property(SERVICE, "ActiveState")).isEqualTo("active");
        assertThat(Files.exists(rig.pluginSocket())).isTrue();
    }

    @Test
    @Order(6)
    void theServicesJvmMapsTheAppCdsArchive() throws Exception {
        String pid = rig.property(SERVICE, "MainPID");

        String maps = rig.exec("cat", "/proc/" + pid + "/maps");

        assertThat(maps).contains("/opt/mdnp/mdnp.jsa");
    }

    /** The first container pings the second over the mdnp network. */
    private void assertPingAcross() throws Exception {
        String address = docker.ok("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + network
                + "\").IPAddress}}", containers.get(1));

        var ping = docker.run("exec", containers.get(0), "ping", "-c", "3", "-W", "2", address);

        assertThat(ping.exitCode()).as(ping.out() + ping.err()).isZero();
        assertThat(ping.out()).contains("3 packets received");
    }

    private String container(String suffix) throws Exception {
        String container = network + "-" + suffix;
        containers.add(container);
        docker.ok("run", "-d", "--name", container, "--net", network, BUSYBOX, "sleep", "300");
        return container;
    }
}
