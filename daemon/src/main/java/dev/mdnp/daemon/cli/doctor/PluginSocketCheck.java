package dev.mdnp.daemon.cli.doctor;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether something answers on the plugin socket {@code <plugin-dir>/<name>.sock}: told apart are a missing socket,
 * a stale one that a killed mdnp (or a stopped {@code mdnp.socket}) left behind, and one this user may not connect to.
 */
final class PluginSocketCheck implements DoctorCheck {

    private final Path pluginDir;
    private final String name;
    private final String staleAdvice;

    /**
     * Creates the check.
     *
     * @param staleAdvice what to do about a socket file that nothing answers on, which depends on who owns it
     */
    PluginSocketCheck(Path pluginDir, String name, String staleAdvice) {
        this.pluginDir = pluginDir;
        this.name = name;
        this.staleAdvice = staleAdvice;
    }

    /** The advice for a stale socket of an mdnp started by hand: it replaces the file when it starts. */
    static String restartByHand(String name) {
        return "left by an mdnp that was killed? start mdnp (sudo mdnp serve --name " + name
                + "); it replaces the stale socket";
    }

    /** The advice for a stale socket of a systemd install: systemd's mdnp.socket should be listening on it. */
    static String restartSocketUnit() {
        return "mdnp.socket should listen on it: sudo systemctl restart mdnp.socket (or remove the file and start"
                + " mdnp.socket again)";
    }

    @Override
    public List<Check> run() {
        return List.of(check());
    }

    private Check check() {
        Path socket = pluginDir.resolve(name + ".sock");
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return Check.ok("plugin socket " + socket + " answers");
        } catch (ConnectException e) {
            String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (!Files.exists(socket)) {
                return notServed(socket);
            }
            if (reason.contains("permission denied")) {
                return Check.warn("cannot check plugin socket " + socket + ": permission denied",
                        "it is root's only (0600): run mdnp doctor as root to check it");
            }
            return Check.fail("plugin socket " + socket + " exists but nothing answers on it", staleAdvice);
        } catch (IOException e) {
            if (!Files.exists(socket)) {
                return notServed(socket);
            }
            return Check.fail("cannot connect to plugin socket " + socket + ": " + e.getMessage(), "");
        }
    }

    private Check notServed(Path socket) {
        return Check.fail("plugin socket " + socket + " does not exist: mdnp is not serving plugin \"" + name
                + "\" in " + pluginDir, "start it: sudo mdnp serve --name " + name + " (or pass doctor the --name"
                + " and --plugin-dir it runs with)");
    }
}
