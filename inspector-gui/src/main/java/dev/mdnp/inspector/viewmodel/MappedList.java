package dev.mdnp.inspector.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

/**
 * A read-only list of rows made from a source list item by item and kept in step with it change by change, so a
 * table over it redraws only what changed. The mapping may read more than the item (the links, the pools):
 * {@link #refresh} re-maps every item and replaces only the rows that came out different. The rows are cached; like
 * its source, the list is used on the FX thread only.
 *
 * @param <S> the source items
 * @param <R> the rows
 */
final class MappedList<S, R> extends TransformationList<R, S> {

    private final Function<S, R> mapper;
    private final List<R> rows = new ArrayList<>();

    MappedList(ObservableList<S> source, Function<S, R> mapper) {
        super(source);
        this.mapper = mapper;
        for (S item : source) {
            rows.add(mapper.apply(item));
        }
    }

    /** Re-maps every item and replaces, in one change, each row that differs from the one shown. */
    void refresh() {
        beginChange();
        for (int i = 0; i < rows.size(); i++) {
            R fresh = mapper.apply(getSource().get(i));
            if (!fresh.equals(rows.get(i))) {
                nextSet(i, rows.set(i, fresh));
            }
        }
        endChange();
    }

    @Override
    protected void sourceChanged(ListChangeListener.Change<? extends S> change) {
        beginChange();
        while (change.next()) {
            if (change.wasPermutated()) {
                permute(change);
            } else if (change.wasUpdated()) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    rows.set(i, mapper.apply(getSource().get(i)));
                    nextUpdate(i);
                }
            } else {
                replace(change);
            }
        }
        endChange();
    }

    private void permute(ListChangeListener.Change<? extends S> change) {
        int from = change.getFrom();
        List<R> before = new ArrayList<>(rows.subList(from, change.getTo()));
        int[] permutation = new int[before.size()];
        for (int i = 0; i < permutation.length; i++) {
            permutation[i] = change.getPermutation(from + i);
            rows.set(permutation[i], before.get(i));
        }
        nextPermutation(from, change.getTo(), permutation);
    }

    private void replace(ListChangeListener.Change<? extends S> change) {
        int from = change.getFrom();
        if (change.wasRemoved()) {
            List<R> gone = rows.subList(from, from + change.getRemovedSize());
            nextRemove(from, new ArrayList<>(gone));
            gone.clear();
        }
        if (change.wasAdded()) {
            for (int i = from; i < change.getTo(); i++) {
                rows.add(i, mapper.apply(getSource().get(i)));
            }
            nextAdd(from, change.getTo());
        }
    }

    @Override
    public R get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public int getSourceIndex(int index) {
        return index;
    }

    @Override
    public int getViewIndex(int index) {
        return index;
    }
}
