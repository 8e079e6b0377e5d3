package dev.mdnp.model.cnm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void freezeMapMakesNestedMapsAndListsUnmodifiable() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("x", "y");
        List<Object> list = new ArrayList<>(List.of(inner));
        Map<String, Object> outer = new HashMap<>();
        outer.put("generic", inner);
        outer.put("ports", list);

        Map<String, Object> frozen = JsonValues.freezeMap(outer);

        assertThatThrownBy(() -> frozen.put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map(frozen.get("generic")).put("k", "v"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list(frozen.get("ports")).add("v")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map(list(frozen.get("ports")).get(0)).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void freezeMapCopiesSoLaterChangesToTheSourceDoNotShow() {
        Map<String, Object> inner = new HashMap<>(Map.of("x", "y"));
        Map<String, Object> outer = new HashMap<>(Map.of("generic", inner));

        Map<String, Object> frozen = JsonValues.freezeMap(outer);
        inner.put("x", "changed");
        outer.put("added", 1);

        assertThat(frozen).isEqualTo(Map.of("generic", Map.of("x", "y")));
    }

    @Test
    void freezeMapKeepsNullValuesAtEveryDepth() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("gone", null);
        List<Object> list = new ArrayList<>();
        list.add(null);
        Map<String, Object> outer = new HashMap<>();
        outer.put("top", null);
        outer.put("inner", inner);
        outer.put("list", list);

        Map<String, Object> frozen = JsonValues.freezeMap(outer);

        assertThat(frozen).containsEntry("top", null);
        assertThat(map(frozen.get("inner"))).containsEntry("gone", null);
        assertThat(list(frozen.get("list"))).containsExactly((Object) null);
    }

    @Test
    void freezeMapKeepsInsertionOrder() {
        Map<String, Object> source = new LinkedHashMap<>();
        for (String key : List.of("z", "a", "m", "b")) {
            source.put(key, key);
        }

        assertThat(JsonValues.freezeMap(source).keySet()).containsExactly("z", "a", "m", "b");
    }

    @Test
    void nullCollectionsBecomeEmpty() {
        assertThat(JsonValues.freezeMap(null)).isEmpty();
        assertThat(JsonValues.freezeStringMap(null, "Options")).isEmpty();
        assertThat(JsonValues.freezeList(null, "IPv4Data")).isEmpty();
    }

    @Test
    void freezeStringMapRejectsANullValueNamingTheField() {
        Map<String, String> options = new HashMap<>();
        options.put("iopt", null);

        assertThatThrownBy(() -> JsonValues.freezeStringMap(options, "Options"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Options");
    }

    @Test
    void requireIdRejectsNullAndEmpty() {
        assertThatThrownBy(() -> JsonValues.requireId(null, "NetworkID")).hasMessage("NetworkID is required");
        assertThatThrownBy(() -> JsonValues.requireId("", "EndpointID")).hasMessage("EndpointID is required");
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object value) {
        return (Map<Object, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
