package dev.mdnp.daemon.inspect;

import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.NetlinkException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Containers' namespaces whose links the test sets, by sandbox key; a key without links is a namespace that is gone
 * ({@code ENOENT}), as the kernel reports it. Counts the dumps of each namespace.
 */
final class StubSandboxLinks implements SandboxLinks {

    private static final int ENOENT = 2;

    private final Map<Path, List<Link>> namespaces = new ConcurrentHashMap<>();
    private final Map<Path, AtomicInteger> dumps = new ConcurrentHashMap<>();

    /** Sets the links inside the namespace {@code sandboxKey}. */
    void set(String sandboxKey, List<Link> links) {
        namespaces.put(Path.of(sandboxKey), List.copyOf(links));
    }

    /** Returns how often the namespace {@code sandboxKey} was dumped. */
    int dumps(String sandboxKey) {
        AtomicInteger count = dumps.get(Path.of(sandboxKey));
        return count == null ? 0 : count.get();
    }

    @Override
    public List<Link> list(Path namespaceFile) {
        dumps.computeIfAbsent(namespaceFile, file -> new AtomicInteger()).incrementAndGet();
        List<Link> links = namespaces.get(namespaceFile);
        if (links == null) {
            throw new NetlinkException("open rtnetlink socket in " + namespaceFile, ENOENT, "in open");
        }
        return links;
    }
}
