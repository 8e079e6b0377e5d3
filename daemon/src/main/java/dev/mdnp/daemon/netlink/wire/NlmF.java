package dev.mdnp.daemon.netlink.wire;

/** The kernel's {@code NLM_F_*} header flags ({@code <linux/netlink.h>}). {@code NlmF.ACK} is {@code NLM_F_ACK}. */
public final class NlmF {

    /** {@code NLM_F_REQUEST}: set on every message to the kernel. */
    public static final int REQUEST = 0x01;
    /** {@code NLM_F_MULTI}: one part of a multi-part reply, ended by {@code NLMSG_DONE}. */
    public static final int MULTI = 0x02;
    /** {@code NLM_F_ACK}: reply with an acknowledgement; without it a success gets no reply. */
    public static final int ACK = 0x04;
    /** {@code NLM_F_DUMP_INTR}: the dump changed while it was read and is inconsistent; dump again. */
    public static final int DUMP_INTR = 0x10;

    /** {@code NLM_F_ROOT} (GET requests): the whole table. */
    public static final int ROOT = 0x100;
    /** {@code NLM_F_MATCH} (GET requests): all matching entries. */
    public static final int MATCH = 0x200;
    /** {@code NLM_F_DUMP} (GET requests): {@code ROOT | MATCH}. */
    public static final int DUMP = ROOT | MATCH;

    /** {@code NLM_F_EXCL} (NEW requests): fail with {@code EEXIST} when the object exists. */
    public static final int EXCL = 0x200;
    /** {@code NLM_F_CREATE} (NEW requests): create the object if it does not exist. */
    public static final int CREATE = 0x400;

    /** {@code NLM_F_CAPPED} (on {@code NLMSG_ERROR}): the echoed request was cut to its header. */
    public static final int CAPPED = 0x100;
    /** {@code NLM_F_ACK_TLVS} (on {@code NLMSG_ERROR} and {@code NLMSG_DONE}): extended-ack attributes follow. */
    public static final int ACK_TLVS = 0x200;

    private NlmF() {
    }
}
