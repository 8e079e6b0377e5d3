package dev.mdnp.daemon.inspect;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the {@link InspectServer}.
 *
 * @param socketPath the inspect socket ({@code --inspect-socket}, default {@code /run/mdnp/inspect.sock}); made
 *     with mode 0660
 * @param group the group the socket file is given ({@code --inspect-group}), whose members may connect; {@code ""}
 *     leaves the daemon's own group (root), so only root may connect
 * @param recordFile the NDJSON request log ({@code --record FILE}), or null for none
 * @param recordMaxBytes the size at which the request log is rotated ({@code FILE} becomes {@code FILE.1}), at
 *     least 4096
 * @param recordKeep how many rotated files are kept ({@code FILE.1} to {@code FILE.N}), at least 1
 * @param shutdownGrace how long a stop waits for requests in flight; event streams are ended at once
 */
public record InspectServerConfig(Path socketPath, String group, @Nullable Path recordFile, long recordMaxBytes,
        int recordKeep, Duration shutdownGrace) {

    /** The inspect socket when no flag names another. */
    public static final Path DEFAULT_SOCKET = Path.of("/run/mdnp/inspect.sock");
    /** The request log's rotation size when no flag names another: 64 MiB. */
    public static final long DEFAULT_RECORD_MAX_BYTES = 64L << 20;
    /** How many rotated request logs are kept when no flag says otherwise. */
    public static final int DEFAULT_RECORD_KEEP = 3;

    /** Validates the components. */
    public InspectServerConfig {
        requireNonNull(socketPath, "socketPath");
        requireNonNull(group, "group");
        requireNonNull(shutdownGrace, "shutdownGrace");
        if (recordMaxBytes < 4096) {
            throw new IllegalArgumentException("record file size bound must be at least 4096 bytes: "
                    + recordMaxBytes);
        }
        if (recordKeep < 1) {
            throw new IllegalArgumentException("at least one rotated record file must be kept: " + recordKeep);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdown grace must not be negative: " + shutdownGrace);
        }
    }

    /** Returns settings with the defaults for the request log's rotation. */
    public static InspectServerConfig of(Path socketPath, String group, @Nullable Path recordFile,
            Duration shutdownGrace) {
        return new InspectServerConfig(socketPath, group, recordFile, DEFAULT_RECORD_MAX_BYTES, DEFAULT_RECORD_KEEP,
                shutdownGrace);
    }

    /** Returns the request log file, if one is configured. */
    public Optional<Path> record() {
        return Optional.ofNullable(recordFile);
    }
}
