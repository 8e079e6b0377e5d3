package dev.mdnp.daemon.netlink;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A 48-bit Ethernet (MAC) address, such as {@code 02:42:ac:11:00:02}; {@link #toString()} gives that form.
 *
 * @param bits the address in the low 48 bits, first octet highest
 */
public record MacAddress(long bits) {

    private static final int OCTETS = 6;
    private static final long MASK = 0xffff_ffff_ffffL;

    /** Checks that only the low 48 bits are set. */
    public MacAddress {
        if ((bits & ~MASK) != 0) {
            throw new IllegalArgumentException("a MAC address has 48 bits, got 0x" + Long.toHexString(bits));
        }
    }

    /** Parses six colon-separated hex octets, such as {@code 02:42:ac:11:00:02} (either case). */
    public static MacAddress parse(String text) {
        String[] octets = text.split(":", -1);
        if (octets.length != OCTETS) {
            throw new IllegalArgumentException("not a MAC address: \"" + text + "\"");
        }
        long bits = 0;
        for (String octet : octets) {
            if (octet.length() != 2 || !HexFormat.isHexDigit(octet.charAt(0))
                    || !HexFormat.isHexDigit(octet.charAt(1))) {
                throw new IllegalArgumentException("not a MAC address: \"" + text + "\"");
            }
            bits = (bits << 8) | HexFormat.fromHexDigits(octet);
        }
        return new MacAddress(bits);
    }

    /** Returns the address of six octets, in network order. */
    public static MacAddress of(byte[] octets) {
        if (octets.length != OCTETS) {
            throw new IllegalArgumentException("a MAC address has 6 octets, got " + octets.length);
        }
        long bits = 0;
        for (byte octet : octets) {
            bits = (bits << 8) | Byte.toUnsignedLong(octet);
        }
        return new MacAddress(bits);
    }

    /** Returns a new array with the six octets in network order. */
    public byte[] octets() {
        byte[] octets = new byte[OCTETS];
        for (int i = 0; i < OCTETS; i++) {
            octets[i] = (byte) (bits >>> (8 * (OCTETS - 1 - i)));
        }
        return octets;
    }

    /** Returns the address as six lower-case hex octets separated by colons. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(octets()).toLowerCase(Locale.ROOT);
    }
}
