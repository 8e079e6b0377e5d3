package dev.mdnp.daemon.dataplane.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static final List<RuleTable.ChainName> CHAINS = List.of(
            new RuleTable.ChainName("filter", "MDNP-FORWARD"), new RuleTable.ChainName("filter", "MDNP-ISOLATION"));
    private static final RuleLine FORWARD_JUMP = rule("FORWARD", "-m comment --comment mdnp -j MDNP-FORWARD");
    private static final RuleLine DOCKER_USER_JUMP = placed(rule("DOCKER-USER",
            "-m comment --comment mdnp -j MDNP-FORWARD"), RuleLine.Placement.BEFORE_RETURN);
    private static final RuleLine ISOLATION_JUMP = placed(rule("MDNP-FORWARD",
            "-m comment --comment mdnp -j MDNP-ISOLATION"), RuleLine.Placement.FIRST);
    private static final RuleLine ACCEPT_BR0 = rule("MDNP-FORWARD",
            "-i br0 -o br0 -m comment --comment mdnp:br0 -j ACCEPT");
    private static final RuleLine DROP_BR0 = rule("MDNP-ISOLATION",
            "! -i br0 -o br0 -m comment --comment mdnp:br0 -j DROP");
    private static final List<RuleLine> WANTED = List.of(FORWARD_JUMP, ISOLATION_JUMP, ACCEPT_BR0, DROP_BR0);
    private static final List<RuleLine> WITH_DOCKER_USER = List.of(FORWARD_JUMP, DOCKER_USER_JUMP, ISOLATION_JUMP,
            ACCEPT_BR0, DROP_BR0);

    private static RuleLine rule(String chain, String spec) {
        return RuleLine.append("filter", chain, Tokens.split(spec));
    }

    private static RuleLine placed(RuleLine rule, RuleLine.Placement placement) {
        return new RuleLine(rule.table(), rule.chain(), rule.spec(), placement);
    }

    /** A filter table as iptables-save prints it: the built-in chains, then {@code lines} (chains, then rules). */
    private static Ruleset filter(String lines) {
        return Ruleset.parse("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n" + lines
                + "COMMIT\n");
    }

    private static Reconciliation plan(Ruleset present, List<RuleLine> wanted) {
        return Reconciliation.plan(present, CHAINS, wanted, RuleTable::isOwn, true);
    }

    /** The filter table holding exactly {@link #WANTED}, in its places. */
    private static final String COMPLETE = """
            :MDNP-FORWARD - [0:0]
            :MDNP-ISOLATION - [0:0]
            -A FORWARD -m comment --comment "mdnp" -j MDNP-FORWARD
            -A MDNP-FORWARD -m comment --comment "mdnp" -j MDNP-ISOLATION
            -A MDNP-FORWARD -i br0 -o br0 -m comment --comment "mdnp:br0" -j ACCEPT
            -A MDNP-ISOLATION ! -i br0 -o br0 -m comment --comment "mdnp:br0" -j DROP
            """;

    @Test
    void onEmptyTablesDeclaresTheChainsAndAddsEveryRuleAtItsPlacement() {
        Reconciliation plan = plan(filter(""), WANTED);

        assertThat(plan.script().render()).isEqualTo("""
                *filter
                :MDNP-FORWARD - [0:0]
                :MDNP-ISOLATION - [0:0]
                -A FORWARD -m comment --comment mdnp -j MDNP-FORWARD
                -I MDNP-FORWARD 1 -m comment --comment mdnp -j MDNP-ISOLATION
                -A MDNP-FORWARD -i br0 -o br0 -m comment --comment mdnp:br0 -j ACCEPT
                -A MDNP-ISOLATION ! -i br0 -o br0 -m comment --comment mdnp:br0 -j DROP
                COMMIT
                """);
        assertThat(plan.added()).containsExactlyElementsOf(WANTED);
        assertThat(plan.deleted()).isEmpty();
        assertThat(plan.chainsChanged()).isTrue();
    }

    @Test
    void tablesHoldingWhatIsWantedNeedNoChange() {
        Reconciliation plan = plan(filter(COMPLETE), WANTED);

        assertThat(plan.script().isEmpty()).isTrue();
        assertThat(plan.added()).isEmpty();
        assertThat(plan.deleted()).isEmpty();
        assertThat(plan.chainsChanged()).isFalse();
    }

    @Test
    void aRuleSpelledOtherwiseByIptablesIsTheWantedRule() {
        RuleLine ours = rule("MDNP-ISOLATION", "-s fd99:0:0:0:0:0:0:5/64 -m comment --comment mdnp:br0 -j DROP");
        Ruleset present = filter(":MDNP-FORWARD - [0:0]\n:MDNP-ISOLATION - [0:0]\n"
                + "-A MDNP-ISOLATION -s fd99::/64 -m comment --comment \"mdnp:br0\" -j DROP\n");

        assertThat(plan(present, List.of(ours)).script().isEmpty()).isTrue();
    }

    @Test
    void onlyTheMissingRulesAreAdded() {
        Ruleset present = filter(COMPLETE.replace("-A MDNP-FORWARD -i br0 -o br0 -m comment --comment \"mdnp:br0\""
                + " -j ACCEPT\n", ""));

        Reconciliation plan = plan(present, WANTED);

        assertThat(plan.added()).containsExactly(ACCEPT_BR0);
        assertThat(plan.script().render()).isEqualTo("""
                *filter
                -A MDNP-FORWARD -i br0 -o br0 -m comment --comment mdnp:br0 -j ACCEPT
                COMMIT
                """);
        assertThat(plan.chainsChanged()).isFalse();
    }

    @Test
    void aMissingFirstRuleIsInsertedAtOne() {
        Ruleset present = filter(COMPLETE.replace("-A MDNP-FORWARD -m comment --comment \"mdnp\" -j MDNP-ISOLATION\n",
                ""));

        assertThat(plan(present, WANTED).script().render())
                .contains("-I MDNP-FORWARD 1 -m comment --comment mdnp -j MDNP-ISOLATION\n");
    }

    @Test
    void aFirstRuleFoundLowerIsMovedToTheTop() {
        Ruleset present = filter("""
                :MDNP-FORWARD - [0:0]
                :MDNP-ISOLATION - [0:0]
                -A FORWARD -m comment --comment "mdnp" -j MDNP-FORWARD
                -A MDNP-FORWARD -i br0 -o br0 -m comment --comment "mdnp:br0" -j ACCEPT
                -A MDNP-FORWARD -m comment --comment "mdnp" -j MDNP-ISOLATION
                -A MDNP-ISOLATION ! -i br0 -o br0 -m comment --comment "mdnp:br0" -j DROP
                """);

        Reconciliation plan = plan(present, WANTED);

        assertThat(plan.deleted()).extracting(RuleLine::key).containsExactly(ISOLATION_JUMP.key());
        assertThat(plan.added()).containsExactly(ISOLATION_JUMP);
        assertThat(plan.script().render()).isEqualTo("""
                *filter
                -D MDNP-FORWARD -m comment --comment mdnp -j MDNP-ISOLATION
                -I MDNP-FORWARD 1 -m comment --comment mdnp -j MDNP-ISOLATION
                COMMIT
                """);
    }

    @Test
    void theDockerUserJumpGoesBeforeItsReturnAfterTheUsersRules() {
        Ruleset present = filter(COMPLETE + """
                :DOCKER-USER - [0:0]
                -A DOCKER-USER -s 192.0.2.9/32 -j DROP
                -A DOCKER-USER -j RETURN
                """);

        Reconciliation plan = plan(present, WITH_DOCKER_USER);

        assertThat(plan.script().render()).contains(
                "-I DOCKER-USER 2 -m comment --comment mdnp -j MDNP-FORWARD\n");
    }

    @Test
    void theDockerUserJumpIsAppendedWhenTheChainHasNoReturn() {
        Ruleset present = filter(COMPLETE + """
                :DOCKER-USER - [0:0]
                -A DOCKER-USER -s 192.0.2.9/32 -j DROP
                -A DOCKER-USER -i eth0 -j RETURN
                """);

        Reconciliation plan = plan(present, WITH_DOCKER_USER);

        assertThat(plan.script().render())
                .contains("-A DOCKER-USER -m comment --comment mdnp -j MDNP-FORWARD\n")
                .doesNotContain("-I DOCKER-USER");
    }

    @Test
    void aDockerUserJumpAfterTheReturnIsMovedBeforeIt() {
        Ruleset present = filter(COMPLETE + """
                :DOCKER-USER - [0:0]
                -A DOCKER-USER -j RETURN
                -A DOCKER-USER -m comment --comment "mdnp" -j MDNP-FORWARD
                """);

        Reconciliation plan = plan(present, WITH_DOCKER_USER);

        assertThat(plan.script().render()).isEqualTo("""
                *filter
                -D DOCKER-USER -m comment --comment mdnp -j MDNP-FORWARD
                -I DOCKER-USER 1 -m comment --comment mdnp -j MDNP-FORWARD
                COMMIT
                """);
    }

    @Test
    void insertPositionsCountOnlyTheRulesThatStay() {
        Ruleset present = filter(COMPLETE + """
                :DOCKER-USER - [0:0]
                -A DOCKER-USER -m comment --comment "mdnp:gone" -j DROP
                -A DOCKER-USER -s 192.0.2.9/32 -j DROP
                -A DOCKER-USER -j RETURN
                """);

        Reconciliation plan = plan(present, WITH_DOCKER_USER);

        assertThat(plan.script().render()).isEqualTo("""
                *filter
                -D DOCKER-USER -m comment --comment mdnp:gone -j DROP
                -I DOCKER-USER 2 -m comment --comment mdnp -j MDNP-FORWARD
                COMMIT
                """);
    }

    @Test
    void duplicatesOfAWantedRuleAreDeletedAndOneIsKept() {
        Ruleset present = filter(COMPLETE + """
                -A MDNP-FORWARD -i br0 -o br0 -m comment --comment "mdnp:br0" -j ACCEPT
                -A FORWARD -m comment --comment "mdnp" -j MDNP-FORWARD
                """);

        Reconciliation plan = plan(present, WANTED);

        assertThat(plan.added()).isEmpty();
        assertThat(plan.deleted()).extracting(RuleLine::key).containsExactlyInAnyOrder(ACCEPT_BR0.key(),
                FORWARD_JUMP.key());
        assertThat(plan.script().render()).isEqualTo("""
                *filter
                -D FORWARD -m comment --comment mdnp -j MDNP-FORWARD
                -D MDNP-FORWARD -i br0 -o br0 -m comment --comment mdnp:br0 -j ACCEPT
                COMMIT
                """);
    }

    @Test
    void aDuplicatedFirstRuleIsDeletedEverywhereAndInsertedAtOne() {
        Ruleset present = filter(COMPLETE + "-A MDNP-FORWARD -m comment --comment \"mdnp\" -j MDNP-ISOLATION\n");

        Reconciliation plan = plan(present, WANTED);

        // "-D" deletes the first equal rule: deleting only the duplicate would delete the rule at the top
        assertThat(plan.script().render()).isEqualTo("""
                *filter
                -D MDNP-FORWARD -m comment --comment mdnp -j MDNP-ISOLATION
                -D MDNP-FORWARD -m comment --comment mdnp -j MDNP-ISOLATION
                -I MDNP-FORWARD 1 -m comment --comment mdnp -j MDNP-ISOLATION
                COMMIT
                """);
    }

    @Test
    void aDuplicatedDockerUserJumpEndsBeforeTheReturn() {
        Ruleset present = filter(COMPLETE + """
                :DOCKER-USER - [0:0]
                -A DOCKER-USER -m comment --comment "mdnp" -j MDNP-FORWARD
                -A DOCKER-USER -j RETURN
                -A DOCKER-USER -m comment --comment "mdnp" -j MDNP-FORWARD
                """);

        Reconciliation plan = plan(present, WITH_DOCKER_USER);

        assertThat(plan.script().render()).isEqualTo("""
                *filter
                -D DOCKER-USER -m comment --comment mdnp -j MDNP-FORWARD
                -D DOCKER-USER -m comment --comment mdnp -j MDNP-FORWARD
                -I DOCKER-USER 1 -m comment --comment mdnp -j MDNP-FORWARD
                COMMIT
                """);
    }

    @Test
    void aRuleWantedTwiceIsKeptTwice() {
        Ruleset present = filter(COMPLETE);

        Reconciliation plan = plan(present, List.of(FORWARD_JUMP, ISOLATION_JUMP, ACCEPT_BR0, ACCEPT_BR0, DROP_BR0));

        assertThat(plan.added()).containsExactly(ACCEPT_BR0);
        assertThat(plan.deleted()).isEmpty();
    }

    @Test
    void ownRulesNobodyWantsAreDeleted() {
        Ruleset present = filter(COMPLETE + """
                -A FORWARD -j MDNP-FORWARD
                -A MDNP-FORWARD -i br9 -o br9 -m comment --comment "mdnp:br9" -j ACCEPT
                -A MDNP-ISOLATION -j DROP
                """);

        Reconciliation plan = plan(present, WANTED);

        assertThat(plan.deleted()).extracting(RuleLine::toString).containsExactly(
                "-t filter -A FORWARD -j MDNP-FORWARD",
                "-t filter -A MDNP-FORWARD -i br9 -o br9 -m comment --comment mdnp:br9 -j ACCEPT",
                "-t filter -A MDNP-ISOLATION -j DROP");
        assertThat(plan.added()).isEmpty();
    }

    @Test
    void foreignRulesAreNeverDeleted() {
        Ruleset present = filter(COMPLETE + """
                :DOCKER-USER - [0:0]
                :DOCKER-FORWARD - [0:0]
                -A FORWARD -j DOCKER-USER
                -A FORWARD -j DOCKER-FORWARD
                -A FORWARD -i eth0 -o br0 -j ACCEPT
                -A FORWARD -m comment --comment "mdnp-ish but not ours" -j ACCEPT
                -A DOCKER-USER -j RETURN
                -A DOCKER-FORWARD -i docker0 -j ACCEPT
                """);

        Reconciliation plan = plan(present, WANTED);

        assertThat(plan.deleted()).isEmpty();
        assertThat(plan.script().isEmpty()).isTrue();
    }

    @Test
    void strayChainsAreRemovedWithTheJumpsIntoThem() {
        Ruleset present = filter(COMPLETE + """
                :MDNP-OLD - [0:0]
                :MDNP-OLDER - [0:0]
                -A FORWARD -j MDNP-OLD
                -A MDNP-OLD -i br0 -j MDNP-OLDER
                -A MDNP-OLDER -j ACCEPT
                """);

        Reconciliation plan = plan(present, WANTED);

        assertThat(plan.chainsChanged()).isTrue();
        assertThat(plan.deleted()).extracting(RuleLine::toString).containsExactly("-t filter -A FORWARD -j MDNP-OLD");
        assertThat(plan.script().render()).isEqualTo("""
                *filter
                :MDNP-OLD - [0:0]
                :MDNP-OLDER - [0:0]
                -D FORWARD -j MDNP-OLD
                -X MDNP-OLD
                -X MDNP-OLDER
                COMMIT
                """);
    }

    @Test
    void strayChainsStayUnlessAskedFor() {
        Ruleset present = filter(COMPLETE + ":MDNP-OLD - [0:0]\n");

        Reconciliation plan = Reconciliation.plan(present, CHAINS, WANTED, RuleTable::isOwn, false);

        assertThat(plan.script().isEmpty()).isTrue();
        assertThat(plan.chainsChanged()).isFalse();
    }

    @Test
    void chainsWithoutMdnpsPrefixAreNeverRemoved() {
        Ruleset present = filter(COMPLETE + ":DOCKER-ISOLATION-STAGE-1 - [0:0]\n:mdnp-lower - [0:0]\n");

        assertThat(plan(present, WANTED).script().isEmpty()).isTrue();
    }

    @Test
    void onlyRulesInScopeAreDeleted() {
        Ruleset present = filter(COMPLETE + """
                -A MDNP-FORWARD -i br9 -o br9 -m comment --comment "mdnp:br9" -j ACCEPT
                -A MDNP-FORWARD -i br8 -o br8 -m comment --comment "mdnp:br8" -j ACCEPT
                """);
        Predicate<RuleLine> br9 = rule -> RuleTable.isOwn(rule) && rule.comment().equals("mdnp:br9");

        Reconciliation plan = Reconciliation.plan(present, CHAINS, WANTED, br9, false);

        assertThat(plan.deleted()).extracting(RuleLine::comment).containsExactly("mdnp:br9");
    }

    @Test
    void aMisplacedRuleOutOfScopeStays() {
        Ruleset present = filter("""
                :MDNP-FORWARD - [0:0]
                :MDNP-ISOLATION - [0:0]
                -A FORWARD -m comment --comment "mdnp" -j MDNP-FORWARD
                -A MDNP-FORWARD -i br0 -o br0 -m comment --comment "mdnp:br0" -j ACCEPT
                -A MDNP-FORWARD -m comment --comment "mdnp" -j MDNP-ISOLATION
                -A MDNP-ISOLATION ! -i br0 -o br0 -m comment --comment "mdnp:br0" -j DROP
                """);

        Reconciliation plan = Reconciliation.plan(present, CHAINS, WANTED, rule -> false, false);

        assertThat(plan.deleted()).isEmpty();
    }

    @Test
    void rulesOfTheRealLayoutAreAddedToEmptyTables() {
        Ruleset present = Ruleset.parse("""
                *raw
                :PREROUTING ACCEPT [0:0]
                :OUTPUT ACCEPT [0:0]
                COMMIT
                *nat
                :PREROUTING ACCEPT [0:0]
                :INPUT ACCEPT [0:0]
                :OUTPUT ACCEPT [0:0]
                :POSTROUTING ACCEPT [0:0]
                COMMIT
                *filter
                :INPUT ACCEPT [0:0]
                :FORWARD DROP [0:0]
                :OUTPUT ACCEPT [0:0]
                COMMIT
                """);
        List<RuleLine> wanted = RuleTable.base(IpFamily.IPV4, false);

        Reconciliation plan = Reconciliation.plan(present, RuleTable.chains(IpFamily.IPV4), wanted,
                RuleTable::isOwn, true);

        assertThat(plan.added()).containsExactlyElementsOf(wanted);
        assertThat(plan.deleted()).isEmpty();
    }
}
