package dev.mdnp.daemon.cli.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Whether an iptables executable is found in the search path: mdnp's firewall rules are written with it. */
final class IptablesCheck implements DoctorCheck {

    private final List<Path> searchPath;

    IptablesCheck(List<Path> searchPath) {
        this.searchPath = List.copyOf(searchPath);
    }

    @Override
    public List<Check> run() {
        for (Path directory : searchPath) {
            Path candidate = directory.resolve("iptables");
            if (Files.isExecutable(candidate)) {
                return List.of(Check.ok("iptables found at " + candidate));
            }
        }
        return List.of(Check.fail("iptables not found in " + searchPath,
                "mdnp lets its networks' traffic through with iptables: install it (apt-get install iptables)"));
    }
}
