package dev.mdnp.daemon.netlink.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.daemon.netlink.Link;
import dev.mdnp.daemon.netlink.RtNetlink;
import dev.mdnp.daemon.netlink.sys.ErrnoException;
import dev.mdnp.daemon.netlink.sys.Netns;
import dev.mdnp.daemon.netlink.wire.Errno;
import dev.mdnp.daemon.testsupport.Privilege;
import java.util.concurrent.BlockingQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A throw-away network namespace with an {@link RtNetlink} handle open in it, so kernel tests never touch the host.
 *
 * <p>A dedicated thread calls {@code unshare(CLONE_NEWNET)}, which moves that thread alone into a new namespace, and
 * opens the handle there. A netlink socket stays in the namespace it was created in, so the handle then works from
 * any thread; only code that creates sockets (a link monitor) must run on the namespace's thread, through
 * {@link #inside}. Creating the fixture checks that the namespace differs from the test thread's and holds nothing
 * but {@code lo}. {@link #close()} closes the handle and ends the thread; with no thread and no socket left in it, the
 * kernel destroys the namespace and every link in it, also when a test failed half-way.
 */
public final class PrivateNetns implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 60;

    private final BlockingQueue<FutureTask<?>> tasks = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Netns netns;
    private final RtNetlink rtnl;
    private volatile boolean open = true;

    private PrivateNetns() throws Exception {
        thread = new Thread(this::serve, "mdnpt-netns");
        thread.setDaemon(true);
        thread.start();
        try {
            netns = inside(Netns::unshareCurrentThread);
        } catch (ErrnoException e) {
            close();
            Privilege.require(e.errno() != Errno.EPERM.number(), "unshare(CLONE_NEWNET) needs CAP_SYS_ADMIN");
            throw e;
        }
        try {
            rtnl = inside(RtNetlink::open);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /**
     * Creates the namespace and its handle, skipping the test without root (failing it under {@code CI=true}).
     *
     * @throws AssertionError when the namespace is not private (another namespace than the caller's, only {@code lo})
     */
    public static PrivateNetns create() throws Exception {
        Privilege.require(Privilege.isRoot(), "kernel tests need root");
        PrivateNetns created = new PrivateNetns();
        try {
            assertThat(created.netns).as("private namespace").isNotEqualTo(Netns.current());
            assertThat(created.rtnl.netns()).isEqualTo(created.netns);
            assertThat(created.rtnl.links().list()).as("links of a fresh namespace").extracting(Link::name)
                    .containsExactly("lo");
        } catch (AssertionError | RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
    }

    /** Returns the handle open in the namespace. */
    public RtNetlink rtnl() {
        return rtnl;
    }

    /**
     * Returns a command prefix that runs a command in this namespace ({@code nsenter --net=/proc/TID/ns/net}), for
     * tools such as iptables that the test starts as processes.
     */
    public List<String> commandPrefix() throws Exception {
        Path thread = inside(() -> Files.readSymbolicLink(Path.of("/proc/thread-self")));
        return List.of("nsenter", "--net=/proc/" + thread + "/ns/net");
    }

    /** Returns the namespace. */
    public Netns netns() {
        return netns;
    }

    /**
     * Runs {@code work} on the namespace's thread and returns its result, for code that must create sockets there.
     * An exception of {@code work} is rethrown as is.
     */
    public <T> T inside(Callable<T> work) throws Exception {
        if (!open) {
            throw new IllegalStateException("namespace closed");
        }
        FutureTask<T> task = new FutureTask<>(work);
        tasks.add(task);
        try {
            return task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            task.cancel(true);
            throw e;
        }
    }

    /** Closes the handle and ends the namespace's thread, which lets the kernel destroy the namespace. */
    @Override
    public void close() throws InterruptedException {
        if (!open) {
            return;
        }
        open = false;
        RtNetlink handle = rtnl; // null when the constructor failed before opening it
        if (handle != null) {
            handle.close();
        }
        tasks.add(new FutureTask<>(() -> null));
        thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
    }

    private void serve() {
        try {
            while (true) {
                FutureTask<?> task = tasks.take();
                task.run();
                if (!open && tasks.isEmpty()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
