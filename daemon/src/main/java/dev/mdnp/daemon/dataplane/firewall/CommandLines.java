package dev.mdnp.daemon.dataplane.firewall;

import java.util.List;
import java.util.stream.Collectors;

/** Renders an argument list as one readable line, for messages, logs and golden files. */
final class CommandLines {

    private CommandLines() {
    }

    /** Joins the arguments with blanks, putting double quotes around an empty one or one with a blank or a quote. */
    static String render(List<String> command) {
        return command.stream().map(CommandLines::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String argument) {
        boolean plain = !argument.isEmpty() && argument.chars()
                .noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\');
        return plain ? argument : '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
