package dev.mdnp.inspector.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * Replaces the items of an observable list with a new reading, matched by key, so that rows keep their places and a
 * table's scroll position survives: unchanged items stay, changed ones are set in place, gone ones removed, new ones
 * added. (A table still drops the selection of a replaced row; the object tables select it again by key.)
 */
final class ListMerge {

    private ListMerge() {
    }

    /** Makes {@code list} hold {@code fresh}'s items: in place where keys match, new keys at the end. */
    static <T, K> void replace(ObservableList<T> list, List<T> fresh, Function<T, K> key) {
        Map<K, T> byKey = new HashMap<>();
        for (T item : fresh) {
            byKey.put(key.apply(item), item);
        }
        list.removeIf(item -> !byKey.containsKey(key.apply(item)));
        for (int i = 0; i < list.size(); i++) {
            T update = byKey.remove(key.apply(list.get(i)));
            if (!Objects.equals(update, list.get(i))) {
                list.set(i, update);
            }
        }
        for (T item : fresh) {
            if (byKey.containsKey(key.apply(item))) {
                list.add(item);
            }
        }
    }
}
