package dev.mdnp.daemon.testsupport;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The host's own IPv4 address: the one on the interface of its default route (192.0.2.2 on the test machine). */
public final class HostAddress {

    private static final Pattern DEVICE = Pattern.compile("\\bdev (\\S+)");
    private static final Pattern INET = Pattern.compile("\\binet (\\d+\\.\\d+\\.\\d+\\.\\d+)/");

    private HostAddress() {
    }

    /** Returns the first global IPv4 address of the default route's interface. */
    public static String primaryIpv4() throws IOException, InterruptedException {
        Matcher device = DEVICE.matcher(HostCommand.ok("ip", "-4", "-o", "route", "show", "default"));
        if (!device.find()) {
            throw new IllegalStateException("the host has no IPv4 default route");
        }
        Matcher inet = INET.matcher(HostCommand.ok("ip", "-4", "-o", "addr", "show", "dev", device.group(1),
                "scope", "global"));
        if (!inet.find()) {
            throw new IllegalStateException("no global IPv4 address on " + device.group(1));
        }
        return inet.group(1);
    }
}
