package dev.mdnp.daemon.transport;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the credentials of the process on the other end of an accepted UNIX-domain channel.
 *
 * <p>{@code SO_PEERCRED} through {@code jdk.net.ExtendedSocketOptions} gives only a user and a group name: the JDK
 * turns the kernel's ids into names with {@code getpwuid}/{@code getgrgid}, or into the decimal id when there is no
 * entry, and offers no public way back to the number. This class maps each name back through the files databases
 * ({@code /etc/passwd}, {@code /etc/group}), where root, system users and Docker's users live; a name not found
 * there but made of digits is taken as the id; anything else is {@link PeerCredentials#UNKNOWN}. A policy that
 * compares ids therefore never admits an unresolved peer. The pid is not available through the JDK.
 *
 * <p>Thread safety: stateless apart from its two paths; every call reads the files again, which costs a few
 * microseconds per accepted connection and picks up edits at once.
 */
final class PeerCredentialsReader {

    private static final Logger log = LoggerFactory.getLogger(PeerCredentialsReader.class);

    private final Path passwd;
    private final Path group;

    /** Creates a reader over the given copies of {@code /etc/passwd} and {@code /etc/group}. */
    PeerCredentialsReader(Path passwd, Path group) {
        this.passwd = requireNonNull(passwd, "passwd");
        this.group = requireNonNull(group, "group");
    }

    /** Returns the peer's credentials; {@link PeerCredentials#UNIDENTIFIED} when the kernel cannot tell. */
    PeerCredentials read(SocketChannel channel) {
        UnixDomainPrincipal principal;
        try {
            principal = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("SO_PEERCRED unavailable", e);
            return PeerCredentials.UNIDENTIFIED;
        }
        int uid = resolve(passwd, principal.user().getName());
        int gid = resolve(group, principal.group().getName());
        return new PeerCredentials(uid, gid, PeerCredentials.UNKNOWN);
    }

    /** Maps a user or group name to its id through a files database, see the class comment. */
    int resolve(Path database, String name) {
        Optional<Integer> listed = lookUp(database, name);
        if (listed.isPresent()) {
            return listed.get();
        }
        if (!name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Integer.parseUnsignedInt(name);
            } catch (NumberFormatException e) {
                log.debug("numeric name out of range name={}", name);
            }
        }
        return PeerCredentials.UNKNOWN;
    }

    private Optional<Integer> lookUp(Path database, String name) {
        List<String> lines;
        try {
            // Decoding with replacement: one odd byte in the file must not make every peer unknown.
            lines = new String(Files.readAllBytes(database), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("cannot read {} to identify a peer: {}", database, e.toString());
            return Optional.empty();
        }
        // Both files have the form name:password:id:... ; the first entry with the name wins, as in getpwnam.
        for (String line : lines) {
            String[] fields = line.split(":", 4);
            if (fields.length >= 3 && fields[0].equals(name)) {
                try {
                    return Optional.of(Integer.parseUnsignedInt(fields[2].trim()));
                } catch (NumberFormatException e) {
                    log.debug("bad id in {} for name={}", database, name);
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
