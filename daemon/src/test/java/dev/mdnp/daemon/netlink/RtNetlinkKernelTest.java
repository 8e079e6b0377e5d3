package dev.mdnp.daemon.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.netlink.testsupport.PrivateNetns;
import dev.mdnp.daemon.netlink.testsupport.PrivateNetnsExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One handle shared by many threads, in a private namespace. */
@Tag("kernel")
class RtNetlinkKernelTest {

    private static final int THREADS = 8;
    private static final int BRIDGES_PER_THREAD = 20;

    @RegisterExtension
    final PrivateNetnsExtension namespace = new PrivateNetnsExtension();
    private PrivateNetns netns;

    @BeforeEach
    void openNamespace() throws Exception {
        netns = namespace.get();
    }

    @Test
    void requestsFromManyThreadsEachGetTheirOwnReply() throws Exception {
        LinkOps links = netns.rtnl().links();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<Integer> indexes = new ArrayList<>();
                    for (int i = 0; i < BRIDGES_PER_THREAD; i++) {
                        String name = "mdnpt" + thread + "x" + i;
                        links.createBridge(name);
                        Link created = links.get(name).orElseThrow();
                        assertThat(created.name()).isEqualTo(name);
                        indexes.add(created.index());
                        links.list();
                    }
                    return indexes;
                }));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                all.addAll(result.get());
            }

            assertThat(all).doesNotHaveDuplicates().hasSize(THREADS * BRIDGES_PER_THREAD);
            assertThat(links.list()).hasSize(THREADS * BRIDGES_PER_THREAD + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void handleReportsTheNamespaceItWasOpenedIn() {
        assertThat(netns.rtnl().netns()).isEqualTo(netns.netns());
    }
}
