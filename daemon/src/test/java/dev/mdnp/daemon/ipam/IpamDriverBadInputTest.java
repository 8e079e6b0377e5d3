package dev.mdnp.daemon.ipam;

import static dev.mdnp.daemon.ipam.IpamRequests.address;
import static dev.mdnp.daemon.ipam.IpamRequests.gateway;
import static dev.mdnp.daemon.ipam.IpamRequests.pool;
import static dev.mdnp.daemon.ipam.IpamRequests.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.ipam.IpamException.Reason;
import dev.mdnp.model.ipam.RequestPoolRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request mdnp must refuse, with the message the user sees after
 * {@code Error response from daemon: IpamDriver.<Method>:}; after each refusal the state is as it was.
 */
class IpamDriverBadInputTest {

    private static final String LOCAL = IpamDriver.LOCAL_ADDRESS_SPACE;
    private static final String POOL_ID = "MdnpLocal/10.88.0.0/16/10.88.5.0/24";

    private final RecordingIpamJournal journal = new RecordingIpamJournal();
    private final IpamDriver ipam = new IpamDriver(DefaultPools.builtIn(), journal, IpamSnapshot.EMPTY);
    private IpamSnapshot before;
    private List<String> recorded;

    @BeforeEach
    void allocateAPoolWithSomeAddresses() {
        ipam.requestPool(pool("10.88.0.0/16", "10.88.5.0/24"));
        ipam.requestAddress(gateway(POOL_ID, ""));
        ipam.requestAddress(address(POOL_ID, ""));
        ipam.requestPool(pool("fd88::/64"));
        before = ipam.snapshot();
        recorded = journal.calls();
    }

    @AfterEach
    void nothingChanged() {
        assertThat(ipam.snapshot()).isEqualTo(before);
        assertThat(journal.calls()).isEqualTo(recorded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPoolRequests")
    void anInvalidRequestPoolIsABadRequest(RequestPoolRequest request, String message) {
        assertRefused(() -> ipam.requestPool(request), Reason.BAD_REQUEST, message);
    }

    static Stream<Arguments> invalidPoolRequests() {
        String noAssignable = " (it has only the network or broadcast address)";
        return Stream.of(
                refused("", "10.99.0.0/16", "", false,
                        "unknown address space \"\"; mdnp's are MdnpLocal and MdnpGlobal"),
                refused("LocalDefault", "10.99.0.0/16", "", false,
                        "unknown address space \"LocalDefault\"; mdnp's are MdnpLocal and MdnpGlobal"),
                refused(LOCAL, "10.99.0.0", "", false,
                        "invalid subnet: \"10.99.0.0\" is not a subnet in CIDR notation (address/prefix)"),
                refused(LOCAL, "10.99.0.5/16", "", false,
                        "invalid subnet: 10.99.0.5/16 has host bits set; the subnet is 10.99.0.0/16"),
                refused(LOCAL, "10.99.0.0/33", "", false,
                        "invalid subnet: prefix length /33 is out of range for IPv4 (0 to 32)"),
                refused(LOCAL, "10.99.0.0/x", "", false,
                        "invalid subnet: \"10.99.0.0/x\" has no valid prefix length after the /"),
                refused(LOCAL, "example.com/16", "", false,
                        "invalid subnet: \"example.com\" is not a numeric IP address"),
                refused(LOCAL, "10.999.0.0/16", "", false,
                        "invalid subnet: \"10.999.0.0\" is not a numeric IP address"),
                refused(LOCAL, "fd99::1%eth0/64", "", true,
                        "invalid subnet: \"fd99::1%eth0\" is not a numeric IP address"),
                refused(LOCAL, "", "10.99.5.0/24", false,
                        "ip range 10.99.5.0/24 given without a subnet; add --subnet"),
                refused(LOCAL, "10.99.0.0/16", "10.98.5.0/24", false,
                        "ip range 10.98.5.0/24 is not inside the subnet 10.99.0.0/16"),
                refused(LOCAL, "10.99.0.0/16", "10.0.0.0/8", false,
                        "ip range 10.0.0.0/8 is not inside the subnet 10.99.0.0/16"),
                refused(LOCAL, "10.99.0.0/16", "fd99::/64", false,
                        "ip range fd99::/64 is not inside the subnet 10.99.0.0/16"),
                refused(LOCAL, "10.99.0.0/16", "10.99.5.0", false,
                        "invalid ip range: \"10.99.5.0\" is not a subnet in CIDR notation (address/prefix)"),
                refused(LOCAL, "10.99.0.0/16", "10.99.0.0/32", false,
                        "ip range 10.99.0.0/32 holds no assignable address of 10.99.0.0/16" + noAssignable),
                refused(LOCAL, "10.99.0.0/16", "10.99.255.255/32", false,
                        "ip range 10.99.255.255/32 holds no assignable address of 10.99.0.0/16" + noAssignable),
                refused(LOCAL, "10.99.0.0/16", "", true,
                        "subnet 10.99.0.0/16 is IPv4 but Docker asked for an IPv6 pool"),
                refused(LOCAL, "fd99::/64", "", false,
                        "subnet fd99::/64 is IPv6 but Docker asked for an IPv4 pool"),
                refused(LOCAL, "10.99.0.0/31", "", false, "subnet 10.99.0.0/31 is too small: an IPv4 subnet needs"
                        + " at least two assignable addresses (/30 or larger)"),
                refused(LOCAL, "fd99::/127", "", true, "subnet fd99::/127 is too small: an IPv6 subnet needs"
                        + " at least two assignable addresses (/126 or larger)"));
    }

    @ParameterizedTest(name = "[{0}] [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            10.88.0.0/16 | ''           | 10.88.0.0/16 | MdnpLocal/10.88.0.0/16/10.88.5.0/24
            10.88.0.0/16 | 10.88.6.0/24 | 10.88.0.0/16 | MdnpLocal/10.88.0.0/16/10.88.5.0/24
            10.88.5.0/24 | ''           | 10.88.0.0/16 | MdnpLocal/10.88.0.0/16/10.88.5.0/24
            10.0.0.0/8   | ''           | 10.88.0.0/16 | MdnpLocal/10.88.0.0/16/10.88.5.0/24
            fd88::/48    | ''           | fd88::/64    | MdnpLocal/fd88::/64
            fd88::/96    | ''           | fd88::/64    | MdnpLocal/fd88::/64
            """)
    void aSubnetOverlappingAnAllocatedPoolIsAConflict(String pool, String subPool, String inTheWay, String itsId) {
        assertRefused(() -> ipam.requestPool(pool(pool, subPool)), Reason.CONFLICT, "subnet " + pool
                + " overlaps subnet " + inTheWay + ", which is already allocated (pool " + itsId + ");"
                + " choose another --subnet");
    }

    @Test
    void overlapIsCheckedAcrossAddressSpacesBecauseAllNetworksShareTheHost() {
        RequestPoolRequest global = new RequestPoolRequest("MdnpGlobal", "10.88.0.0/16", "10.88.5.0/24", null, false);

        assertRefused(() -> ipam.requestPool(global), Reason.CONFLICT,
                "subnet 10.88.0.0/16 overlaps subnet 10.88.0.0/16, which is already allocated"
                        + " (pool MdnpLocal/10.88.0.0/16/10.88.5.0/24); choose another --subnet");
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("invalidAddresses")
    void anInvalidRequestAddressIsABadRequest(String address, String message) {
        assertRefused(() -> ipam.requestAddress(address(POOL_ID, address)), Reason.BAD_REQUEST, message);
        assertRefused(() -> ipam.requestAddress(gateway(POOL_ID, address)), Reason.BAD_REQUEST, message);
    }

    static Stream<Arguments> invalidAddresses() {
        String ofPool = " of pool MdnpLocal/10.88.0.0/16/10.88.5.0/24 (ip range 10.88.5.0/24)";
        return Stream.of(
                Arguments.of("10.88.5.77/16", "address \"10.88.5.77/16\" must be a bare IP, without a prefix"),
                Arguments.of("10.99.0.1", "address 10.99.0.1 is outside the subnet 10.88.0.0/16" + ofPool),
                Arguments.of("fd88::1", "address fd88::1 is outside the subnet 10.88.0.0/16" + ofPool),
                Arguments.of("10.88.0.0",
                        "address 10.88.0.0 is the network address of 10.88.0.0/16 and cannot be assigned"),
                Arguments.of("10.88.255.255",
                        "address 10.88.255.255 is the broadcast address of 10.88.0.0/16 and cannot be assigned"),
                Arguments.of("host.example", "invalid address: \"host.example\" is not a numeric IP address"),
                Arguments.of("10.88.5.077", "invalid address: \"10.88.5.077\" is not a numeric IP address"),
                Arguments.of("[10.88.5.7]", "invalid address: \"[10.88.5.7]\" is not a numeric IP address"));
    }

    @Test
    void anUnknownPoolIdIsNotFound() {
        assertRefused(() -> ipam.requestAddress(address("MdnpLocal/10.77.1.0/24", "")), Reason.NOT_FOUND,
                "unknown pool MdnpLocal/10.77.1.0/24: mdnp holds no such pool (was the network removed,"
                        + " or mdnp's state lost?)");
        assertRefused(() -> ipam.requestAddress(address("MdnpLocal/10.88.0.0/16", "10.88.5.7")), Reason.NOT_FOUND,
                "unknown pool MdnpLocal/10.88.0.0/16: mdnp holds no such pool (was the network removed,"
                        + " or mdnp's state lost?)");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            ''            | no address given
            10.88.5.1/16  | address "10.88.5.1/16" must be a bare IP, without a prefix
            localhost     | invalid address: "localhost" is not a numeric IP address
            """)
    void anInvalidReleaseAddressIsABadRequest(String address, String message) {
        assertRefused(() -> ipam.releaseAddress(release(POOL_ID, address)), Reason.BAD_REQUEST, message);
    }

    private static Arguments refused(String space, String pool, String subPool, boolean v6, String message) {
        return Arguments.of(new RequestPoolRequest(space, pool, subPool, Map.of(), v6), message);
    }

    private static void assertRefused(ThrowingCallable call, Reason reason, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(IpamException.class)
                .hasFieldOrPropertyWithValue("reason", reason)
                .hasMessage(message);
    }
}
