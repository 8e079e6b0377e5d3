package dev.mdnp.inspector.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentFiltersTest {

    @Test
    void newestComesFirst() {
        RecentFilters recent = RecentFilters.empty(5).with("a").with("b").with("c");

        assertThat(recent.entries()).containsExactly("c", "b", "a");
    }

    @Test
    void reusedFilterMovesToTheFrontWithoutDuplicate() {
        RecentFilters recent = RecentFilters.empty(5).with("a").with("b").with(" a ");

        assertThat(recent.entries()).containsExactly("a", "b");
    }

    @Test
    void oldestFallsOffAtCapacity() {
        RecentFilters recent = RecentFilters.empty(2).with("a").with("b").with("c");

        assertThat(recent.entries()).containsExactly("c", "b");
    }

    @Test
    void blankIsNotKept() {
        RecentFilters recent = RecentFilters.empty(2).with("a").with("   ");

        assertThat(recent.entries()).containsExactly("a");
    }

    @Test
    void restoredListIsCleaned() {
        assertThat(new RecentFilters(List.of("x", "", "x", "y", "z"), 2).entries()).containsExactly("x", "y");
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> RecentFilters.empty(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
