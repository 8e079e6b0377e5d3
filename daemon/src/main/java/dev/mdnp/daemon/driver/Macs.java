package dev.mdnp.daemon.driver;

import dev.mdnp.daemon.driver.DriverException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** MAC addresses of container interfaces: checking the ones Docker sends, deriving one when it sends none. */
final class Macs {

    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    /** Locally administered, unicast: Docker's own bridge driver uses the same first octet. */
    private static final int FIRST_OCTET = 0x02;
    private static final int OCTETS = 6;
    private static final String ZERO = "00:00:00:00:00:00";

    private Macs() {
    }

    /**
     * Returns Docker's MAC in lower case.
     *
     * @throws DriverException with {@link Reason#BAD_REQUEST} when it is not a unicast MAC or is all zeros
     */
    static String require(String mac) {
        String lower = mac.toLowerCase(Locale.ROOT);
        if (!MAC.matcher(lower).matches()) {
            throw new DriverException(Reason.BAD_REQUEST, "invalid MacAddress \"" + mac + "\"");
        }
        if ((Integer.parseInt(lower.substring(0, 2), 16) & 1) != 0) {
            throw new DriverException(Reason.BAD_REQUEST, "MacAddress " + mac + " is a multicast address");
        }
        if (lower.equals(ZERO)) {
            // The kernel refuses it for a link (EADDRNOTAVAIL): it is the caller's input, not mdnp's failure.
            throw new DriverException(Reason.BAD_REQUEST, "MacAddress " + mac + " is the all-zero address");
        }
        return lower;
    }

    /**
     * Derives a locally administered unicast MAC from an endpoint id, so a repeated request gets the same answer.
     */
    static String derive(String endpointId) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(endpointId.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        byte[] mac = new byte[OCTETS];
        mac[0] = FIRST_OCTET;
        System.arraycopy(digest, 0, mac, 1, OCTETS - 1);
        return HexFormat.ofDelimiter(":").formatHex(mac);
    }
}
