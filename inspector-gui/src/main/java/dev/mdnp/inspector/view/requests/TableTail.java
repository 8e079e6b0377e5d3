package dev.mdnp.inspector.view.requests;

import static java.util.Objects.requireNonNull;

import dev.mdnp.inspector.viewmodel.TailFollow;
import java.util.function.IntSupplier;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Keeps a table's newest row in view while its {@link TailFollow} follows: the last row in arrival order, the newest
 * call's row when calls are grouped (not while sorted by a column), and pauses following when the user's scrolling (the wheel, the keys, the vertical scroll bar) moved the
 * view up. It scrolls once the flow has laid out the new rows, as before that the end it would scroll to is the old one.
 */
final class TableTail {

    private final TableView<?> table;
    private final TailFollow follow;
    private final IntSupplier newestRow;
    private final Runnable afterLayout = this::afterLayout;
    private VirtualFlow<?> flow;
    private boolean endPending;
    private double positionBefore = Double.NaN;

    /**
     * Watches {@code table}, once it has its skin and its scene, for {@code follow}; {@code newestRow} says where the
     * newest call is (the last row unless the calls are grouped).
     */
    TableTail(TableView<?> table, TailFollow follow, IntSupplier newestRow) {
        this.table = requireNonNull(table, "table");
        this.follow = requireNonNull(follow, "follow");
        this.newestRow = requireNonNull(newestRow, "newestRow");
        table.skinProperty().addListener((property, before, skin) -> attach());
        table.sceneProperty().addListener((property, before, scene) -> {
            if (before != null) {
                before.removePostLayoutPulseListener(afterLayout);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(afterLayout);
            }
        });
        table.addEventFilter(ScrollEvent.SCROLL, event -> userMayMove());
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> userMayMove());
        table.addEventFilter(MouseEvent.ANY, event -> {
            if (onVerticalBar(event.getPickResult().getIntersectedNode())) {
                userMayMove();
            }
        });
    }

    /** Follows again and shows the last row. */
    void resume() {
        follow.resume();
        toEnd();
    }

    private void attach() {
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> found && found != flow) {
            flow = found;
            found.cellCountProperty().addListener((property, before, count) -> endPending = true);
        }
    }

    private void afterLayout() {
        if (endPending) {
            endPending = false;
            if (follow.followingProperty().get()) {
                toEnd();
            }
        }
    }

    /**
     * Notes where the view is before the flow handles the user's input; once the input is handled (the flow moves at
     * once), a move up pauses following.
     */
    private void userMayMove() {
        if (flow != null && Double.isNaN(positionBefore)) {
            positionBefore = flow.getPosition();
            Platform.runLater(this::pauseIfMovedUp);
        }
    }

    private void pauseIfMovedUp() {
        if (flow.getPosition() < positionBefore) {
            follow.pause();
        }
        positionBefore = Double.NaN;
    }

    private void toEnd() {
        if (flow == null || !table.getSortOrder().isEmpty()) {
            return;
        }
        int newest = newestRow.getAsInt();
        if (newest >= 0 && newest < table.getItems().size() - 1) {
            flow.scrollTo(newest); // grouped: the newest call's row, inside its group
        } else {
            flow.setPosition(1);
        }
    }

    private static boolean onVerticalBar(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof ScrollBar bar) {
                return bar.getOrientation() == Orientation.VERTICAL;
            }
        }
        return false;
    }
}
