package dev.mdnp.daemon.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.mdnp.daemon.api.PluginApi;
import dev.mdnp.daemon.fuzz.Seeds.Seed;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates the fuzzer's cases with jqwik: a route, and a body that is one of the route's {@link Seeds} (now and
 * then another route's), changed by edits of its JSON tree (a value replaced by one of another type, a huge number,
 * an invalid CIDR, Unicode, a 1 MiB string, another seed's subtree; a member removed or added), and/or by edits of
 * its bytes (truncated, random or invalid UTF-8 bytes inserted, bits flipped, a BOM, trailing garbage, duplicate
 * keys, nesting 100,000 deep); or a body made up whole (empty, a scalar, random bytes, just over the 1 MiB limit).
 * Now and then the body goes chunked instead of with a Content-Length.
 *
 * <p>Every part is a jqwik arbitrary, so the seed of a run reproduces its cases and jqwik shrinks a failing one.
 */
final class FuzzCases {

    /** The protocol's member names (cnm-remote-api.md §2–§4), which added members take most of the time. */
    private static final List<String> FIELD_NAMES = List.of("NetworkID", "EndpointID", "Options", "IPv4Data",
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
    private static final List<String> INTERESTING = List.of(
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
    private static final List<String> IDS = List.of(Baseline.N1, Baseline.N2, Baseline.E1, Baseline.E2,
            Seeds.GOLDEN_ORPHAN_NETWORK, twin(Baseline.N1), twin(Baseline.N2), twin(Baseline.E1), twin(Baseline.E2),
            "9xa1z4051lyvks2i9hqd9dcoe", "0".repeat(64), "f".repeat(128), "f".repeat(129), "a", "A1", "",
            "8f6511a52a", "8f6511a52a-", "8f6511a52a\u0000", " " + Baseline.N1, Baseline.N1.toUpperCase(),
            "ab/cd", "..", "mdnpfz");
    /** Addresses, bare: the baseline's, the host's, loopback, any, other families, and broken ones. */
    private static final List<String> ADDRESSES = List.of("10.88.5.77", "10.88.0.254", "10.88.0.10", "10.88.0.0",
            "10.88.255.255", "10.88.5.78", "10.89.0.1", "172.19.0.1", "172.19.0.2", "127.0.0.1", "127.0.0.2",
            "0.0.0.0", "255.255.255.255", "224.0.0.1", "192.0.2.2", "fd88::1", "fd88::77", "fd88::", "::", "::1",
            "fe80::1", "::ffff:10.88.5.77", "fd88::ffff:ffff:ffff:ffff", "10.88.5.77/16", "10.88.5", "10.088.5.77",
            "1.2.3.4.5", "fd88:::1", "[::1]", "10.88.5.77 ", "٣.٣.٣.٣", "");
    /** Subnets and addresses with a prefix, valid and not. */
    private static final List<String> CIDRS = List.of("10.88.0.0/16", "10.88.5.0/24", "10.88.0.0/15", "10.88.0.0/17",
            "10.88.0.0/30", "10.88.0.0/31", "10.88.0.0/32", "10.231.0.0/24", "10.231.0.0/16", "172.19.0.0/16",
            "0.0.0.0/0", "127.0.0.0/8", "224.0.0.0/4", "10.88.0.254/16", "172.19.0.1/16", "10.88.5.77/16",
            "fd88::/64", "fd88::/127", "fd88::/128", "fd88::/48", "fd88::1/64", "::/0", "fe80::/64", "::1/128",
            "fd6d:6e70::/48", "10.88.0.0/33", "10.88.0.0/-1", "10.88.0.0/016", "10.88.0.1/16", "fd88::/129",
            "10.88.0.0", "/16", "");
    private static final List<String> MACS = List.of("02:42:e8:cd:0a:50", "02:42:E8:CD:0A:50", "02:42:e8:cd:0a:51",
            "01:00:5e:00:00:01", "ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00", "02:42:e8:cd:0a", "02-42-e8-cd-0a-50",
            "0242.e8cd.0a50", "Akno6woK", "");
    private static final List<String> POOL_IDS = List.of("MdnpLocal/10.88.0.0/16/10.88.5.0/24", "MdnpLocal/fd88::/64",
            "MdnpLocal/10.88.0.0/16", "MdnpLocal/10.231.0.0/24", "MdnpGlobal/10.88.0.0/16/10.88.5.0/24",
            "CnmLocal/10.88.0.0/16/10.88.5.0/24", "MdnpLocal/fd88::/64/", "MdnpLocal//", "MdnpLocal", "");
    private static final List<JsonNode> NUMBERS = List.of(num(0), num(-1), num(1), num(5), num(6), num(7), num(16),
            num(17), num(18), num(80), num(132), num(255), num(256), num(1023), num(1024), num(5353), num(8079),
            num(8080), num(8081), num(32767), num(32768), num(60999), num(61000), num(65535), num(65536),
            num(Integer.MAX_VALUE), num(Long.MAX_VALUE), JsonNodeFactory.instance.numberNode(80.5),
            JsonNodeFactory.instance.numberNode(BigInteger.TWO.pow(64).add(BigInteger.valueOf(80))));

    /** Character ranges for random strings: ASCII, Latin, symbols, CJK; never a lone surrogate half. */
    private static final String UNICODE_SAMPLE = "abcXYZ09/.:-_ %\"\\\u0000\u0001\u007f\u00e9\u00ff\u0100\u0394"
            + "\u0416\u05d0\u0627\u0939\u0e01\u2028\u2029\u200b\u202e\u3042\u4e2d\ud55c\ufeff\uffef\ufffd";

    private static final List<String> INTERESTING_BYTES = List.of("\u0000", "}", "{", "]", "[", ",", ":", "\"",
            "\\", "\\u0000", "\\ud800", "\\udfff", "\\ud83d\\ude00", "\\uZZZZ", "\\x41", "NaN", "Infinity", "-",
            "1e999999", "//", "/*", "'", "\r\n", "\t", "true", "null", "0");

    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3,
            0x28}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xf4, (byte) 0x90,
            (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xfe, (byte) 0xff});

    private static final int MIB = 1 << 20;

    private final Seeds seeds;
    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> subtrees;

    /** One case: the route, the body's bytes, whether it goes chunked, and how it was made. */
    record FuzzCase(String route, byte[] body, boolean chunked, String how) {

        @Override
        public String toString() {
            return route + (chunked ? " (chunked)" : "") + " " + how + "\n  body (" + body.length + " bytes): "
                    + excerpt(body, 400);
        }
    }

    /** A change of the JSON tree at the node {@code at} (modulo the number of nodes, pre-order from the root). */
    private record TreeEdit(Kind kind, int at, String name, JsonNode value) {

        enum Kind { REPLACE, SIMILAR, REMOVE, ADD }

        String describe() {
            return switch (kind) {
                case REPLACE -> "replace #" + at + " with " + describe(value);
                case SIMILAR -> "replace #" + at + " with a value like it (pick " + name + ")";
                case REMOVE -> "remove #" + at;
                case ADD -> "add " + excerpt(name, 40) + "=" + describe(value) + " at #" + at;
            };
        }

        private static String describe(JsonNode value) {
            String text = value.isTextual() ? "\"" + value.textValue() + "\"" : value.toString();
            return excerpt(text, 60);
        }
    }

    /** A change of the serialized body's bytes at the relative position {@code where}. */
    private record ByteEdit(String kind, double where, byte[] bytes, int count) {

        byte[] apply(byte[] body) {
            int at = (int) Math.min(body.length, Math.floor(where * (body.length + 1)));
            return switch (kind) {
                case "truncate" -> java.util.Arrays.copyOf(body, at);
                case "insert" -> join(java.util.Arrays.copyOf(body, at), bytes, tail(body, at));
                case "overwrite" -> join(java.util.Arrays.copyOf(body, at), bytes,
                        tail(body, Math.min(body.length, at + bytes.length)));
                case "flip" -> flip(body, at, count);
                case "prefix" -> join(bytes, body, new byte[0]);
                case "suffix" -> join(body, bytes, new byte[0]);
                case "duplicate-key" -> duplicateKey(body, bytes);
                case "nest" -> join(java.util.Arrays.copyOf(body, at), nest(bytes, count), tail(body, at));
                default -> throw new IllegalStateException(kind);
            };
        }

        String describe() {
            return kind + (kind.equals("nest") ? " " + count + "×" + text(bytes)
                    : kind.equals("flip") ? " " + count + " bits" : kind.equals("truncate") ? "" : " "
                            + excerpt(text(bytes), 40)) + " at " + Math.round(where * 100) + "%";
        }
    }

    FuzzCases(Seeds seeds) {
        this.seeds = seeds;
        List<JsonNode> nodes = new ArrayList<>();
        for (Seed seed : seeds.all()) {
            if (!seed.body().isBlank()) {
                collect(tree(seed.body()), nodes);
            }
        }
        this.subtrees = List.copyOf(nodes);
    }

    /**
     * Returns the cases: a route, one of its seeds (one time in ten any route's), a way to make the body from it,
     * and one time in twenty a chunked body. Built from arbitraries made once, without {@code flatMap}, so that
     * jqwik does not build and hash a new arbitrary for every case.
     */
    Arbitrary<FuzzCase> cases() {
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 999);
        return Combinators.combine(Arbitraries.of(Routes.ALL), picks, Arbitraries.integers().between(0, 9),
                        bodies(), Arbitraries.integers().between(0, 99))
                .as((route, pick, crossRoute, body, chunk) -> body.make(route, seed(route, pick, crossRoute == 0),
                        chunk < 5));
    }

    private Seed seed(String route, int pick, boolean anyRoute) {
        List<Seed> choices = anyRoute ? seeds.all() : seeds.of(route);
        return choices.get(pick % choices.size());
    }

    /** How a body is made from a seed. */
    @FunctionalInterface
    private interface BodyMaker {
        FuzzCase make(String route, Seed seed, boolean chunked);
    }

    private Arbitrary<BodyMaker> bodies() {
        Arbitrary<List<TreeEdit>> edits = treeEdit().list().ofMinSize(1).ofMaxSize(4);
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((route, seed, chunked) ->
                        new FuzzCase(route, utf8(seed.body()), chunked, "seed " + seed.name()))),
                Tuple.of(55, edits.map(list -> (route, seed, chunked) -> edited(route, seed, list, null, chunked))),
                Tuple.of(17, Combinators.combine(edits, byteEdit()).as((list, bytes) -> (route, seed, chunked) ->
                        edited(route, seed, list, bytes, chunked))),
                Tuple.of(15, byteEdit().map(bytes -> (route, seed, chunked) ->
                        edited(route, seed, List.of(), bytes, chunked))),
                Tuple.of(10, wholeBody().map(whole -> (route, seed, chunked) ->
                        new FuzzCase(route, whole.get2(), chunked, whole.get1()))));
    }

    private FuzzCase edited(String route, Seed seed, List<TreeEdit> edits, ByteEdit byteEdit, boolean chunked) {
        JsonNode root = seed.body().isBlank() ? JsonNodeFactory.instance.objectNode() : tree(seed.body());
        StringBuilder how = new StringBuilder("seed ").append(seed.name());
        for (TreeEdit edit : edits) {
            root = apply(root, edit);
            how.append("; ").append(edit.describe());
        }
        byte[] body = write(root);
        if (byteEdit != null) {
            body = byteEdit.apply(body);
            how.append("; ").append(byteEdit.describe());
        }
        return new FuzzCase(route, body, chunked, how.toString());
    }

    private Arbitrary<TreeEdit> treeEdit() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, 999);
        return Arbitraries.frequencyOf(
                Tuple.of(40, Combinators.combine(at, value()).as((i, v) -> new TreeEdit(TreeEdit.Kind.REPLACE, i, "",
                        v))),
                Tuple.of(25, Combinators.combine(at, Arbitraries.integers().between(0, 9999)).as((i, pick) ->
                        new TreeEdit(TreeEdit.Kind.SIMILAR, i, String.valueOf(pick), JsonNodeFactory.instance
                                .nullNode()))),
                Tuple.of(25, at.map(i -> new TreeEdit(TreeEdit.Kind.REMOVE, i, "", JsonNodeFactory.instance
                        .nullNode()))),
                Tuple.of(15, Combinators.combine(at, fieldName(), value()).as((i, n, v) ->
                        new TreeEdit(TreeEdit.Kind.ADD, i, n, v))));
    }

    private Arbitrary<String> fieldName() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(FIELD_NAMES)),
                Tuple.of(2, Arbitraries.strings().withChars(UNICODE_SAMPLE).ofMaxLength(12)));
    }

    /** Values for replaced and added members: wrong types, edge numbers, interesting and huge strings, subtrees. */
    private Arbitrary<JsonNode> value() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Arbitrary<JsonNode> interesting = Arbitraries.of(INTERESTING).map(nodes::textNode);
        Arbitrary<JsonNode> randomText = Arbitraries.strings().withChars(UNICODE_SAMPLE).ofMaxLength(40)
                .map(nodes::textNode);
        Arbitrary<JsonNode> hexId = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64)
                .map(nodes::textNode);
        Arbitrary<JsonNode> numbers = Arbitraries.of(List.<JsonNode>of(nodes.numberNode(0), nodes.numberNode(-1),
                nodes.numberNode(1), nodes.numberNode(6), nodes.numberNode(17), nodes.numberNode(132),
                nodes.numberNode(255), nodes.numberNode(256), nodes.numberNode(8080), nodes.numberNode(65535),
                nodes.numberNode(65536), nodes.numberNode(Integer.MAX_VALUE), nodes.numberNode(Integer.MIN_VALUE),
                nodes.numberNode(Long.MAX_VALUE), nodes.numberNode(Long.MIN_VALUE),
                nodes.numberNode(BigInteger.TWO.pow(64)), nodes.numberNode(BigInteger.TEN.pow(40).negate()),
                nodes.numberNode(1.5), nodes.numberNode(-0.0), nodes.numberNode(1e308), nodes.numberNode(4.9e-324),
                nodes.numberNode(new BigDecimal("1e400")), nodes.numberNode(new BigDecimal("80.0"))));
        Arbitrary<JsonNode> rawNumbers = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("-0", "1E+2", "1e999999", "-1e-999999", "0.0000000000000000000001",
                        "123456789012345678901234567890")),
                Tuple.of(1, Arbitraries.of(1_001, 100_000, 2_000_000).map("9"::repeat)))
                .map(text -> nodes.rawValueNode(new RawValue(text)));
        Arbitrary<JsonNode> scalars = Arbitraries.of(List.<JsonNode>of(nodes.nullNode(), nodes.booleanNode(true),
                nodes.booleanNode(false)));
        Arbitrary<Integer> hugeLengths = Arbitraries.frequency(Tuple.of(6, 4 * 1024), Tuple.of(2, 64 * 1024),
                Tuple.of(1, MIB - 256), Tuple.of(1, MIB), Tuple.of(1, MIB + 1));
        Arbitrary<JsonNode> huge = Combinators.combine(
                        Arbitraries.of("x", "é", "€", "😀", "\u0000", "\\", "\""), hugeLengths)
                .as((unit, bytes) -> nodes.textNode(unit.repeat(Math.max(1, bytes / utf8(unit).length))));
        Arbitrary<JsonNode> containers = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(nodes.objectNode())),
                Tuple.of(2, Arbitraries.just(nodes.arrayNode())),
                Tuple.of(3, Arbitraries.lazy(() -> simpleValue().list().ofMaxSize(3)).map(values -> {
                    ArrayNode array = nodes.arrayNode();
                    values.forEach(array::add);
                    return array;
                })),
                Tuple.of(3, Combinators.combine(fieldName(), Arbitraries.lazy(this::simpleValue)).as((name, v) -> {
                    ObjectNode object = nodes.objectNode();
                    object.set(name, v);
                    return object;
                })));
        Arbitrary<JsonNode> grafts = Arbitraries.of(subtrees).map(JsonNode::deepCopy);
        return Arbitraries.frequencyOf(
                Tuple.of(25, interesting),
                Tuple.of(8, randomText),
                Tuple.of(4, hexId),
                Tuple.of(12, numbers),
                Tuple.of(3, rawNumbers),
                Tuple.of(6, scalars),
                Tuple.of(2, huge),
                Tuple.of(10, containers),
                Tuple.of(14, grafts));
    }

    private Arbitrary<JsonNode> simpleValue() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return Arbitraries.oneOf(Arbitraries.of(INTERESTING).map(nodes::textNode),
                Arbitraries.integers().map(nodes::numberNode),
                Arbitraries.of(List.<JsonNode>of(nodes.nullNode(), nodes.booleanNode(true))),
                Arbitraries.of(subtrees).map(JsonNode::deepCopy));
    }

    private Arbitrary<ByteEdit> byteEdit() {
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<byte[]> small = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(INTERESTING_BYTES).map(FuzzCases::utf8)),
                Tuple.of(3, Arbitraries.of(INVALID_UTF8)),
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16)));
        return Arbitraries.frequencyOf(
                Tuple.of(20, where.map(w -> new ByteEdit("truncate", w, new byte[0], 0))),
                Tuple.of(20, Combinators.combine(where, small).as((w, b) -> new ByteEdit("insert", w, b, 0))),
                Tuple.of(10, Combinators.combine(where, small).as((w, b) -> new ByteEdit("overwrite", w, b, 0))),
                Tuple.of(15, Combinators.combine(where, Arbitraries.integers().between(1, 8))
                        .as((w, n) -> new ByteEdit("flip", w, new byte[0], n))),
                Tuple.of(8, Arbitraries.of("\uFEFF", " \n\t", "\u0000", "garbage", "[", "\"").map(p ->
                        new ByteEdit("prefix", 0, utf8(p), 0))),
                Tuple.of(8, Arbitraries.of("}", " {}", "\n\n", "garbage", "\u0000", ",", " null").map(s ->
                        new ByteEdit("suffix", 1, utf8(s), 0))),
                Tuple.of(8, Arbitraries.of("\"NetworkID\":\"" + Baseline.N1 + "\",", "\"NetworkID\":42,",
                        "\"PoolID\":\"MdnpLocal/fd88::/64\",", "\"Options\":null,", "\"V6\":true,")
                        .map(k -> new ByteEdit("duplicate-key", 0, utf8(k), 0))),
                Tuple.of(5, Combinators.combine(where, Arbitraries.of("[", "{\"a\":", "[{\"b\":"),
                        Arbitraries.of(100, 999, 1_001, 10_000, 100_000)).as((w, open, depth) ->
                        new ByteEdit("nest", w, utf8(open), depth))));
    }

    /** Bodies made up whole, with a description. */
    private Arbitrary<Tuple.Tuple2<String, byte[]>> wholeBody() {
        Arbitrary<Tuple.Tuple2<String, byte[]>> fixed = Arbitraries.of("", " ", "\n", "\r\n\t ", "null", "[]",
                "[{}]", "true", "0", "-1", "\"x\"", "{}", "{", "}", "{\"\":\"\"}", "{\"NetworkID\":null}",
                "{\"NetworkID\":\"\"}", "{}{}", "{} {}", "[1,2]", "\u0000", "{\"a\":1,}", "{'a':1}", "{a:1}")
                .map(text -> Tuple.of("whole " + excerpt(text, 20), utf8(text)));
        Arbitrary<Tuple.Tuple2<String, byte[]>> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048)
                .map(bytes -> Tuple.of("random bytes", bytes));
        Arbitrary<Tuple.Tuple2<String, byte[]>> randomJson = value().map(v -> Tuple.of("whole value", write(v)));
        Arbitrary<Tuple.Tuple2<String, byte[]>> oversized = Combinators.combine(
                        Arbitraries.of("NetworkID", "PoolID", "Options"),
                        Arbitraries.of((int) PluginApi.MAX_BODY_BYTES, (int) PluginApi.MAX_BODY_BYTES + 1,
                                2 * (int) PluginApi.MAX_BODY_BYTES))
                .as((field, size) -> {
                    String head = "{\"" + field + "\":\"";
                    String text = head + "z".repeat(size - head.length() - 2) + "\"}";
                    return Tuple.of("whole " + size + " bytes in " + field, utf8(text));
                });
        return Arbitraries.frequencyOf(
                Tuple.of(4, fixed),
                Tuple.of(2, random),
                Tuple.of(3, randomJson),
                Tuple.of(1, oversized));
    }

    private JsonNode apply(JsonNode root, TreeEdit edit) {
        List<JsonNode> nodes = new ArrayList<>();
        collect(root, nodes);
        int index = edit.at() % nodes.size();
        JsonNode target = nodes.get(index);
        return switch (edit.kind()) {
            case REPLACE -> index == 0 ? edit.value().deepCopy() : replace(root, target, edit.value().deepCopy());
            case SIMILAR -> index == 0 ? root : replace(root, target, similar(target, Integer.parseInt(edit.name())));
            case REMOVE -> index == 0 ? JsonNodeFactory.instance.objectNode() : remove(root, target);
            case ADD -> {
                if (target instanceof ObjectNode object) {
                    object.set(edit.name(), edit.value().deepCopy());
                    yield root;
                }
                if (target instanceof ArrayNode array) {
                    array.add(edit.value().deepCopy());
                    yield root;
                }
                ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
                wrapper.set(edit.name(), edit.value().deepCopy());
                yield index == 0 ? wrapper : replace(root, target, wrapper);
            }
        };
    }

    /**
     * Returns a value of the same kind as {@code node}, so that the body stays well-typed but its meaning changes:
     * another id (or one sharing the first 10 characters of a known one), address, subnet, MAC or pool id for a
     * string that looks like one, an edge number for a number, the other boolean, an array with an element
     * repeated or dropped.
     */
    private static JsonNode similar(JsonNode node, int pick) {
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

    /** Replaces {@code target} (by identity) in its parent; returns the root. */
    private static JsonNode replace(JsonNode root, JsonNode target, JsonNode value) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        for (JsonNode node : containers) {
            if (node instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getValue() == target) {
                        object.set(field.getKey(), value);
                        return root;
                    }
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) == target) {
                        array.set(i, value);
                        return root;
                    }
                }
            }
        }
        return root;
    }

    /** Removes {@code target} (by identity) from its parent; returns the root. */
    private static JsonNode remove(JsonNode root, JsonNode target) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        for (JsonNode node : containers) {
            if (node instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                    if (it.next().getValue() == target) {
                        it.remove();
                        return root;
                    }
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) == target) {
                        array.remove(i);
                        return root;
                    }
                }
            }
        }
        return root;
    }

    /** Adds {@code node} and every node under it, pre-order. */
    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> collect(child, into));
        }
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("seed is not JSON: " + text, e);
        }
    }

    private byte[] write(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + excerpt(node.toString(), 80), e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] tail(byte[] body, int from) {
        return java.util.Arrays.copyOfRange(body, from, body.length);
    }

    private static byte[] join(byte[] a, byte[] b, byte[] c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length + c.length);
        out.writeBytes(a);
        out.writeBytes(b);
        out.writeBytes(c);
        return out.toByteArray();
    }

    private static byte[] flip(byte[] body, int at, int count) {
        byte[] copy = body.clone();
        if (copy.length == 0) {
            return copy;
        }
        for (int i = 0; i < count; i++) {
            int position = (at + i * 7) % copy.length;
            copy[position] ^= (byte) (1 << ((at + i) % 8));
        }
        return copy;
    }

    private static byte[] duplicateKey(byte[] body, byte[] member) {
        int brace = indexOf(body, (byte) '{');
        if (brace < 0) {
            return join(utf8("{"), member, utf8("\"x\":0}"));
        }
        return join(java.util.Arrays.copyOf(body, brace + 1), member, tail(body, brace + 1));
    }

    private static byte[] nest(byte[] open, int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(open.length * depth);
        for (int i = 0; i < depth; i++) {
            out.writeBytes(open);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the start of a body as text, control characters escaped. */
    static String excerpt(byte[] body, int max) {
        return excerpt(new String(body, 0, Math.min(body.length, max * 4), StandardCharsets.UTF_8), max);
    }

    static String excerpt(String text, int max) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(max).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (text.codePointCount(0, text.length()) > max) {
            out.append("… (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
