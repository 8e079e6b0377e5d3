package dev.mdnp.daemon.cli.doctor;

import java.util.List;

/** One thing {@code mdnp doctor} looks at; it only reads and never changes anything. */
interface DoctorCheck {

    /** Looks and returns what it found, one line of the checklist each: one for most checks, never none. */
    List<Check> run();
}
