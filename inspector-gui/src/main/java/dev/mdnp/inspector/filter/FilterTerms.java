package dev.mdnp.inspector.filter;

/**
 * Writes filter terms for a call's values ("filter by this method") and adds them to the filter field's text.
 */
public final class FilterTerms {

    private FilterTerms() {
    }

    /** Returns the term that matches calls of {@code method}, such as {@code method:NetworkDriver.Join}. */
    public static String method(String method) {
        return "method:" + quoteIfNeeded(method);
    }

    /** Returns the term that matches calls on the network {@code id}. */
    public static String network(String id) {
        return "net:" + quoteIfNeeded(id);
    }

    /** Returns the term that matches calls on the endpoint {@code id}. */
    public static String endpoint(String id) {
        return "ep:" + quoteIfNeeded(id);
    }

    /**
     * Returns {@code current} narrowed by {@code term}: the term alone when {@code current} is blank or has
     * {@code OR} (where appending would bind to the last group only), else both separated by a space.
     */
    public static String narrow(String current, String term) {
        String text = current.strip();
        if (text.isEmpty() || text.contains(" OR ")) {
            return term;
        }
        return text + " " + term;
    }

    private static String quoteIfNeeded(String value) {
        boolean plain = !value.isEmpty() && value.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"');
        return plain ? value : "\"" + value.replace("\"", "") + "\"";
    }
}
