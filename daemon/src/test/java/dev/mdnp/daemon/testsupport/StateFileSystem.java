package dev.mdnp.daemon.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of the test's own, a tmpfs or an ext4 image on a loop device, mounted on a directory (a
 * daemon's state directory) in a mount namespace of its own, so that neither the host nor any other process sees the
 * mount, and no mount of the host's propagates in or out.
 *
 * <p>Mounting on the host would not do: test namespaces ({@code ip netns exec}) are slaves of the host's mounts, so
 * every running one would get a copy, keep the file system alive after the host unmounted it and hold its loop
 * device. Here the namespace belongs to a holder process ({@code unshare --mount --propagation private cat}) that
 * reads the test JVM's pipe: it ends when the file system is closed, or when the JVM dies, and the kernel then
 * unmounts everything in the namespace (a loop device mounted with {@code -o loop} is freed with it). Commands run in
 * the namespace through {@link #inside}; the test reads and writes its files through {@link #path}, the holder's
 * view ({@code /proc/PID/root/...}).
 *
 * <p>The directory must exist and stay empty on the host; the daemon must be started through {@link #inside}
 * (network namespaces must exist before the file system is created: the holder sees only those). Linux refuses to
 * turn a file system read-only while a file on it is open for writing ({@code mount -o remount,ro}: "mount point is
 * busy"), which a running daemon always has; only the kernel's own reaction to an error does it (ext4's
 * {@code errors=remount-ro}), see {@link #failExt4}.
 */
public final class StateFileSystem implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path mountPoint;
    private final Process holder;
    private final Path image;
    private boolean open = true;

    private StateFileSystem(Path mountPoint, Process holder, Path image) {
        this.mountPoint = mountPoint;
        this.holder = holder;
        this.image = image;
    }

    /**
     * Mounts a tmpfs of {@code size} (as {@code mount -o size=} takes it, e.g. {@code 1536k}), mode 0700, named
     * {@code source} (it shows in {@code findmnt}), on {@code mountPoint}.
     */
    public static StateFileSystem tmpfs(Path mountPoint, String source, String size)
            throws IOException, InterruptedException {
        StateFileSystem fs = new StateFileSystem(mountPoint, startHolder(), null);
        try {
            fs.run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", source, mountPoint.toString());
            return fs;
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    /**
     * Creates an ext4 image of {@code sizeKib} KiB at {@code image} and mounts it ({@code -o loop,errors=remount-ro})
     * on {@code mountPoint}, mode 0700; {@link #close()} deletes the image.
     */
    public static StateFileSystem ext4(Path mountPoint, Path image, int sizeKib)
            throws IOException, InterruptedException {
        try (FileChannel file = FileChannel.open(image, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            file.truncate(0).position((long) sizeKib * 1024 - 1).write(ByteBuffer.wrap(new byte[1]));
        }
        HostCommand.ok("mkfs.ext4", "-q", "-F", image.toString());
        StateFileSystem fs;
        try {
            fs = new StateFileSystem(mountPoint, startHolder(), image);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(image);
            throw e;
        }
        try {
            fs.mountExt4();
            return fs;
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    /** Returns {@code command} prefixed so that it runs in the file system's mount namespace. */
    public List<String> inside(List<String> command) {
        List<String> full = new ArrayList<>(List.of("nsenter", "--target", Long.toString(holder.pid()), "--mount",
                "--"));
        full.addAll(command);
        return full;
    }

    /** Runs {@code command} in the mount namespace and returns its output; fails when it exits non-zero. */
    public String run(String... command) throws IOException, InterruptedException {
        HostCommand.Result result = HostCommand.run(COMMAND_TIMEOUT, inside(List.of(command)));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "): "
                    + result.err() + result.out());
        }
        return result.out();
    }

    /** Returns how the test reaches {@code path} (absolute) as the mount namespace sees it. */
    public Path path(Path path) {
        return Path.of("/proc/" + holder.pid() + "/root" + path.toAbsolutePath());
    }

    /**
     * Fills the file system: writes zeros to {@code file} (in the namespace's view) until the kernel answers "No
     * space left on device", block by block, then byte by byte; returns the file's size.
     */
    public long fill(Path file) throws IOException {
        Path filler = path(file);
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int chunk : new int[] {64 * 1024, 4096, 1}) {
                ByteBuffer zeros = ByteBuffer.allocate(chunk);
                try {
                    while (true) {
                        out.write(zeros.clear());
                    }
                } catch (IOException e) {
                    if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                        throw e;
                    }
                }
            }
        }
        return Files.size(filler);
    }

    /**
     * Makes the kernel turn the ext4 file system read-only, as it does after a disk error under
     * {@code errors=remount-ro}: writes to {@code /sys/fs/ext4/LOOP/trigger_fs_error}. Files stay open and readable;
     * every write fails with "Read-only file system" until the file system is unmounted ({@code mount -o remount,rw}
     * does not undo it).
     */
    public void failExt4() throws IOException, InterruptedException {
        Files.writeString(errorTrigger(), "mdnpt: the test makes the file system read-only");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try {
                Files.delete(Files.createFile(path(mountPoint.resolve("mdnpt-write-check"))));
                return false;
            } catch (IOException e) {
                return String.valueOf(e.getMessage()).contains("Read-only file system");
            }
        });
    }

    /** Returns whether this kernel can be made to fail an ext4 file system on purpose. */
    public boolean canFailExt4() throws IOException, InterruptedException {
        return Files.isRegularFile(errorTrigger());
    }

    /**
     * Unmounts the ext4 image, repairs it ({@code e2fsck -fy}: an error the kernel met marks the file system), and
     * mounts it again; fails while a process still uses it. Returns e2fsck's exit status and output.
     */
    public String repairExt4() throws IOException, InterruptedException {
        run("umount", mountPoint.toString());
        // the loop device of -o loop goes away with the last user of the file system
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
                HostCommand.ok("losetup", "-j", image.toString()).isBlank());
        HostCommand.Result fsck = HostCommand.run(COMMAND_TIMEOUT, List.of("e2fsck", "-fy", image.toString()));
        if (fsck.exitCode() > 1) { // 1: errors corrected
            throw new IllegalStateException("e2fsck " + image + " failed (" + fsck.exitCode() + "): " + fsck.out()
                    + fsck.err());
        }
        mountExt4();
        return "exit " + fsck.exitCode() + ": " + fsck.out() + fsck.err();
    }

    /** Unmounts the file system, ends the mount namespace and deletes the image; a second call does nothing. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!open) {
            return;
        }
        open = false;
        try {
            if (holder.isAlive()) {
                HostCommand.run(COMMAND_TIMEOUT, inside(List.of("umount", mountPoint.toString())));
            }
        } finally {
            holder.getOutputStream().close(); // the holder's cat reads end of file and exits
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly().waitFor();
            }
            if (image != null) {
                Files.deleteIfExists(image);
            }
        }
    }

    private void mountExt4() throws IOException, InterruptedException {
        run("mount", "-o", "loop,errors=remount-ro", image.toString(), mountPoint.toString());
        run("chmod", "700", mountPoint.toString());
    }

    private Path errorTrigger() throws IOException, InterruptedException {
        String device = run("findmnt", "-n", "-o", "SOURCE", mountPoint.toString()).strip();
        return Path.of("/sys/fs/ext4", Path.of(device).getFileName().toString(), "trigger_fs_error");
    }

    /** Starts the holder of a new, private mount namespace and waits until it is inside it. */
    private static Process startHolder() throws IOException {
        Process holder = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "cat")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String ours = Files.readSymbolicLink(Path.of("/proc/self/ns/mnt")).toString();
        Path theirs = Path.of("/proc/" + holder.pid() + "/ns/mnt");
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> !holder.isAlive()
                    || !Files.readSymbolicLink(theirs).toString().equals(ours));
        } catch (RuntimeException e) {
            holder.destroyForcibly();
            throw e;
        }
        if (!holder.isAlive()) {
            throw new IllegalStateException("unshare --mount failed with " + holder.exitValue());
        }
        return holder;
    }
}
