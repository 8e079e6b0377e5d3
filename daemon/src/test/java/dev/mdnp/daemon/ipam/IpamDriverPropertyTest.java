package dev.mdnp.daemon.ipam;

import static dev.mdnp.daemon.ipam.IpamRequests.address;
import static dev.mdnp.daemon.ipam.IpamRequests.pool;
import static dev.mdnp.daemon.ipam.IpamRequests.release;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdnp.daemon.ipam.IpamException.Reason;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The allocator seen through Docker's calls, under random sequences of requests and releases. */
class IpamDriverPropertyTest {

    /** One call: 0 next free address, 1 the address at {@code offset}, 2 release the address at {@code offset}. */
    record Call(int kind, int offset) {
    }

    @Property(tries = 300, seed = "1907")
    void anIpv4Slash28NeverHandsOutAnAddressTwiceAndHoldsExactly14(@ForAll("calls") List<Call> calls) {
        runAgainstModel("10.88.0.0/28", 14, calls);
    }

    @Property(tries = 300, seed = "1908")
    void anIpv6Slash124NeverHandsOutAnAddressTwiceAndHolds15(@ForAll("calls") List<Call> calls) {
        runAgainstModel("fd88::/124", 15, calls);
    }

    @Property(tries = 30, seed = "1909")
    void anIpv4PoolIsExhaustedExactlyAtItsCapacity(@ForAll @IntRange(min = 22, max = 30) int prefix) {
        int capacity = (1 << (32 - prefix)) - 2;

        assertThat(fillUntilExhausted("10.88.0.0/" + prefix)).hasSize(capacity);
    }

    @Property(tries = 30, seed = "1910")
    void anIpv6PoolIsExhaustedExactlyAtItsCapacity(@ForAll @IntRange(min = 118, max = 126) int prefix) {
        int capacity = (1 << (128 - prefix)) - 1;

        assertThat(fillUntilExhausted("fd88::/" + prefix)).hasSize(capacity);
    }

    @Property(tries = 200, seed = "1911")
    void releasedAddressesOfAFullPoolAreExactlyTheOnesHandedOutNext(
            @ForAll("subsets") Set<Integer> released, @ForAll boolean v6) {
        String pool = v6 ? "fd88::/124" : "10.88.0.0/28";
        IpamDriver ipam = new IpamDriver();
        String id = ipam.requestPool(pool(pool)).poolId();
        List<String> all = fillUntilExhausted(ipam, id);
        Set<String> freed = new HashSet<>();
        for (int index : released) {
            String cidr = all.get(index % all.size());
            if (freed.add(cidr)) {
                ipam.releaseAddress(release(id, bare(cidr)));
            }
        }

        assertThat(fillUntilExhausted(ipam, id)).containsExactlyInAnyOrderElementsOf(freed);
    }

    @Property(tries = 100, seed = "1912")
    void addressesFarApartInAnIpv6Slash64StayDistinct(@ForAll("farOffsets") List<BigInteger> offsets) {
        IpamDriver ipam = new IpamDriver();
        String id = ipam.requestPool(pool("fd88::/64")).poolId();
        Set<String> wanted = new HashSet<>();
        for (BigInteger offset : offsets) {
            String text = new IpAddress(IpVersion.V6, Cidr.parse("fd88::/64").first().add(offset)).toString();
            wanted.add(text + "/64");
            assertThat(ipam.requestAddress(address(id, text)).address()).isEqualTo(text + "/64");
        }
        List<String> next = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            next.add(ipam.requestAddress(address(id, "")).address());
        }

        assertThat(next).doesNotHaveDuplicates().doesNotContainAnyElementsOf(wanted);
        assertThat(ipam.snapshot().addresses()).hasSize(wanted.size() + next.size());
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 15))
                .as(Call::new).list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<Set<Integer>> subsets() {
        return Arbitraries.integers().between(0, 14).set().ofMaxSize(15);
    }

    @Provide
    Arbitrary<List<BigInteger>> farOffsets() {
        return Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))
                .list().uniqueElements().ofMinSize(1).ofMaxSize(50);
    }

    private static void runAgainstModel(String poolText, int capacity, List<Call> calls) {
        Cidr cidr = Cidr.parse(poolText);
        IpamDriver ipam = new IpamDriver();
        String id = ipam.requestPool(pool(poolText)).poolId();
        TreeSet<Integer> held = new TreeSet<>();
        for (Call call : calls) {
            String text = new IpAddress(cidr.version(), cidr.first().add(BigInteger.valueOf(call.offset()))).toString();
            boolean assignable = call.offset() > 0 && call.offset() <= capacity;
            switch (call.kind()) {
                case 0 -> {
                    if (held.size() == capacity) {
                        assertThatThrownBy(() -> ipam.requestAddress(address(id, "")))
                                .hasFieldOrPropertyWithValue("reason", Reason.EXHAUSTED);
                    } else {
                        int offset = offsetOf(cidr, ipam.requestAddress(address(id, "")).address());
                        assertThat(held.add(offset)).as("handed out twice: offset %d", offset).isTrue();
                    }
                }
                case 1 -> {
                    if (assignable && held.contains(call.offset())) {
                        assertThatThrownBy(() -> ipam.requestAddress(address(id, text)))
                                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
                    } else if (assignable) {
                        assertThat(ipam.requestAddress(address(id, text)).address())
                                .isEqualTo(text + "/" + cidr.prefixLength());
                        held.add(call.offset());
                    } else {
                        assertThatThrownBy(() -> ipam.requestAddress(address(id, text)))
                                .hasFieldOrPropertyWithValue("reason", Reason.BAD_REQUEST);
                    }
                }
                default -> {
                    ipam.releaseAddress(release(id, text));
                    held.remove(call.offset());
                }
            }
            assertThat(ipam.snapshot().addresses()).extracting(a -> offsetOf(cidr, a.address()))
                    .containsExactlyElementsOf(held);
        }
    }

    private static List<String> fillUntilExhausted(String poolText) {
        IpamDriver ipam = new IpamDriver();
        return fillUntilExhausted(ipam, ipam.requestPool(pool(poolText)).poolId());
    }

    private static List<String> fillUntilExhausted(IpamDriver ipam, String id) {
        List<String> handedOut = new ArrayList<>();
        while (true) {
            try {
                handedOut.add(ipam.requestAddress(address(id, "")).address());
            } catch (IpamException e) {
                assertThat(e.reason()).isEqualTo(Reason.EXHAUSTED);
                assertThat(handedOut).doesNotHaveDuplicates();
                return handedOut;
            }
        }
    }

    private static int offsetOf(Cidr cidr, String address) {
        String bare = bare(address);
        return IpAddress.parse(bare).value().subtract(cidr.first()).intValueExact();
    }

    private static String bare(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }
}
