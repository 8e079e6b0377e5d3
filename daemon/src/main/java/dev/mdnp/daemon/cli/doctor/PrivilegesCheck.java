package dev.mdnp.daemon.cli.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Whether this process runs as root with CAP_NET_ADMIN, as {@code mdnp serve} must ({@code /proc/self/status}). */
final class PrivilegesCheck implements DoctorCheck {

    private static final long CAP_NET_ADMIN = 12;

    private final HostFiles host;
    private final Path pluginDir;

    PrivilegesCheck(HostFiles host, Path pluginDir) {
        this.host = host;
        this.pluginDir = pluginDir;
    }

    @Override
    public List<Check> run() {
        return List.of(check());
    }

    private Check check() {
        String status;
        try {
            status = Files.readString(host.path("proc/self/status"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Check.warn("cannot read /proc/self/status: " + e.getMessage(), "");
        }
        String uid = field(status, "Uid:").split("\\s+")[0];
        String capEff = field(status, "CapEff:");
        boolean netAdmin;
        try {
            netAdmin = (Long.parseUnsignedLong(capEff, 16) >>> CAP_NET_ADMIN & 1) == 1;
        } catch (NumberFormatException e) {
            netAdmin = false;
        }
        boolean root = uid.equals("0");
        if (root && netAdmin) {
            return Check.ok("running as root, with CAP_NET_ADMIN");
        }
        if (netAdmin) {
            return Check.warn("not root (uid " + uid + ") but with CAP_NET_ADMIN",
                    "mdnp serve also needs to write " + pluginDir + " and the state directory: run it as root");
        }
        return Check.fail((root ? "root" : "not root (uid " + uid + ")") + " and without CAP_NET_ADMIN",
                "mdnp serve must run as root (sudo mdnp serve); the socket checks below may be limited");
    }

    private static String field(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(key.length()).strip();
            }
        }
        return "";
    }
}
