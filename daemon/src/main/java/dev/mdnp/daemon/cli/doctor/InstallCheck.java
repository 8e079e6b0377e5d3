package dev.mdnp.daemon.cli.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The systemd install of mdnp, when there is one ({@code mdnp.service} or {@code mdnp.socket} in
 * {@code /etc/systemd/system}, or {@code /opt/mdnp}): both unit files present, and {@code mdnp.socket} active, so
 * that systemd listens on the plugin socket and starts mdnp on Docker's first call.
 */
final class InstallCheck implements DoctorCheck {

    static final String SERVICE = "mdnp.service";
    static final String SOCKET = "mdnp.socket";

    private final HostFiles host;
    private final UnitStates units;

    InstallCheck(HostFiles host, UnitStates units) {
        this.host = host;
        this.units = units;
    }

    /** Returns whether mdnp is installed as a systemd service on {@code host}. */
    static boolean installed(HostFiles host) {
        return Files.exists(unitFile(host, SERVICE)) || Files.exists(unitFile(host, SOCKET))
                || Files.exists(host.path("opt/mdnp"));
    }

    @Override
    public List<Check> run() {
        if (!installed(host)) {
            return List.of(Check.ok("mdnp is not installed as a systemd service (no " + unitFile(host, SERVICE)
                    + ", " + unitFile(host, SOCKET) + " or " + host.path("opt/mdnp") + ")"));
        }
        List<Check> found = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        for (String unit : List.of(SERVICE, SOCKET)) {
            if (!Files.exists(unitFile(host, unit))) {
                missing.add(unitFile(host, unit));
            }
        }
        if (missing.isEmpty()) {
            found.add(Check.ok("systemd units " + SERVICE + " and " + SOCKET + " are installed in "
                    + unitFile(host, SERVICE).getParent()));
        } else {
            for (Path unit : missing) {
                found.add(Check.fail("systemd unit " + unit + " is missing, but mdnp is installed",
                        "install mdnp again (the installer writes both units), then: sudo systemctl daemon-reload"));
            }
        }
        if (Files.exists(unitFile(host, SOCKET))) {
            found.add(socketState());
        }
        return found;
    }

    private Check socketState() {
        Optional<String> state = units.activeState(SOCKET);
        if (state.isEmpty()) {
            return Check.warn("cannot tell whether " + SOCKET + " is active: systemd is not the init system here,"
                    + " or systemctl is missing", "");
        }
        if (state.get().equals("active")) {
            return Check.ok(SOCKET + " is active: systemd listens on the plugin socket");
        }
        return Check.fail(SOCKET + " is " + state.get() + ": nothing starts mdnp when Docker calls it",
                "sudo systemctl enable --now " + SOCKET + " (after a start limit hit: sudo systemctl reset-failed"
                        + " mdnp.service " + SOCKET + ")");
    }

    private static Path unitFile(HostFiles host, String unit) {
        return host.path("etc/systemd/system/" + unit);
    }
}
