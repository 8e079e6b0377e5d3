package dev.mdnp.daemon.dataplane.firewall;

import java.util.List;

/**
 * One thing mdnp puts into an iptables table, a chain or a rule, as the argument lists that check for it, add it and
 * delete it again: every add is paired with the delete that undoes it. The lists start at {@code -t TABLE}; the
 * program and {@code -w} are put in front by the firewall.
 */
sealed interface IptablesEntry permits Chain, Rule {

    /** Returns the arguments of a command that exits 0 when the entry is present and 1 when it is absent. */
    List<String> check();

    /** Returns the arguments that add the entry. */
    List<String> add();

    /** Returns the arguments that delete the entry; they exit 1 when it is already gone. */
    List<String> delete();

    /** Returns a short description for messages, such as {@code chain MDNP-FORWARD}. */
    String describe();
}
