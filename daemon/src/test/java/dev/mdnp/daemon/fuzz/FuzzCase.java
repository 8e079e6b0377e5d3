package dev.mdnp.daemon.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One fuzz case: the route, the body's bytes, whether it goes chunked, and how it was made (for reports).
 * Immutable: the body is copied in and out.
 */
final class FuzzCase {

    private final String route;
    private final byte[] body;
    private final boolean chunked;
    private final String how;

    /**
     * Creates a case.
     *
     * @param route the path it is posted to
     * @param body the body
     * @param chunked whether the body goes chunked instead of with a Content-Length
     * @param how the seed and the edits it was made with
     */
    FuzzCase(String route, byte[] body, boolean chunked, String how) {
        this.route = route;
        this.body = body.clone();
        this.chunked = chunked;
        this.how = how;
    }

    String route() {
        return route;
    }

    byte[] body() {
        return body.clone();
    }

    int length() {
        return body.length;
    }

    boolean chunked() {
        return chunked;
    }

    String how() {
        return how;
    }

    @Override
    public String toString() {
        return route + (chunked ? " (chunked)" : "") + " " + how + "\n  body (" + body.length + " bytes): "
                + excerpt(body, 400);
    }

    /** Returns the start of a body as text, control characters escaped. */
    static String excerpt(byte[] body, int max) {
        return excerpt(new String(body, 0, Math.min(body.length, max * 4), StandardCharsets.UTF_8), max);
    }

    /** Returns the start of a text, control characters escaped, and its length when it was cut. */
    static String excerpt(String text, int max) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(max).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        if (text.codePointCount(0, text.length()) > max) {
            out.append("… (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
