package dev.mdnp.daemon.reconcile;

import static java.util.Objects.requireNonNull;

import dev.mdnp.daemon.dataplane.firewall.FirewallReport;
import dev.mdnp.daemon.driver.DriverException;
import dev.mdnp.daemon.driver.NetworkDriver;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts mdnp's firewall rules back when they go missing (someone ran {@code iptables -F}, a firewall manager reloaded,
 * Docker restarted and rebuilt its chains), every interval on its own thread, never inside a plugin API call.
 */
public final class FirewallRepair implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FirewallRepair.class);

    private final NetworkDriver driver;
    private final Consumer<FirewallReport> drift;
    private final BackgroundLoop loop = new BackgroundLoop("mdnp-firewall-repair", this::repairSafely);
    /** Whether the last repair failed; touched only by the repair's thread. */
    private boolean failing;

    /**
     * Creates a repair of {@code driver}'s rules; {@link #start} schedules it.
     *
     * @param drift told of every repair that changed something, after it is logged
     */
    public FirewallRepair(NetworkDriver driver, Consumer<FirewallReport> drift) {
        this.driver = requireNonNull(driver, "driver");
        this.drift = requireNonNull(drift, "drift");
    }

    /** Repairs every {@code interval}, the first time one interval from now. */
    public void start(Duration interval) {
        loop.start(interval);
    }

    /** Stops repairing; a repair in progress finishes first. */
    @Override
    public void close() {
        loop.close();
    }

    /** Runs one repair and returns what it changed. */
    FirewallReport repair() {
        FirewallReport report = driver.repairFirewall();
        if (!report.unchanged()) {
            log.warn("firewall rules repaired: base={} networks={} leftoversRemoved={}"
                    + " (a chain was flushed, or Docker or a firewall manager rebuilt its rules)",
                    report.baseRepaired(), report.repairedBridges(), report.removedBridges());
            drift.accept(report);
        }
        return report;
    }

    private void repairSafely() {
        try {
            repair();
            if (failing) {
                log.info("firewall repair works again");
                failing = false;
            }
        } catch (DriverException e) {
            if (!failing) {
                log.warn("firewall repair failed; trying again every interval: {}", e.getMessage());
                failing = true;
            }
        } catch (RuntimeException e) {
            log.error("firewall repair failed; the next one tries again", e);
        }
    }
}
