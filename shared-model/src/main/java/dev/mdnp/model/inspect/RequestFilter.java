package dev.mdnp.model.inspect;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A filter over recorded plugin calls, parsed from the request log's filter language
 * ({@code javafx-inspector.md} §3.4), shared by the CLI ({@code mdnp log --filter}) and the inspector.
 *
 * <p>The language: terms separated by spaces must all match (AND); {@code OR} (upper case) between groups of terms
 * matches when any group does; a {@code -} before a term negates it. A term is one of
 * <ul>
 *   <li>{@code method:X}: the method contains X, ignoring case ({@code method:join});</li>
 *   <li>{@code net:X}: the network id starts with X, or X is the network's Docker name ({@code net:front}),
 *       ignoring case;</li>
 *   <li>{@code ep:PREFIX}: the endpoint id starts with PREFIX, ignoring case;</li>
 *   <li>{@code container:X}: X is the name of the endpoint's container ({@code container:web}) or one of its
 *       aliases on that network ({@code --network-alias}), or its id starts with X, ignoring case;</li>
 *   <li>{@code status:ok}, {@code status:error}, {@code status:404}, {@code status:5xx}: the outcome;</li>
 *   <li>{@code slower-than:20ms}: the call took longer (units {@code us ms s m h d}, fractions allowed);</li>
 *   <li>{@code since:10s}: the call started at most that long ago, by the filter's clock at test time;</li>
 *   <li>free text: the method, network id or name, endpoint id, container name or error text contains it,
 *       ignoring case. Quotes make
 *       one term of text with spaces or a colon ({@code "no such"}), and also quote a value
 *       ({@code method:"Create"}).</li>
 * </ul>
 * Docker's names come from the {@link NameLookup} given to {@link #parse(String, InstantSource, NameLookup)}, asked
 * at each {@link #test}, so a name learned later counts; without one only ids match. An empty expression matches
 * every call. Thread safety: immutable, so safe to share once built (as safe as its lookup).
 */
public final class RequestFilter implements Predicate<RequestRecord> {

    private static final String OR = "OR";
    /** A term whose text before its colon looks like this is a key:value term, known or not. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z-]*");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|µs|ms|s|m|h|d)");
    private static final Pattern STATUS_CODE = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]xx");
    private static final Map<String, Long> MICROS_PER_UNIT = Map.of(
            "us", 1L, "µs", 1L, "ms", 1_000L, "s", 1_000_000L, "m", 60_000_000L, "h", 3_600_000_000L,
            "d", 86_400_000_000L);
    private static final String KEYS = "method:, net:, ep:, container:, status:, slower-than: or since:";

    private final List<List<Term>> groups;
    private final InstantSource clock;

    private RequestFilter(List<List<Term>> groups, InstantSource clock) {
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * Parses {@code expression}, with the system clock for {@code since:}.
     *
     * @throws IllegalArgumentException with a readable reason if the expression is not valid
     */
    public static RequestFilter parse(String expression) {
        return parse(expression, InstantSource.system());
    }

    /**
     * Parses {@code expression}; {@code since:} terms compare a call's start with {@code clock}'s instant at the
     * time of each {@link #test}.
     *
     * @throws IllegalArgumentException with a readable reason if the expression is not valid, such as
     *     {@code unknown filter key "foo:"; use method:, net:, ep:, container:, status:, slower-than: or since:}
     */
    public static RequestFilter parse(String expression, InstantSource clock) {
        return parse(expression, clock, NameLookup.NONE);
    }

    /**
     * Parses {@code expression} as {@link #parse(String, InstantSource)} does; {@code net:}, {@code container:} and
     * free text also match Docker's names, as {@code names} knows them at the time of each {@link #test}.
     *
     * @throws IllegalArgumentException with a readable reason if the expression is not valid
     */
    public static RequestFilter parse(String expression, InstantSource clock, NameLookup names) {
        requireNonNull(expression, "expression");
        requireNonNull(clock, "clock");
        requireNonNull(names, "names");
        List<List<Term>> groups = new ArrayList<>();
        List<Term> group = new ArrayList<>();
        boolean sawOr = false;
        for (Token token : tokenize(expression)) {
            if (!token.quoted() && token.text().equals(OR)) {
                if (token.negated()) {
                    throw new IllegalArgumentException("OR cannot be negated; to search for the text, quote it:"
                            + " -\"OR\"");
                }
                if (group.isEmpty()) {
                    throw new IllegalArgumentException("OR needs a term on each side");
                }
                groups.add(List.copyOf(group));
                group.clear();
                sawOr = true;
                continue;
            }
            group.add(term(token, names));
        }
        if (group.isEmpty() && sawOr) {
            throw new IllegalArgumentException("OR needs a term on each side");
        }
        if (!group.isEmpty()) {
            groups.add(List.copyOf(group));
        }
        return new RequestFilter(List.copyOf(groups), clock);
    }

    /** Returns whether {@code record} matches: any group all of whose terms match; always for an empty filter. */
    @Override
    public boolean test(RequestRecord record) {
        if (groups.isEmpty()) {
            return true;
        }
        Instant now = clock.instant();
        for (List<Term> group : groups) {
            if (group.stream().allMatch(term -> term.test(record, now))) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether this filter matches every call (its expression was blank). */
    public boolean matchesAll() {
        return groups.isEmpty();
    }

    /** Returns the expression in normal form: single spaces, keys in lower case, {@code OR} between groups. */
    @Override
    public String toString() {
        return groups.stream()
                .map(group -> group.stream().map(Term::text).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" OR "));
    }

    private static Term term(Token token, NameLookup names) {
        String text = token.text();
        int colon = text.indexOf(':');
        if (token.quoted() || colon <= 0 || !KEY.matcher(text.substring(0, colon)).matches()) {
            String needle = text.toLowerCase(Locale.ROOT);
            return new Term(token.negated(), quoteIfNeeded(text, token.quoted()), (r, now) ->
                    contains(r.method(), needle) || contains(r.networkId(), needle)
                            || contains(r.endpointId(), needle) || contains(r.error(), needle)
                            || contains(names.networkName(r.networkId()), needle)
                            || contains(names.containerOf(r.endpointId()).name(), needle));
        }
        String key = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + ": needs a value, as in " + example(key));
        }
        String lower = value.toLowerCase(Locale.ROOT);
        String shown = key + ":" + quoteIfNeeded(value, false);
        switch (key) {
            case "method":
                return new Term(token.negated(), shown, (r, now) -> contains(r.method(), lower));
            case "net":
            case "network":
                return new Term(token.negated(), "net:" + quoteIfNeeded(value, false),
                        (r, now) -> r.networkId().toLowerCase(Locale.ROOT).startsWith(lower)
                                || names.networkName(r.networkId()).equalsIgnoreCase(value));
            case "ep":
            case "endpoint":
                return new Term(token.negated(), "ep:" + quoteIfNeeded(value, false),
                        (r, now) -> r.endpointId().toLowerCase(Locale.ROOT).startsWith(lower));
            case "container":
                return new Term(token.negated(), shown, (r, now) -> container(names.containerOf(r.endpointId()),
                        value));
            case "status":
                return new Term(token.negated(), "status:" + lower, status(lower));
            case "slower-than": {
                long micros = micros(key, lower);
                return new Term(token.negated(), shown, (r, now) -> r.durationMicros() > micros);
            }
            case "since": {
                Duration window = Duration.of(micros(key, lower), ChronoUnit.MICROS);
                return new Term(token.negated(), shown, (r, now) -> !r.start().isBefore(now.minus(window)));
            }
            default:
                throw new IllegalArgumentException("unknown filter key \"" + key + ":\"; use " + KEYS
                        + ", or quote text that holds a colon");
        }
    }

    /** Whether {@code value} names the container: its name, an alias, or a prefix of its id, ignoring case. */
    private static boolean container(ContainerRef container, String value) {
        return container.name().equalsIgnoreCase(value)
                || container.aliases().stream().anyMatch(alias -> alias.equalsIgnoreCase(value))
                || !container.id().isEmpty() && container.id().toLowerCase(Locale.ROOT)
                        .startsWith(value.toLowerCase(Locale.ROOT));
    }

    private static Condition status(String value) {
        if (value.equals("ok")) {
            return (r, now) -> r.ok();
        }
        if (value.equals("error") || value.equals("err")) {
            return (r, now) -> !r.ok();
        }
        if (STATUS_CODE.matcher(value).matches()) {
            int code = Integer.parseInt(value);
            return (r, now) -> r.status() == code;
        }
        if (STATUS_CLASS.matcher(value).matches()) {
            int hundreds = value.charAt(0) - '0';
            return (r, now) -> r.status() / 100 == hundreds;
        }
        throw new IllegalArgumentException("status: expects ok, error, a code such as 404 or a class such as 5xx;"
                + " got \"" + value + "\"");
    }

    private static long micros(String key, String value) {
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            String why = value.matches("\\d+(\\.\\d+)?") ? "needs a unit" : "expects a duration";
            throw new IllegalArgumentException(key + ": " + why + " (us, ms, s, m, h or d), as in " + example(key)
                    + "; got \"" + value + "\"");
        }
        BigDecimal amount = new BigDecimal(matcher.group(1))
                .multiply(BigDecimal.valueOf(MICROS_PER_UNIT.get(matcher.group(2))));
        try {
            // A century is far beyond any call or history; it also keeps Instant arithmetic in range.
            long micros = amount.longValueExact();
            if (micros > 36_500L * MICROS_PER_UNIT.get("d")) {
                throw new ArithmeticException("too large");
            }
            return micros;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(key + ": \"" + value
                    + "\" is not a whole number of microseconds under a century", e);
        }
    }

    private static String example(String key) {
        switch (key) {
            case "slower-than":
                return "slower-than:20ms";
            case "since":
                return "since:10s";
            case "status":
                return "status:error";
            case "net":
            case "network":
                return "net:8f6511a5";
            case "ep":
            case "endpoint":
                return "ep:1a2b3c";
            case "container":
                return "container:web";
            default:
                return "method:Join";
        }
    }

    private static boolean contains(String haystack, String lowerNeedle) {
        return haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    private static String quoteIfNeeded(String text, boolean quoted) {
        boolean needs = quoted || text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)
                || text.equals(OR) || text.startsWith("-");
        return needs ? "\"" + text + "\"" : text;
    }

    /**
     * Splits the expression into terms: whitespace separates them, a leading {@code -} negates, and double quotes
     * keep spaces inside a term or a value.
     */
    private static List<Token> tokenize(String expression) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            if (Character.isWhitespace(expression.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean negated = false;
            if (expression.charAt(i) == '-') {
                negated = true;
                i++;
                if (i == n || Character.isWhitespace(expression.charAt(i))) {
                    throw new IllegalArgumentException("\"-\" at column " + (start + 1)
                            + " must be followed by a term, as in -status:ok");
                }
            }
            boolean quoted = expression.charAt(i) == '"';
            StringBuilder text = new StringBuilder();
            while (i < n && !Character.isWhitespace(expression.charAt(i))) {
                char c = expression.charAt(i);
                if (c == '"') {
                    int close = expression.indexOf('"', i + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed quote at column " + (i + 1));
                    }
                    text.append(expression, i + 1, close);
                    i = close + 1;
                } else {
                    text.append(c);
                    i++;
                }
            }
            if (text.length() == 0) {
                throw new IllegalArgumentException("empty quotes at column " + (start + 1));
            }
            tokens.add(new Token(text.toString(), negated, quoted));
        }
        return tokens;
    }

    /** What a term checks; {@code now} is read once per {@link #test} call. */
    @FunctionalInterface
    private interface Condition {
        boolean matches(RequestRecord record, Instant now);
    }

    /** One term: whether it is negated, its normal text without the {@code -}, and what it checks. */
    private record Term(boolean negated, String body, Condition condition) {

        boolean test(RequestRecord record, Instant now) {
            return condition.matches(record, now) != negated;
        }

        String text() {
            return negated ? "-" + body : body;
        }
    }

    /** A term as written: its text without quotes, whether a {@code -} preceded it, whether it began quoted. */
    private record Token(String text, boolean negated, boolean quoted) {
    }
}
