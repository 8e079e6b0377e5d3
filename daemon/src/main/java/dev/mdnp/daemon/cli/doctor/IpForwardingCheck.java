package dev.mdnp.daemon.cli.doctor;

import java.util.List;

/** Whether the kernel forwards IPv4 ({@code net.ipv4.ip_forward}): without it containers reach only their network. */
final class IpForwardingCheck implements DoctorCheck {

    private final HostFiles host;

    IpForwardingCheck(HostFiles host) {
        this.host = host;
    }

    @Override
    public List<Check> run() {
        List<String> value = host.lines(host.path("proc/sys/net/ipv4/ip_forward"));
        if (value.isEmpty()) {
            return List.of(Check.warn("cannot read net.ipv4.ip_forward", ""));
        }
        if (value.get(0).strip().equals("1")) {
            return List.of(Check.ok("IPv4 forwarding is on"));
        }
        return List.of(Check.warn("IPv4 forwarding is off: containers cannot reach beyond their network",
                "dockerd turns it on when it starts; or: sysctl -w net.ipv4.ip_forward=1"));
    }
}
