package dev.mdnp.inspector.viewmodel;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.collections.ObservableList;

/** How many rows of an object table show drift, for the badge on its tab. */
final class DriftCount {

    private DriftCount() {
    }

    /** Returns a binding to the number of drifted rows in {@code rows}. */
    static IntegerBinding of(ObservableList<? extends ObjectRow> rows) {
        return Bindings.createIntegerBinding(() -> (int) rows.stream().filter(ObjectRow::drifted).count(), rows);
    }
}
