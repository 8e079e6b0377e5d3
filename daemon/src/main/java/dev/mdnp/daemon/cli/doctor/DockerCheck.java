package dev.mdnp.daemon.cli.doctor;

import dev.mdnp.daemon.dockerapi.DockerEngine;
import dev.mdnp.daemon.dockerapi.DockerPing;
import dev.mdnp.model.client.UnixHttpException;
import java.time.Duration;
import java.util.List;

/** Whether the Docker engine that uses mdnp answers its ping on {@code --docker-host}. */
final class DockerCheck implements DoctorCheck {

    private final String dockerHost;
    private final Duration timeout;

    DockerCheck(String dockerHost, Duration timeout) {
        this.dockerHost = dockerHost;
        this.timeout = timeout;
    }

    @Override
    public List<Check> run() {
        return List.of(check());
    }

    private Check check() {
        DockerEngine engine;
        try {
            engine = DockerEngine.connect(dockerHost, timeout);
        } catch (IllegalArgumentException notAUnixUri) {
            return Check.fail("docker host " + dockerHost + " is not a unix:///path URI",
                    "pass --docker-host unix:///var/run/docker.sock (mdnp speaks to Docker only over its socket)");
        }
        try (engine) {
            DockerPing ping = engine.ping();
            if (ping.status() == 200) {
                return Check.ok("docker answers at " + dockerHost
                        + (ping.apiVersion() == null ? "" : " (API " + ping.apiVersion() + ")"));
            }
            return Check.fail("docker at " + dockerHost + " answered /_ping with " + ping.status(),
                    ping.body().strip());
        } catch (UnixHttpException e) {
            if (e.kind() == UnixHttpException.Kind.INTERRUPTED) {
                return Check.fail("interrupted while asking docker at " + dockerHost, "");
            }
            return Check.fail("docker does not answer at " + dockerHost + ": " + e.getMessage(),
                    "is dockerd running? is --docker-host right?");
        }
    }
}
