package dev.mdnp.daemon.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The run-based allocator against the obvious model, a sorted set of taken offsets, under random operations. */
class HostAllocatorPropertyTest {

    private static final int SPAN = 32;

    /** One operation: 0 take {@code a}, 1 free {@code a}, 2 search {@code [min(a,b), max(a,b)]} from a point in it. */
    record Op(int kind, int a, int b, int c) {
    }

    @Property(tries = 500, seed = "4242")
    void behavesLikeASortedSetOfOffsets(@ForAll("operations") List<Op> ops) {
        HostAllocator hosts = new HostAllocator();
        TreeSet<Integer> model = new TreeSet<>();
        for (Op op : ops) {
            BigInteger a = BigInteger.valueOf(op.a());
            switch (op.kind()) {
                case 0 -> {
                    assertThat(hosts.isTaken(a)).isEqualTo(model.contains(op.a()));
                    if (model.add(op.a())) {
                        hosts.take(a);
                    }
                }
                case 1 -> assertThat(hosts.free(a)).isEqualTo(model.remove(op.a()));
                default -> {
                    int first = Math.min(op.a(), op.b());
                    int last = Math.max(op.a(), op.b());
                    int from = first + op.c() % (last - first + 1);
                    assertThat(hosts.nextFree(big(first), big(last), big(from)))
                            .isEqualTo(expectedNextFree(model, first, last, from).map(HostAllocatorPropertyTest::big));
                }
            }
            assertThat(hosts.count()).isEqualTo(model.size());
            assertThat(hosts.taken()).containsExactlyElementsOf(model.stream().map(HostAllocatorPropertyTest::big)
                    .toList());
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> offsets = Arbitraries.integers().between(0, SPAN - 1);
        return Combinators.combine(Arbitraries.integers().between(0, 2), offsets, offsets, offsets)
                .as(Op::new).list().ofMaxSize(300);
    }

    private static Optional<Integer> expectedNextFree(TreeSet<Integer> taken, int first, int last, int from) {
        for (int offset = from; offset <= last; offset++) {
            if (!taken.contains(offset)) {
                return Optional.of(offset);
            }
        }
        for (int offset = first; offset < from; offset++) {
            if (!taken.contains(offset)) {
                return Optional.of(offset);
            }
        }
        return Optional.empty();
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
