package dev.mdnp.inspector.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class MappedListTest {

    private final ObservableList<String> source = FXCollections.observableArrayList("b", "a");
    private final AtomicInteger offset = new AtomicInteger();
    private final MappedList<String, String> mapped =
            new MappedList<>(source, item -> item + (offset.get() + item.length()));
    private final List<String> changes = new ArrayList<>();

    MappedListTest() {
        mapped.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                changes.add(change.toString());
            }
        });
    }

    @Test
    void itemsAreMappedInTheSourcesOrder() {
        assertThat(mapped).containsExactly("b1", "a1");
    }

    @Test
    void additionsRemovalsAndReplacementsFollowTheSource() {
        source.add("c");
        source.remove("b");
        source.set(0, "aa");

        assertThat(mapped).containsExactly("aa2", "c1");
        assertThat(changes).hasSize(3);
    }

    @Test
    void sortingTheSourcePermutesTheRows() {
        FXCollections.sort(source);

        assertThat(mapped).containsExactly("a1", "b1");
    }

    @Test
    void refreshReplacesOnlyRowsThatChanged() {
        source.add("cc");
        changes.clear();
        offset.set(0);
        mapped.refresh();
        assertThat(changes).isEmpty();

        offset.set(1);
        mapped.refresh();

        assertThat(mapped).containsExactly("b2", "a2", "cc3");
        assertThat(changes).hasSize(1);
    }
}
