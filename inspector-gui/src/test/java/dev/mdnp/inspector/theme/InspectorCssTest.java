package dev.mdnp.inspector.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The inspector's style sheet parses cleanly and styles every class the views use. */
class InspectorCssTest {

    private static final List<String> CLASSES = List.of("call-error", "drift", "filter-invalid", "method-dot",
            "group-handshake", "group-network", "group-endpoint", "group-join_leave", "group-ipam", "group-other",
            "timing-bar", "phase-decode", "phase-driver", "phase-kernel", "phase-store", "phase-encode", "mono",
            "connection-ok", "connection-down", "topology-bridge", "topology-port", "topology-container",
            "topology-container-idle", "topology-wire", "topology-drift", "lifecycle-step", "lifecycle-step-error");

    private static Stylesheet parse() throws IOException {
        CssParser.errorsProperty().clear();
        return new CssParser().parse(URI.create(ThemeSwitcher.stylesheetUrl()).toURL());
    }

    @Test
    void parsesWithoutErrors() throws IOException {
        parse();

        assertThat(CssParser.errorsProperty()).isEmpty();
    }

    @Test
    void stylesEveryClassTheViewsUse() throws IOException {
        Set<String> selectors = parse().getRules().stream()
                .map(Rule::getSelectors)
                .flatMap(List::stream)
                .map(Selector::toString)
                .collect(Collectors.toSet());
        String all = String.join(" ", selectors);

        assertThat(CLASSES).allSatisfy(name -> assertThat(all).contains("." + name));
    }

    @Test
    void usesOnlyAtlantaFxColourTokens() throws IOException {
        String css = new String(URI.create(ThemeSwitcher.stylesheetUrl()).toURL().openStream().readAllBytes());

        assertThat(css).doesNotContainPattern("#[0-9a-fA-F]{3,8}\\b").doesNotContain("rgb(", "rgba(");
    }
}
