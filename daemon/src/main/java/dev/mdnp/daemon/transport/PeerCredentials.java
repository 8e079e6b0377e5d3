package dev.mdnp.daemon.transport;

import io.undertow.util.AttachmentKey;

/**
 * The identity of the process on the other end of a UNIX-domain connection, as the kernel reported it when the
 * connection was accepted ({@code SO_PEERCRED}).
 *
 * <p>Ids are the kernel's unsigned 32-bit values kept in an {@code int}; {@link #UNKNOWN} ({@code (uid_t) -1}, which
 * the kernel never assigns) stands for an id that could not be determined. The JDK reports the user and group as
 * names ({@code jdk.net.UnixDomainPrincipal}), so the transport maps them back to ids: a name found in
 * {@code /etc/passwd} or {@code /etc/group} gives its id, a numeric name (the JDK's answer for an id without an entry)
 * is that id, and anything else, such as a user known only to LDAP, is {@link #UNKNOWN}. The JDK does not expose the
 * peer's pid at all, so {@link #pid()} is always {@link #UNKNOWN} for now.
 *
 * @param uid the peer's user id, or {@link #UNKNOWN}
 * @param gid the peer's primary group id, or {@link #UNKNOWN}
 * @param pid the peer's process id, or {@link #UNKNOWN}
 */
public record PeerCredentials(int uid, int gid, long pid) {

    /** Marks an id the transport could not determine. */
    public static final int UNKNOWN = -1;

    /**
     * The key under which the transport puts the caller's credentials on every {@code HttpServerExchange} before the
     * root handler runs; the value is never absent.
     */
    public static final AttachmentKey<PeerCredentials> ATTACHMENT = AttachmentKey.create(PeerCredentials.class);

    /** Credentials of a peer that could not be identified; every {@link PeerPolicy} but "anyone" refuses it. */
    static final PeerCredentials UNIDENTIFIED = new PeerCredentials(UNKNOWN, UNKNOWN, UNKNOWN);
}
