package dev.mdnp.daemon.dataplane.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Splits and joins the words of an iptables rule as {@code iptables-save} writes them and {@code iptables-restore}
 * reads them: blanks separate words, double quotes group a word with blanks, a backslash escapes a quote. Pure.
 */
final class Tokens {

    private Tokens() {
    }

    /** Splits a line into its words, quotes removed. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && quoted) {
                word.append(line.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Joins words into a line, quoting a word that is empty or holds a blank or a quote. */
    static String join(List<String> words) {
        return words.stream().map(Tokens::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String word) {
        boolean plain = !word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"'
                || c == '\\');
        return plain ? word : '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
