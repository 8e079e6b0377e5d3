package dev.mdnp.daemon.dataplane;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.FirewallException;
import dev.mdnp.daemon.netlink.NetlinkException;
import dev.mdnp.daemon.netlink.RtNetlink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs steps against one kernel handle, each timed and reported as a {@link KernelOp}. {@link #apply} stops at the
 * first failure and undoes, in reverse order, the steps it had applied; {@link #undo} reverts steps in the given order
 * and goes on past failures, so that a teardown removes all it can.
 */
final class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);
    private static final String UNDO = "undo ";

    private final RtNetlink rtnl;

    StepRunner(RtNetlink rtnl) {
        this.rtnl = requireNonNull(rtnl, "rtnl");
    }

    /**
     * Applies the steps in order.
     *
     * @throws DataplaneException naming the failed step, after undoing the steps applied before it
     */
    void apply(List<Step> steps, KernelOpListener listener) {
        Deque<Step> applied = new ArrayDeque<>();
        for (Step step : steps) {
            RuntimeException failure = timed(step.operation(), step, () -> step.apply(rtnl), listener);
            if (failure != null) {
                boolean undone = undoAll(applied, listener);
                throw new DataplaneException(step.operation() + " " + step.target() + ": " + failure.getMessage()
                        + (undone ? "" : "; some earlier changes could not be undone, see the mdnp log"),
                        undone, failure);
            }
            applied.push(step);
        }
    }

    /**
     * Undoes the steps in the given order, continuing past failures.
     *
     * @throws DataplaneException naming the first step whose undo failed, after trying all of them
     */
    void undo(List<Step> steps, KernelOpListener listener) {
        RuntimeException first = null;
        Step firstStep = null;
        for (Step step : steps) {
            RuntimeException failure = timed(UNDO + step.operation(), step, () -> step.undo(rtnl), listener);
            if (failure != null && first == null) {
                first = failure;
                firstStep = step;
            }
        }
        if (first != null) {
            throw new DataplaneException(UNDO + firstStep.operation() + " " + firstStep.target() + ": "
                    + first.getMessage(), false, first);
        }
    }

    private boolean undoAll(Deque<Step> applied, KernelOpListener listener) {
        boolean undone = true;
        for (Step step : applied) {
            RuntimeException failure = timed(UNDO + step.operation(), step, () -> step.undo(rtnl), listener);
            if (failure != null) {
                log.error("could not undo {} {}; the kernel keeps it until the next reconcile",
                        step.operation(), step.target(), failure);
                undone = false;
            }
        }
        return undone;
    }

    /** Runs one action and reports it; returns its failure, or null. */
    private static RuntimeException timed(String operation, Step step, Runnable action, KernelOpListener listener) {
        long start = System.nanoTime();
        RuntimeException failure = null;
        try {
            action.run();
        } catch (NetlinkException | FirewallException | SysctlException | PortUnavailableException e) {
            failure = e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        KernelOp op = new KernelOp(operation, step.target(), took, failure == null ? "" : failure.getMessage());
        log.debug("kernel op={} target={} took={}us error={}", operation, step.target(), took.toNanos() / 1000,
                op.error());
        listener.finished(op);
        return failure;
    }
}
