package dev.mdnp.inspector.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.RequestFilter;
import org.junit.jupiter.api.Test;

class FilterTermsTest {

    @Test
    void termsAreValidFilterText() {
        assertThat(RequestFilter.parse(FilterTerms.method("NetworkDriver.Join")).toString())
                .isEqualTo("method:NetworkDriver.Join");
        assertThat(RequestFilter.parse(FilterTerms.network("8f65")).toString()).isEqualTo("net:8f65");
        assertThat(RequestFilter.parse(FilterTerms.endpoint("1a2b")).toString()).isEqualTo("ep:1a2b");
    }

    @Test
    void oddMethodNamesAreQuoted() {
        assertThat(FilterTerms.method("Some Path")).isEqualTo("method:\"Some Path\"");
        RequestFilter.parse(FilterTerms.method("Some Path"));
    }

    @Test
    void narrowingAppendsToPlainText() {
        assertThat(FilterTerms.narrow("status:error", "ep:1a")).isEqualTo("status:error ep:1a");
        assertThat(FilterTerms.narrow("  ", "ep:1a")).isEqualTo("ep:1a");
    }

    @Test
    void narrowingReplacesTextWithOr() {
        assertThat(FilterTerms.narrow("method:Join OR method:Leave", "ep:1a")).isEqualTo("ep:1a");
    }
}
