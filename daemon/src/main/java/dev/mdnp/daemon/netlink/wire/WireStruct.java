package dev.mdnp.daemon.netlink.wire;

import java.nio.ByteBuffer;

/** A fixed-size kernel struct that a {@link MessageBuilder} writes: its length, and how to write it. */
public interface WireStruct {

    /** Returns the struct's size in bytes, {@code sizeof} in C, without trailing alignment. */
    int length();

    /** Writes the struct at the buffer's position, in the buffer's byte order, and advances the position. */
    void writeTo(ByteBuffer buffer);
}
