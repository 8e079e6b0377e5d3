package dev.mdnp.daemon.driver;

import dev.mdnp.daemon.driver.DriverException.Reason;
import java.util.regex.Pattern;

/**
 * Checks of Docker's object ids: 64 hex digits for local objects, 25 alphanumerics for swarm ones (§2).
 *
 * <p>The check is loose on length and strict on characters, because ids end up in interface names and logs.
 */
public final class DockerIds {

    private static final int MAX_LENGTH = 128;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1," + MAX_LENGTH + "}");
    private static final int SHORT_LENGTH = 12;

    private DockerIds() {
    }

    /**
     * Returns {@code id} when it is a plausible Docker id.
     *
     * @throws DriverException with {@link Reason#BAD_REQUEST} naming the field otherwise
     */
    static String require(String field, String id) {
        if (!ID.matcher(id).matches()) {
            throw new DriverException(Reason.BAD_REQUEST,
                    field + " must be 1-" + MAX_LENGTH + " letters or digits, got \"" + abbreviate(id) + "\"");
        }
        return id;
    }

    /** Returns the first 12 characters of an id, as Docker shows ids. */
    public static String shortId(String id) {
        return id.length() <= SHORT_LENGTH ? id : id.substring(0, SHORT_LENGTH);
    }

    private static String abbreviate(String text) {
        return text.length() <= 2 * SHORT_LENGTH ? text : text.substring(0, 2 * SHORT_LENGTH) + "…";
    }
}
