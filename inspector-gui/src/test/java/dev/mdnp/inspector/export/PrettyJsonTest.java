package dev.mdnp.inspector.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.json.JsonMappers;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {

    private final PrettyJson pretty = new PrettyJson(JsonMappers.create());

    @Test
    void indentsValidJson() {
        assertThat(pretty.format("{\"NetworkID\":\"n1\",\"Options\":{\"a\":1}}").lines())
                .containsExactly("{", "  \"NetworkID\" : \"n1\",", "  \"Options\" : {", "    \"a\" : 1", "  }", "}");
    }

    @Test
    void bodyCutAt64KibIsShownUnchanged() {
        String cut = "{\"NetworkID\":\"n1\",\"Options\":{\"big\":\"aaaa…";

        assertThat(pretty.format(cut)).isEqualTo(cut);
    }

    @Test
    void emptyBodyStaysEmpty() {
        assertThat(pretty.format("")).isEmpty();
    }

    @Test
    void trailingGarbageIsNotValidJson() {
        assertThat(pretty.format("{} x")).isEqualTo("{} x");
    }
}
