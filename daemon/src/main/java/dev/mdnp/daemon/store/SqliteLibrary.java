package dev.mdnp.daemon.store;

import java.nio.file.Path;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Loads SQLite's native library from the state directory's {@code native/} directory and removes the unpacked file
 * as soon as it is loaded. Left to itself, the JDBC driver unpacks the library into {@code /tmp} and deletes it only
 * when the JVM exits normally, so every {@code kill -9} of the daemon left a megabyte there for good.
 *
 * <p>The driver reads its directory from the system property {@value #DIRECTORY_PROPERTY} once, when it first loads
 * the library; that property is its only setting for it, so this sets it (unless the operator did) for the first
 * store a process opens. Later stores find the library loaded.
 */
final class SqliteLibrary {

    /** The directory, in the state directory, the library is unpacked into. */
    static final String DIRECTORY = "native";
    /** The JDBC driver's system property naming the directory it unpacks its library into. */
    static final String DIRECTORY_PROPERTY = "org.sqlite.tmpdir";

    private SqliteLibrary() {
    }

    /**
     * Loads the library, unpacked into {@code stateDir}'s {@link #DIRECTORY}, unless this process loaded it already,
     * and leaves that directory empty: the files a killed earlier run left and the one just unpacked (the process
     * keeps it mapped) are deleted. Must run with the state directory's lock held: nobody else uses the directory.
     *
     * @throws StoreException if the library cannot be unpacked or loaded, or the directory cannot be prepared
     */
    static void load(Path stateDir) {
        Path directory = stateDir.resolve(DIRECTORY);
        try {
            StateFiles.emptyDirectory(directory);
            if (System.getProperty(DIRECTORY_PROPERTY) == null) {
                System.setProperty(DIRECTORY_PROPERTY, directory.toString());
            }
            SQLiteJDBCLoader.initialize();
            StateFiles.emptyDirectory(directory);
        } catch (Exception e) { // initialize() declares Exception
            // The driver logs why unpacking failed (a full disk) and throws "no native library found": say it here.
            String unpackedInto = System.getProperty(DIRECTORY_PROPERTY, directory.toString());
            throw new StoreException(StoreException.Reason.FAILURE, "cannot load SQLite's native library (unpacked"
                    + " into " + unpackedInto + ", which must allow executing it and have about 1 MiB free; "
                    + StateFiles.probeWrite(Path.of(unpackedInto)) + "): " + e, e);
        }
    }
}
