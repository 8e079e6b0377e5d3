package dev.mdnp.inspector.export;

import static dev.mdnp.inspector.testsupport.CallBuilder.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdnp.model.inspect.InfoView;
import dev.mdnp.model.inspect.RequestRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurlCommandTest {

    private static final InfoView DAEMON = new InfoView("mdnp", "0.1.0", Instant.EPOCH,
            "/run/docker/plugins/mdnp.sock", "/var/lib/mdnp", 0, 0, 0, 0, 1000, 0);

    @Test
    void commandSendsTheBodyToTheMethodPath() {
        RequestRecord join = call(1, "NetworkDriver.Join").request("{\"NetworkID\":\"n1\"}").build();

        assertThat(CurlCommand.of(join, DAEMON)).isEqualTo("curl --unix-socket /run/docker/plugins/mdnp.sock"
                + " -H 'Content-Type: application/json' -d '{\"NetworkID\":\"n1\"}'"
                + " http://localhost/NetworkDriver.Join");
    }

    @Test
    void unknownDaemonGetsAPlaceholderSocket() {
        assertThat(CurlCommand.of(call(1, "Plugin.Activate").build(), null))
                .startsWith("curl --unix-socket PLUGIN_SOCKET -H");
    }

    @Test
    void socketPathWithSpacesIsQuoted() {
        InfoView odd = new InfoView("mdnp", "0.1.0", Instant.EPOCH, "/tmp/my dir/p.sock", "/s", 0, 0, 0, 0, 1, 0);

        assertThat(CurlCommand.of(call(1, "Plugin.Activate").build(), odd)).contains("--unix-socket '/tmp/my dir/p.sock' ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Err\":\"it's broken\"}",
        "'",
        "''",
        "a'b'c",
        "$HOME `id` $(id) ${x}",
        "back\\slash \\' \\\\",
        "line one\nline two\n",
        "\"double\" and 'single' and \\\"mixed\\\"",
        "!event ~tilde *glob? [x] {a,b} ; & | < > #",
        "…unicode ünïcödé…",
        ""
    })
    void quotedWordSurvivesTheShell(String text) throws IOException, InterruptedException {
        assertThat(throughShell("printf %s " + CurlCommand.quote(text))).isEqualTo(text);
    }

    @Test
    void wholeCommandKeepsTheBodyAsOneArgument() throws IOException, InterruptedException {
        String body = "{\"Options\":{\"x\":\"it's $HOME\\n\"}}\n";
        String command = CurlCommand.of(call(1, "NetworkDriver.Join").request(body).build(), DAEMON);
        // Replace curl with a function that prints only the argument after -d.
        String script = "curl() { while [ \"$1\" != -d ]; do shift; done; printf %s \"$2\"; }; " + command;

        assertThat(throughShell(script)).isEqualTo(body);
    }

    private static String throughShell(String script) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        byte[] out = bash.getInputStream().readAllBytes();
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
