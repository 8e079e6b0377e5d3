package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleTableTest {

    private static final Map<String, String> UNDO = Map.of("-A", "-D", "-N", "-X");

    @Test
    void everyAddIsPairedWithTheDeleteThatUndoesIt() {
        List<IptablesEntry> entries = new ArrayList<>(RuleTable.base());
        for (IpFamily family : IpFamily.values()) {
            entries.addAll(RuleTable.network(new NetworkRules("br0", true), family));
        }

        assertThat(entries).isNotEmpty().allSatisfy(entry -> {
            List<String> expected = new ArrayList<>(entry.add());
            expected.set(2, UNDO.get(entry.add().get(2)));
            assertThat(entry.delete()).isEqualTo(expected);
        });
    }

    @Test
    void everyNetworkRuleLivesInTheOwnChainAndCarriesTheBridgesTag() {
        List<IptablesEntry> rules = RuleTable.network(new NetworkRules("br0", false), IpFamily.IPV4);

        assertThat(rules).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.add()).containsSequence("-A", "MDNP-FORWARD");
            assertThat(entry.add()).containsSequence("-m", "comment", "--comment", "mdnp:br0");
        });
    }
}
