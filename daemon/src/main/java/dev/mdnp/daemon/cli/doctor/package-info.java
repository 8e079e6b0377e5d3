/**
 * {@code mdnp doctor}: one small {@link dev.mdnp.daemon.cli.doctor.DoctorCheck} per thing mdnp needs on the host,
 * and the {@link dev.mdnp.daemon.cli.doctor.Checklist} that prints their findings. Read-only: it reads files,
 * connects to sockets and asks {@code systemctl is-active}, and changes nothing.
 *
 * <p>May depend on: {@code cli} (its converters and cell words), {@code config} (serve's configuration file),
 * {@code dockerapi} (the ping), {@code model.client},
 * {@code model.inspect}, picocli and the JDK. Never on the daemon's services.
 */
@NullMarked
package dev.mdnp.daemon.cli.doctor;

import org.jspecify.annotations.NullMarked;
