package dev.mdnp.daemon.netlink.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bytes of every request message, compared with {@code golden/netlink/<op>[.<variant>].hex}, built with sequence
 * number {@value #SEQ} and port id {@value #PORT_ID}. {@code -Dgolden.update=true} rewrites the files; review the
 * diff. The goldens are little-endian, as on x86-64 and arm64.
 */
class GoldenMessagesTest {

    private static final Path DIR = Path.of("src/test/resources/golden/netlink");
    private static final int SEQ = 1;
    private static final int PORT_ID = 4242;
    private static final byte[] MAC = {2, 0, 0, 0, 0, 1};
    private static final byte[] PEER_MAC = {2, 0, 0, 0, 0, 2};
    private static final int GROUP = 28001;

    /** One golden: its file name without {@code .hex}, what it is, and how to build it. */
    record Golden(String name, String description, Supplier<MessageBuilder> message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Golden> goldens() {
        return List.of(
                new Golden("createBridge", "ip link add mdnptbr0 type bridge",
                        () -> LinkMessages.createBridge("mdnptbr0", 0)),
                new Golden("createBridge.mtu", "ip link add mdnptbr0 mtu 1400 type bridge",
                        () -> LinkMessages.createBridge("mdnptbr0", 1400)),
                new Golden("createBridge.group", "ip link add mdnptbr0 group 28001 type bridge",
                        () -> LinkMessages.createBridge("mdnptbr0", 0, GROUP)),
                new Golden("createBridge.mtu,group", "ip link add mdnptbr0 mtu 1400 group 28001 type bridge",
                        () -> LinkMessages.createBridge("mdnptbr0", 1400, GROUP)),
                new Golden("createBridge.mtu,mac,group",
                        "ip link add mdnptbr0 mtu 1400 address 02:00:00:00:00:01 group 28001 type bridge",
                        () -> LinkMessages.createBridge("mdnptbr0", 1400, GROUP, MAC)),
                new Golden("createVeth", "ip link add mdnpth0 type veth peer name mdnptc0",
                        () -> LinkMessages.createVeth("mdnpth0", "mdnptc0", 0, null, null)),
                new Golden("createVeth.mtu,mac", "ip link add mdnpth0 mtu 1400 address 02:00:00:00:00:01 type veth"
                        + " peer name mdnptc0 mtu 1400 address 02:00:00:00:00:02",
                        () -> LinkMessages.createVeth("mdnpth0", "mdnptc0", 1400, MAC, PEER_MAC)),
                new Golden("createVeth.group", "ip link add mdnpth0 group 28001 type veth peer name mdnptc0"
                        + " group 28001",
                        () -> LinkMessages.createVeth("mdnpth0", "mdnptc0", 0, null, null, GROUP)),
                new Golden("createVeth.mtu,mac,group", "ip link add mdnpth0 mtu 1400 address 02:00:00:00:00:01"
                        + " group 28001 type veth peer name mdnptc0 mtu 1400 address 02:00:00:00:00:02 group 28001",
                        () -> LinkMessages.createVeth("mdnpth0", "mdnptc0", 1400, MAC, PEER_MAC, GROUP)),
                new Golden("deleteLink.name", "ip link del mdnpth0", () -> LinkMessages.delete("mdnpth0")),
                new Golden("deleteLink.index", "ip link del dev #7", () -> LinkMessages.delete(7)),
                new Golden("setUp", "ip link set mdnpth0 up", () -> LinkMessages.setUp("mdnpth0")),
                new Golden("setDown", "ip link set mdnpth0 down", () -> LinkMessages.setDown("mdnpth0")),
                new Golden("setMtu", "ip link set mdnpth0 mtu 1450", () -> LinkMessages.setMtu("mdnpth0", 1450)),
                new Golden("setGroup", "ip link set mdnpth0 group 27940",
                        () -> LinkMessages.setGroup("mdnpth0", 27940)),
                new Golden("deleteLink.group", "ip link del group 27940", () -> LinkMessages.deleteGroup(27940)),
                new Golden("setMac", "ip link set mdnpth0 address 02:00:00:00:00:01",
                        () -> LinkMessages.setMac("mdnpth0", MAC)),
                new Golden("setAlias", "ip link set mdnpth0 alias mdnp:a:0123456789ab",
                        () -> LinkMessages.setAlias("mdnpth0", "mdnp:a:0123456789ab")),
                new Golden("setAlias.empty", "ip link set mdnpth0 alias \"\"",
                        () -> LinkMessages.setAlias("mdnpth0", "")),
                new Golden("setRouteLocalnet.on", "sysctl net.ipv4.conf.mdnptbr0.route_localnet=1",
                        () -> LinkMessages.setRouteLocalnet("mdnptbr0", true)),
                new Golden("setRouteLocalnet.off", "sysctl net.ipv4.conf.mdnptbr0.route_localnet=0",
                        () -> LinkMessages.setRouteLocalnet("mdnptbr0", false)),
                new Golden("setMaster", "ip link set mdnpth0 master #7", () -> LinkMessages.setMaster("mdnpth0", 7)),
                new Golden("setMaster.none", "ip link set mdnpth0 nomaster",
                        () -> LinkMessages.setMaster("mdnpth0", 0)),
                new Golden("rename", "ip link set dev #7 name mdnpth1", () -> LinkMessages.rename(7, "mdnpth1")),
                new Golden("getLink.name", "ip link show mdnpth0", () -> LinkMessages.get("mdnpth0")),
                new Golden("getLink.index", "ip link show dev #7", () -> LinkMessages.get(7)),
                new Golden("dumpLinks", "ip link show", LinkMessages::dump),
                new Golden("addAddress.ipv4", "ip addr add 10.250.77.1/24 dev #7",
                        () -> AddrMessages.add(Af.INET, 7, ip("10.250.77.1"), 24)),
                new Golden("addAddress.ipv6", "ip addr add fd00:77::1/64 dev #7 nodad",
                        () -> AddrMessages.add(Af.INET6, 7, ip("fd00:77::1"), 64)),
                new Golden("deleteAddress.ipv4", "ip addr del 10.250.77.1/24 dev #7",
                        () -> AddrMessages.delete(Af.INET, 7, ip("10.250.77.1"), 24)),
                new Golden("deleteAddress.ipv6", "ip addr del fd00:77::1/64 dev #7",
                        () -> AddrMessages.delete(Af.INET6, 7, ip("fd00:77::1"), 64)),
                new Golden("dumpAddresses", "ip addr show", AddrMessages::dump),
                new Golden("addRoute.default,ipv4", "ip route add default via 10.250.77.1",
                        () -> RouteMessages.add(Af.INET, ip("0.0.0.0"), 0, ip("10.250.77.1"), 0)),
                new Golden("addRoute.default,ipv6", "ip -6 route add default via fd00:77::1",
                        () -> RouteMessages.add(Af.INET6, ip("::"), 0, ip("fd00:77::1"), 0)),
                new Golden("addRoute.prefix,dev", "ip route add 10.99.0.0/16 dev #7",
                        () -> RouteMessages.add(Af.INET, ip("10.99.0.0"), 16, null, 7)),
                new Golden("deleteRoute.default,ipv4", "ip route del default via 10.250.77.1",
                        () -> RouteMessages.delete(Af.INET, ip("0.0.0.0"), 0, ip("10.250.77.1"), 0)),
                new Golden("dumpRoutes.ipv4", "ip route show table all", () -> RouteMessages.dump(Af.INET)),
                new Golden("dumpRoutes.ipv6", "ip -6 route show table all", () -> RouteMessages.dump(Af.INET6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void messageMatchesItsGolden(Golden golden) throws IOException {
        byte[] actual = golden.message().get().toBytes(SEQ, PORT_ID);
        Path file = DIR.resolve(golden.name() + ".hex");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, format(golden, actual));
        }

        assertThat(Files.exists(file)).as("%s exists (create it with -Dgolden.update=true)", file).isTrue();
        assertThat(HexFormat.of().formatHex(actual)).as(golden.description()).isEqualTo(hexOf(file));
    }

    @Test
    void everyGoldenFileHasATest() throws IOException {
        Set<String> tested = goldens().stream().map(golden -> golden.name() + ".hex").collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(file -> file.getFileName().toString())).allMatch(tested::contains);
        }
    }

    /** The hex digits of a golden, without comment lines and white space. */
    private static String hexOf(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.replaceAll("\\s", ""))
                .collect(Collectors.joining())
                .toLowerCase(Locale.ROOT);
    }

    /** One comment line, then 16 bytes per line in groups of 4. */
    private static String format(Golden golden, byte[] bytes) {
        NlMsgHeader header = NlMsgHeader.decode(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), 0);
        StringBuilder text = new StringBuilder("# ").append(golden.description()).append(": type ")
                .append(header.type()).append(", flags 0x").append(Integer.toHexString(header.flags()))
                .append(", ").append(bytes.length).append(" bytes, seq ").append(SEQ).append(", pid ")
                .append(PORT_ID).append('\n');
        HexFormat hex = HexFormat.of();
        for (int line = 0; line < bytes.length; line += 16) {
            for (int group = line; group < Math.min(line + 16, bytes.length); group += 4) {
                text.append(group == line ? "" : " ").append(hex.formatHex(bytes, group, group + 4));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static byte[] ip(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
