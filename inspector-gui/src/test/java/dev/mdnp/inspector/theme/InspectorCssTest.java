package dev.mdnp.inspector.theme;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import dev.mdnp.inspector.model.MethodGroup;
import dev.mdnp.inspector.viewmodel.PhaseRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.css.CompoundSelector;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.SimpleSelector;
import javafx.css.Stylesheet;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.junit.jupiter.api.Test;

/**
 * The inspector's style sheet parses cleanly, uses only AtlantaFX's colour tokens, and matches the views both ways:
 * every style class the main sources set is styled by {@code inspector.css} (or allowed below), and every class the
 * sheet styles is set by the main sources or is one of JavaFX's, AtlantaFX's or ControlsFX's own. The classes are read from the
 * sources: the arguments of {@code getStyleClass().add/addAll/setAll/remove/removeAll}, resolved through string
 * constants, conditionals, parameters and helper methods of the same file.
 */
class InspectorCssTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    /** Classes the views set that inspector.css need not style; each says why. */
    private static final Map<String, String> UNSTYLED = Map.of(
            Styles.WARNING, "AtlantaFX's own warning colour (ReplayBar's skipped-lines label)",
            "request-detail", "a lookup hook for the detail pane; AtlantaFX's tab pane looks suffice",
            "quick-filter", "a lookup hook for a preset toggle button; AtlantaFX's toggle looks suffice",
            "lifecycle", "a lookup hook for the timeline's scroll pane; AtlantaFX's scroll pane looks suffice");

    /** Classes built at run time from a prefix and a value, by prefix: what the value can be. */
    private static final Map<String, List<String>> DYNAMIC = Map.of(
            // TimingBarCell and RequestDetailPane: "timing-" + phase.name()
            "timing-", PhaseRow.of(call(1, "NetworkDriver.Join").micros(100).phases(1, 1, 1, 1, 1).build()).stream()
                    .map(PhaseRow::name).toList(),
            // RequestTableView and CallLegend: "group-" + MethodGroup.styleName()
            "group-", Arrays.stream(MethodGroup.values())
                    .map(group -> group.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());

    private static final Pattern STYLE_CLASS_CALL =
            Pattern.compile("getStyleClass\\(\\)\\s*\\.\\s*(?:add|addAll|setAll|remove|removeAll)\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_]\\w*)\\s*\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern PREFIXED = Pattern.compile("(\"(?:[^\"\\\\]|\\\\.)*\")\\s*\\+.*", Pattern.DOTALL);

    @Test
    void parsesWithoutErrors() throws IOException {
        parse(URI.create(ThemeSwitcher.stylesheetUrl()).toURL());

        assertThat(CssParser.errorsProperty()).isEmpty();
    }

    @Test
    void usesOnlyAtlantaFxColourTokens() throws IOException {
        String css = read(URI.create(ThemeSwitcher.stylesheetUrl()).toURL());

        assertThat(css).doesNotContainPattern("#[0-9a-fA-F]{3,8}\\b").doesNotContain("rgb(", "rgba(", "hsb(");
    }

    @Test
    void stylesEveryClassTheViewsUse() throws IOException {
        Set<String> used = classesUsedBySources();
        Set<String> styled = styledClasses(parse(URI.create(ThemeSwitcher.stylesheetUrl()).toURL()));

        assertThat(used).as("style classes the main sources set").contains("call-error", "drift", "group-join-leave");
        assertThat(used).filteredOn(name -> !UNSTYLED.containsKey(name))
                .as("classes the views set but inspector.css does not style").isSubsetOf(styled);
        assertThat(UNSTYLED.keySet()).as("allowed unstyled classes the views still set").isSubsetOf(used);
    }

    @Test
    void stylesNoClassTheViewsDoNotUse() throws IOException {
        Set<String> used = classesUsedBySources();
        Set<String> builtIn = styledClasses(parse(atlantaFxStylesheet()));
        builtIn.addAll(styledClasses(parse(controlsFxCompletionStylesheet())));
        Set<String> styled = styledClasses(parse(URI.create(ThemeSwitcher.stylesheetUrl()).toURL()));

        assertThat(builtIn).as("AtlantaFX's own classes").contains("table-row-cell", "table-cell", "label");
        assertThat(styled).filteredOn(name -> !builtIn.contains(name))
                .as("classes inspector.css styles that no view sets").isSubsetOf(used);
    }

    private static Stylesheet parse(URL url) throws IOException {
        CssParser.errorsProperty().clear();
        return new CssParser().parse(url);
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Returns AtlantaFX's Primer style sheet, whose classes are the built-in ones (it restyles every control). */
    private static URL atlantaFxStylesheet() {
        return InspectorCssTest.class.getResource(Theme.LIGHT.userAgentStylesheet());
    }

    /** Returns the style sheet of ControlsFX's completion popup, which the filter field uses. */
    private static URL controlsFxCompletionStylesheet() {
        return AutoCompletionBinding.class.getResource("autocompletion.css");
    }

    private static Set<String> styledClasses(Stylesheet sheet) {
        return sheet.getRules().stream()
                .map(Rule::getSelectors)
                .flatMap(List::stream)
                .flatMap(InspectorCssTest::simpleSelectors)
                .flatMap(simple -> simple.getStyleClasses().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Stream<SimpleSelector> simpleSelectors(Selector selector) {
        if (selector instanceof CompoundSelector compound) {
            return compound.getSelectors().stream();
        }
        return Stream.of((SimpleSelector) selector);
    }

    private static Set<String> classesUsedBySources() throws IOException {
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                SourceFile source = new SourceFile(file, withoutComments(Files.readString(file)));
                Matcher call = STYLE_CLASS_CALL.matcher(source.code());
                while (call.find()) {
                    for (String argument : arguments(source.code(), call.end())) {
                        classes.addAll(source.resolve(argument.strip()));
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return classes;
    }

    /** A main source file, without comments, and how to resolve an expression in it to the strings it can be. */
    private record SourceFile(Path path, String code) {

        List<String> resolve(String expression) {
            Matcher literal = LITERAL.matcher(expression);
            if (literal.matches()) {
                return List.of(literal.group(1));
            }
            Matcher prefixed = PREFIXED.matcher(expression);
            if (prefixed.matches()) {
                String prefix = resolve(prefixed.group(1)).get(0);
                List<String> values = DYNAMIC.get(prefix);
                assertThat(values).as("the values of \"%s\" + … in %s: add them to DYNAMIC", prefix, path)
                        .isNotNull();
                return values.stream().map(value -> prefix + value).toList();
            }
            int question = topLevel(expression, '?');
            if (question >= 0) {
                int colon = question + 1 + topLevel(expression.substring(question + 1), ':');
                List<String> both = new ArrayList<>(resolve(expression.substring(question + 1, colon).strip()));
                both.addAll(resolve(expression.substring(colon + 1).strip()));
                return both;
            }
            if (expression.startsWith("Styles.")) {
                return List.of(atlantaFxStyle(expression.substring("Styles.".length())));
            }
            if (IDENTIFIER.matcher(expression).matches()) {
                return resolveName(expression);
            }
            Matcher call = CALL.matcher(expression);
            if (call.matches()) {
                return resolveReturns(call.group(1));
            }
            throw new AssertionError("cannot tell which style class " + expression + " in " + path
                    + " is; teach InspectorCssTest");
        }

        /** A string constant of this file, or a parameter: then what the file's calls pass for it. */
        private List<String> resolveName(String name) {
            Matcher constant = Pattern.compile("static\\s+final\\s+String\\s+" + name + "\\s*=\\s*(\"[^\"]*\")\\s*;")
                    .matcher(code);
            if (constant.find()) {
                return resolve(constant.group(1));
            }
            Matcher method = Pattern.compile("\\b(\\w+)\\s*\\(([^()]*\\bString\\s+" + name + "\\b[^()]*)\\)\\s*\\{")
                    .matcher(code);
            if (!method.find()) {
                throw new AssertionError("cannot find the constant or parameter " + name + " in " + path);
            }
            List<String> parameters = split(method.group(2));
            int index = 0;
            while (!parameters.get(index).strip().endsWith(" " + name)) {
                index++;
            }
            List<String> values = new ArrayList<>();
            Matcher calls = Pattern.compile("(?<![\\w.])" + method.group(1) + "\\s*\\(").matcher(code);
            while (calls.find()) {
                if (calls.start() == method.start(1)) {
                    continue; // the declaration
                }
                values.addAll(resolve(arguments(code, calls.end()).get(index).strip()));
            }
            assertThat(values).as("what the calls of %s in %s pass as %s", method.group(1), path, name).isNotEmpty();
            return values;
        }

        /** What a method of this file returns. */
        private List<String> resolveReturns(String methodName) {
            Matcher method = Pattern.compile("\\b" + methodName + "\\s*\\([^()]*\\)\\s*\\{").matcher(code);
            if (!method.find()) {
                throw new AssertionError("cannot find the method " + methodName + " in " + path);
            }
            int end = closing(code, method.end() - 1);
            Matcher returns = Pattern.compile("\\breturn\\s+([^;]+);").matcher(code.substring(method.end(), end));
            List<String> values = new ArrayList<>();
            while (returns.find()) {
                values.addAll(resolve(returns.group(1).strip()));
            }
            return values;
        }

        private static String atlantaFxStyle(String field) {
            try {
                return (String) Styles.class.getField(field).get(null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("no AtlantaFX style Styles." + field, e);
            }
        }
    }

    /** Returns the comma-separated arguments of the call whose opening parenthesis ends before {@code start}. */
    private static List<String> arguments(String code, int start) {
        return split(code.substring(start, closing(code, start - 1)));
    }

    /** Splits {@code text} at the commas outside parentheses, brackets, braces and string literals. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i);
            } else if (c == '(' || c == '[' || c == '{' || c == '<') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}' || c == '>' && text.charAt(i - 1) != '-') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }

    /** Returns the index of the first {@code wanted} outside parentheses and string literals, or -1. */
    private static int topLevel(String text, char wanted) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == wanted && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the index of the bracket that closes the one at {@code open}. */
    private static int closing(String code, int open) {
        char opening = code.charAt(open);
        char close = opening == '(' ? ')' : '}';
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i);
            } else if (c == opening) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        throw new AssertionError("unbalanced " + opening + " at " + open);
    }

    /** Returns the index of the quote that ends the string or char literal starting at {@code start}. */
    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    /** Returns {@code code} with its comments blanked, string and char literals left alone. */
    private static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3) + 3;
                out.append(code, i, end);
                i = end - 1;
            } else if (c == '"' || c == '\'') {
                int end = endOfLiteral(code, i);
                out.append(code, i, end + 1);
                i = end;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = (end < 0 ? code.length() : end) - 1;
            } else if (code.startsWith("/*", i)) {
                i = code.indexOf("*/", i + 2) + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
