package dev.mdnp.daemon.testsupport;

import dev.mdnp.daemon.driver.DriverJournal;
import dev.mdnp.daemon.driver.Endpoint;
import dev.mdnp.daemon.driver.Network;

/**
 * A journal double for API tests: keeps nothing, and once told to fail, every later call throws as a broken store
 * would. The driver's own journal tests use a recording double in its package.
 */
public final class FailingDriverJournal implements DriverJournal {

    private volatile boolean failing;

    /** Makes every later call fail. */
    public void fail() {
        failing = true;
    }

    @Override
    public void networkCreated(Network network) {
        check("network");
    }

    @Override
    public void networkDeleted(String networkId) {
        check("deleted network");
    }

    @Override
    public void endpointCreated(Endpoint endpoint) {
        check("endpoint");
    }

    @Override
    public void endpointChanged(Endpoint endpoint) {
        check("changed endpoint");
    }

    @Override
    public void endpointDeleted(String endpointId) {
        check("deleted endpoint");
    }

    private void check(String what) {
        if (failing) {
            throw new IllegalStateException("could not record the " + what + ": disk I/O error");
        }
    }
}
