package dev.mdnp.daemon.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mapping the names that SO_PEERCRED yields in the JDK back to ids, and the built-in policies. */
class PeerCredentialsReaderTest {

    private Path directory;
    private Path passwd;
    private PeerCredentialsReader reader;

    @BeforeEach
    void writeDatabase() throws IOException {
        directory = TestSockets.newDirectory();
        passwd = directory.resolve("passwd");
        Files.writeString(passwd, """
                # comment
                root:x:0:0:root:/root:/bin/bash

                broken line
                nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
                1000:x:1001:1001::/home/digits:/bin/sh
                bad:x:notanumber:0::/:/bin/sh
                root:x:4242:0:second root entry:/:/bin/sh
                """);
        reader = new PeerCredentialsReader(passwd, directory.resolve("group"));
    }

    @AfterEach
    void deleteDatabase() throws IOException {
        TestSockets.deleteRecursively(directory);
    }

    @Test
    void listedNameGivesItsIdAndTheFirstEntryWins() {
        assertThat(reader.resolve(passwd, "root")).isZero();
        assertThat(reader.resolve(passwd, "nobody")).isEqualTo(65534);
    }

    @Test
    void numericNameOfAnIdWithoutEntryIsThatId() {
        assertThat(reader.resolve(passwd, "31337")).isEqualTo(31337);
        assertThat(reader.resolve(passwd, "4294967294")).isEqualTo((int) 4294967294L);
    }

    @Test
    void listedNumericNameUsesTheListedId() {
        assertThat(reader.resolve(passwd, "1000")).isEqualTo(1001);
    }

    @Test
    void unknownOrUnreadableNameIsUnknown() {
        assertThat(reader.resolve(passwd, "ldap-user")).isEqualTo(PeerCredentials.UNKNOWN);
        assertThat(reader.resolve(passwd, "bad")).isEqualTo(PeerCredentials.UNKNOWN);
        assertThat(reader.resolve(directory.resolve("missing"), "root")).isEqualTo(PeerCredentials.UNKNOWN);
        assertThat(reader.resolve(passwd, "")).isEqualTo(PeerCredentials.UNKNOWN);
    }

    @Test
    void rootOnlyAdmitsUidZeroAlone() {
        assertThat(PeerPolicy.rootOnly().permits(new PeerCredentials(0, 5, 1))).isTrue();
        assertThat(PeerPolicy.rootOnly().permits(new PeerCredentials(1000, 0, 1))).isFalse();
        assertThat(PeerPolicy.rootOnly().permits(PeerCredentials.UNIDENTIFIED)).isFalse();
    }

    @Test
    void anyoneAdmitsEvenUnidentifiedPeers() {
        assertThat(PeerPolicy.anyone().permits(PeerCredentials.UNIDENTIFIED)).isTrue();
    }
}
