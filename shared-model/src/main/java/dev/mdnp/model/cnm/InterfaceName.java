package dev.mdnp.model.cnm;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The interface a {@code Join} reply hands to Docker ({@code cnm-remote-api.md} §2.6): Docker moves {@code SrcName}
 * into the container and renames it {@code DstPrefix} plus a per-container counter ({@code eth0}, {@code eth1}, …).
 *
 * @param srcName the name of an interface in the host namespace, unique on the host and at most 15 bytes; JSON
 *     {@code "SrcName"}; {@code null} becomes {@code ""}
 * @param dstPrefix the name prefix inside the container, e.g. {@code eth}; JSON {@code "DstPrefix"}; {@code null}
 *     becomes {@code ""}
 */
public record InterfaceName(
        @JsonProperty("SrcName") String srcName,
        @JsonProperty("DstPrefix") String dstPrefix) {

    /**
     * Turns absent strings into {@code ""}.
     *
     * @param srcName the name of an interface in the host namespace, unique on the host and at most 15 bytes
     * @param dstPrefix the name prefix inside the container, e.g. {@code eth}
     */
    public InterfaceName {
        srcName = JsonValues.orEmpty(srcName);
        dstPrefix = JsonValues.orEmpty(dstPrefix);
    }
}
