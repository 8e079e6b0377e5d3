package dev.mdnp.inspector.export;

import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.RequestRecord;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes the shell command that sends a recorded call again to the plugin socket, as Docker sent it:
 * {@code curl --unix-socket SOCKET -H 'Content-Type: application/json' -d 'BODY' http://localhost/METHOD}.
 * Quoting is for POSIX shells (sh, bash, zsh).
 */
public final class CurlCommand {

    /** Stands for the socket when the daemon's summary is not known (a replayed session). */
    public static final String SOCKET_PLACEHOLDER = "PLUGIN_SOCKET";

    /** Words made only of these need no quotes in any POSIX shell. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private CurlCommand() {
    }

    /**
     * Returns the command that sends {@code call}'s request body to the plugin socket of {@code daemon}, or to
     * {@link #SOCKET_PLACEHOLDER} when the daemon is not known.
     */
    public static String of(RequestRecord call, @Nullable InfoView daemon) {
        String socket = daemon == null ? SOCKET_PLACEHOLDER : daemon.pluginSocket();
        return "curl --unix-socket " + word(socket)
                + " -H 'Content-Type: application/json'"
                + " -d " + quote(call.requestJson())
                + " " + word("http://localhost/" + call.method());
    }

    /**
     * Returns {@code text} as one single-quoted shell word that the shell turns back into exactly {@code text}:
     * everything inside single quotes is literal, and each {@code '} becomes {@code '\''} (close, an escaped quote,
     * reopen).
     */
    public static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String word(String text) {
        return PLAIN_WORD.matcher(text).matches() ? text : quote(text);
    }
}
