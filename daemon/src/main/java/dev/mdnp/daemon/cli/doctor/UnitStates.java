package dev.mdnp.daemon.cli.doctor;

import java.util.Optional;

/** Asks systemd for the state of a unit. */
interface UnitStates {

    /**
     * Returns the unit's active state as {@code systemctl is-active} prints it ({@code active}, {@code inactive},
     * {@code failed}, …), or nothing when it cannot be told: systemd does not run here, or systemctl is missing.
     */
    Optional<String> activeState(String unit);
}
