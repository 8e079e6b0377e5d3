package dev.mdnp.daemon.netlink;

import dev.mdnp.daemon.netlink.wire.IfOper;

/** A link's operational state (RFC 2863) from {@code IFLA_OPERSTATE}, as {@code ip link} shows it after "state". */
public enum OperState {
    /** {@code IF_OPER_UNKNOWN}: the driver does not tell, as for {@code lo} and bridges without ports. */
    UNKNOWN(IfOper.UNKNOWN),
    /** {@code IF_OPER_NOTPRESENT}. */
    NOT_PRESENT(IfOper.NOTPRESENT),
    /** {@code IF_OPER_DOWN}. */
    DOWN(IfOper.DOWN),
    /** {@code IF_OPER_LOWERLAYERDOWN}: up, but what it sits on is down, such as a veth whose peer is down. */
    LOWER_LAYER_DOWN(IfOper.LOWERLAYERDOWN),
    /** {@code IF_OPER_TESTING}. */
    TESTING(IfOper.TESTING),
    /** {@code IF_OPER_DORMANT}. */
    DORMANT(IfOper.DORMANT),
    /** {@code IF_OPER_UP}: can pass packets. */
    UP(IfOper.UP);

    private final int code;

    OperState(int code) {
        this.code = code;
    }

    /** Returns the state with kernel code {@code code}; {@link #UNKNOWN} for a code not listed. */
    public static OperState of(int code) {
        for (OperState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
