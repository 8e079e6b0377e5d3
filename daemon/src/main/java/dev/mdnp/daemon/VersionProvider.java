package dev.mdnp.daemon;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the daemon jar's manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"mdnp " + version()};
    }

    /** Returns the version in the jar's manifest, or {@code (development build)} when run from classes. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
