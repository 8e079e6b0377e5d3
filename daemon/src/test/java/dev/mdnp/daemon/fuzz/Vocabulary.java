package dev.mdnp.daemon.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.List;

/**
 * The values the fuzzer puts into bodies: the protocol's member names, strings that mean something to some check
 * (ids, addresses, subnets, MACs, pool ids, option values, Unicode oddities), edge numbers, and bytes that break
 * JSON or UTF-8; and {@link #similar}, which swaps a value for another of its kind.
 */
final class Vocabulary {

    /** The protocol's member names (cnm-remote-api.md §2–§4), which added members take most of the time. */
    static final List<String> FIELD_NAMES = List.of("NetworkID", "EndpointID", "Options", "IPv4Data",
            "IPv6Data", "AddressSpace", "Pool", "SubPool", "Gateway", "AuxAddresses", "Interface", "Address",
            "AddressIPv6", "MacAddress", "SandboxKey", "PoolID", "V6", "DiscoveryType", "DiscoveryData", "Self",
            "Proto", "IP", "Port", "HostIP", "HostPort", "HostPortEnd", "RequestAddressType",
            "com.docker.network.generic", "com.docker.network.enable_ipv6", "com.docker.network.internal",
            "com.docker.network.portmap", "com.docker.network.endpoint.exposedports",
            "com.docker.network.endpoint.macaddress", "com.docker.network.driver.mtu",
            "com.docker.network.bridge.name", "dev.mdnp.bridge.name", "com.docker.network.bridge.enable_icc",
            "com.docker.network.bridge.enable_ip_masquerade", "com.docker.network.bridge.host_binding_ipv4",
            "com.docker.network.bridge.gateway_mode_ipv4", "com.docker.network.bridge.gateway_mode_ipv6",
            "com.docker.network.container_iface_prefix", "com.docker.network.gateway", "Err", "Error");

    /** Strings that mean something to some check: ids, CIDRs, addresses, MACs, names, option values. */
    static final List<String> INTERESTING = List.of(
            "", " ", "\t", "null", "true", "0", "-1", "1e3", "0x10",
            Baseline.N1, Baseline.N2, Baseline.E1, Baseline.E2, Seeds.GOLDEN_ORPHAN_NETWORK,
            "9xa1z4051lyvks2i9hqd9dcoe", "a", "A", "ab/cd", "../../etc", "mdnpb8f6511a52a", "ABCDEF0123",
            "8f6511a52a" + "0".repeat(54), "e0b0a8e294" + "f".repeat(54), "x".repeat(129),
            "10.88.0.0/16", "10.88.0.254/16", "10.88.5.77/16", "10.88.5.77", "10.88.0.0/33", "10.88.0.1/16",
            "10.88.0.0/-1", "10.88.0.0/016", "10.88.0.0/", "/16", "10.88.0.0/16/", "10.88.0.0/1.6", "10.88.0.0/ 16",
            "0.0.0.0/0", "0.0.0.0", "255.255.255.255/32", "224.0.0.0/4", "224.0.0.1/4", "127.0.0.1/8", "127.0.0.1",
            "169.254.0.1/16", "10.88.0.256/16", "1.2.3/24", "01.2.3.4/24", "1.2.3.4.5/24", "١٠.٨٨.٠.٠/16",
            "10.88.0.0/16\n", "fd88::/64", "fd88::1/64", "fd88::77/64", "fd88::1", "::/0", "::", "::1/128", "::1",
            "fe80::1%eth0/64", "fe80::1/64", "fd88::/129", "fd88:::/64", "fd88::g/64", "::ffff:10.88.0.1/120",
            "ff02::1/64", "2001:db8::/32", "[fd88::1]", "fd88:0:0:0:0:0:0:0:1/64",
            "MdnpLocal/10.88.0.0/16/10.88.5.0/24", "MdnpLocal/fd88::/64", "MdnpLocal/10.231.0.0/24", "MdnpLocal/",
            "MdnpLocal", "MdnpGlobal", "CnmLocal", "LocalDefault", "MdnpLocal/10.88.0.0/16/10.88.5.0/24/x",
            "02:42:e8:cd:0a:50", "02:42:E8:CD:0A:50", "01:00:5e:00:00:01", "ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00",
            "02:42:e8:cd:0a", "02-42-e8-cd-0a-50", "Akno6woK", "com.docker.network.gateway",
            "mdnphe0b0a8e294", "mdnpce0b0a8e294", "-bridge", ".br", "br+", "br0 ", "a".repeat(16), "eth",
            "/var/run/docker/netns/6683905621ff", "/proc/1/ns/net", "1400", "67", "68", "65535", "65536", "0",
            "nat", "routed", "nat-unprotected", "isolated", "t", "f", "TRUE", "yes",
            "\u0000", "\u0000abc", "é", "ÿ", "€", "\u200b", "\u202e10.0.0.0/8", "😀", "👩‍👩‍👧", "Ω≈ç√",
            "𝔐𝔇𝔑𝔓", "ｍｄｎｐ", "İ", "ß", "\uFEFF", "\r\n", "\\", "\"", "'; DROP TABLE networks; --", "%s%n", "${jndi:x}",
            "<script>", "\u001b[31m");

    /** Ids: Docker's, the baseline's, and others that share their first 10 characters (all a link name holds). */
    static final List<String> IDS = List.of(Baseline.N1, Baseline.N2, Baseline.E1, Baseline.E2,
            Seeds.GOLDEN_ORPHAN_NETWORK, twin(Baseline.N1), twin(Baseline.N2), twin(Baseline.E1), twin(Baseline.E2),
            "9xa1z4051lyvks2i9hqd9dcoe", "0".repeat(64), "f".repeat(128), "f".repeat(129), "a", "A1", "",
            "8f6511a52a", "8f6511a52a-", "8f6511a52a\u0000", " " + Baseline.N1, Baseline.N1.toUpperCase(),
            "ab/cd", "..", "mdnpfz");
    /** Addresses, bare: the baseline's, the host's, loopback, any, other families, and broken ones. */
    static final List<String> ADDRESSES = List.of("10.88.5.77", "10.88.0.254", "10.88.0.10", "10.88.0.0",
            "10.88.255.255", "10.88.5.78", "10.89.0.1", "172.19.0.1", "172.19.0.2", "127.0.0.1", "127.0.0.2",
            "0.0.0.0", "255.255.255.255", "224.0.0.1", "192.0.2.2", "fd88::1", "fd88::77", "fd88::", "::", "::1",
            "fe80::1", "::ffff:10.88.5.77", "fd88::ffff:ffff:ffff:ffff", "10.88.5.77/16", "10.88.5", "10.088.5.77",
            "1.2.3.4.5", "fd88:::1", "[::1]", "10.88.5.77 ", "٣.٣.٣.٣", "");
    /** Subnets and addresses with a prefix, valid and not. */
    static final List<String> CIDRS = List.of("10.88.0.0/16", "10.88.5.0/24", "10.88.0.0/15", "10.88.0.0/17",
            "10.88.0.0/30", "10.88.0.0/31", "10.88.0.0/32", "10.231.0.0/24", "10.231.0.0/16", "172.19.0.0/16",
            "0.0.0.0/0", "127.0.0.0/8", "224.0.0.0/4", "10.88.0.254/16", "172.19.0.1/16", "10.88.5.77/16",
            "fd88::/64", "fd88::/127", "fd88::/128", "fd88::/48", "fd88::1/64", "::/0", "fe80::/64", "::1/128",
            "fd6d:6e70::/48", "10.88.0.0/33", "10.88.0.0/-1", "10.88.0.0/016", "10.88.0.1/16", "fd88::/129",
            "10.88.0.0", "/16", "");
    static final List<String> MACS = List.of("02:42:e8:cd:0a:50", "02:42:E8:CD:0A:50", "02:42:e8:cd:0a:51",
            "01:00:5e:00:00:01", "ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00", "02:42:e8:cd:0a", "02-42-e8-cd-0a-50",
            "0242.e8cd.0a50", "Akno6woK", "");
    static final List<String> POOL_IDS = List.of("MdnpLocal/10.88.0.0/16/10.88.5.0/24", "MdnpLocal/fd88::/64",
            "MdnpLocal/10.88.0.0/16", "MdnpLocal/10.231.0.0/24", "MdnpGlobal/10.88.0.0/16/10.88.5.0/24",
            "CnmLocal/10.88.0.0/16/10.88.5.0/24", "MdnpLocal/fd88::/64/", "MdnpLocal//", "MdnpLocal", "");
    static final List<JsonNode> NUMBERS = List.of(num(0), num(-1), num(1), num(5), num(6), num(7), num(16),
            num(17), num(18), num(80), num(132), num(255), num(256), num(1023), num(1024), num(5353), num(8079),
            num(8080), num(8081), num(32767), num(32768), num(60999), num(61000), num(65535), num(65536),
            num(Integer.MAX_VALUE), num(Long.MAX_VALUE), JsonNodeFactory.instance.numberNode(80.5),
            JsonNodeFactory.instance.numberNode(BigInteger.TWO.pow(64).add(BigInteger.valueOf(80))));

    /** Character ranges for random strings: ASCII, Latin, symbols, CJK; never a lone surrogate half. */
    static final String UNICODE_SAMPLE = "abcXYZ09/.:-_ %\"\\\u0000\u0001\u007f\u00e9\u00ff\u0100\u0394"
            + "\u0416\u05d0\u0627\u0939\u0e01\u2028\u2029\u200b\u202e\u3042\u4e2d\ud55c\ufeff\uffef\ufffd";

    static final List<String> INTERESTING_BYTES = List.of("\u0000", "}", "{", "]", "[", ",", ":", "\"",
            "\\", "\\u0000", "\\ud800", "\\udfff", "\\ud83d\\ude00", "\\uZZZZ", "\\x41", "NaN", "Infinity", "-",
            "1e999999", "//", "/*", "'", "\r\n", "\t", "true", "null", "0");

    static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3,
            0x28}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf4, (byte) 0x90,
            (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xfe, (byte) 0xff});

    private Vocabulary() {
    }

    /**
     * Returns a value of the same kind as {@code node}, so that the body stays well-typed but its meaning changes:
     * another id (or one sharing the first 10 characters of a known one), address, subnet, MAC or pool id for a
     * string that looks like one, an edge number for a number, the other boolean, an array with an element
     * repeated or dropped.
     */
    static JsonNode similar(JsonNode node, int pick) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isTextual()) {
            String text = node.textValue();
            List<String> kind = text.matches("[0-9a-z]{20,}") ? IDS
                    : text.contains("/") && text.startsWith("Mdnp") || text.startsWith("Cnm") ? POOL_IDS
                    : text.contains("/") ? CIDRS
                    : text.matches("([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}") ? MACS
                    : text.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*") ? ADDRESSES
                    : INTERESTING;
            return nodes.textNode(kind.get(pick % kind.size()));
        }
        if (node.isNumber()) {
            return NUMBERS.get(pick % NUMBERS.size());
        }
        if (node.isBoolean()) {
            return pick % 3 == 0 ? nodes.textNode(node.asText()) : nodes.booleanNode(!node.booleanValue());
        }
        if (node instanceof ArrayNode array && !array.isEmpty()) {
            ArrayNode copy = array.deepCopy();
            if (pick % 2 == 0) {
                copy.add(copy.get(pick % copy.size()).deepCopy());
            } else {
                copy.remove(pick % copy.size());
            }
            return copy;
        }
        return node.deepCopy();
    }

    private static JsonNode num(long value) {
        return JsonNodeFactory.instance.numberNode(value);
    }

    private static String twin(String id) {
        return id.substring(0, 10) + new StringBuilder(id.substring(10)).reverse();
    }
}
