/**
 * The bytes of rtnetlink: the kernel's structs ({@code NlMsgHeader}, {@code IfInfoMsg}, {@code IfAddrMsg},
 * {@code RtMsg}, {@code NlMsgErr}), the {@code MessageBuilder} and {@code AttrReader} for attributes, the request
 * messages of each operation, and the kernel's constants grouped by their prefix ({@code Ifla}, {@code Ifa},
 * {@code Rtm}, {@code NlmF}, ...). Pure: no I/O and no FFI, so everything here is unit-tested on any OS. Integers are
 * in the host's byte order, as netlink wants them.
 *
 * <p>May depend on the JDK only.
 */
@NullMarked
package dev.mdnp.daemon.netlink.wire;

import org.jspecify.annotations.NullMarked;
