package dev.mdnp.daemon.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void scriptsAreNumberedFromOneWithoutGaps() {
        for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
            assertThat(Migrations.SCRIPTS.get(i)).matches(String.format("V%03d__[a-z0-9_]+\\.sql", i + 1));
        }
        assertThat(Migrations.latest()).isEqualTo(Migrations.SCRIPTS.size());
    }

    @Test
    void eachScriptEndsBySettingItsOwnVersion() throws IOException {
        for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
            try (InputStream in = Migrations.class.getResourceAsStream(Migrations.SCRIPTS.get(i))) {
                assertThat(in).as(Migrations.SCRIPTS.get(i)).isNotNull();
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(script.strip()).endsWith("PRAGMA user_version = " + (i + 1) + ";");
            }
        }
    }

    @Test
    void theFirstScriptSetsTheApplicationId() throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream(Migrations.SCRIPTS.get(0))) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(script).contains("PRAGMA application_id = " + Migrations.APPLICATION_ID + ";");
        }
    }
}
