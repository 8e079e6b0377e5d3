package dev.mdnp.inspector.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterCompletionsTest {

    private final FilterCompletions completions = new FilterCompletions(
            Set.of("NetworkDriver.Join", "NetworkDriver.Leave", "IpamDriver.RequestPool", "Plugin.Activate"),
            Set.of("8f6511a5c0ffee0123456789"), Set.of("1a2b3c4d5e6f7a8b9c"));

    @Test
    void completesKeysForTheWordBeingTyped() {
        assertThat(completions.suggest("status:error s")).containsExactly("status:error since:",
                "status:error slower-than:", "status:error status:");
        assertThat(completions.suggest("-me")).containsExactly("-method:");
    }

    @Test
    void completesMethodsSeenByTheirShortName() {
        assertThat(completions.suggest("method:j")).containsExactly("method:Join");
        assertThat(completions.suggest("ep:1a -method:e")).containsExactly("ep:1a -method:Activate",
                "ep:1a -method:Leave", "ep:1a -method:RequestPool");
    }

    @Test
    void completesIdsToTheirShortForm() {
        assertThat(completions.suggest("net:8f")).containsExactly("net:8f6511a5c0ff");
        assertThat(completions.suggest("ep:")).containsExactly("ep:1a2b3c4d5e6f");
        assertThat(completions.suggest("net:zz")).isEmpty();
    }

    @Test
    void completesFixedValues() {
        assertThat(completions.suggest("status:")).containsExactly("status:4xx", "status:5xx", "status:error",
                "status:ok");
        assertThat(completions.suggest("slower-than:1")).containsExactly("slower-than:100ms", "slower-than:1ms");
    }

    @Test
    void suggestsNothingForAnEmptyWordOrAnUnknownKey() {
        assertThat(completions.suggest("")).isEmpty();
        assertThat(completions.suggest("method:Join ")).isEmpty();
        assertThat(completions.suggest("foo:")).isEmpty();
    }
}
