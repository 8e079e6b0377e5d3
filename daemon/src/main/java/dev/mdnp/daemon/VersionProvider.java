package dev.mdnp.daemon;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the daemon jar's manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"mdnp " + (version == null ? "(development build)" : version)};
    }
}
