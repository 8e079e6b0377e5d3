package dev.mdnp.daemon.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of a namespace whose names start with {@code mdnp}, read with {@code ip -j -d addr show}, and the
 * {@code mdnp…} interface names that its iptables rules mention.
 *
 * @param links the {@code mdnp…} links by name
 * @param firewallNames the {@code mdnp…} interface names rules of {@code iptables -S} of the filter and nat tables
 *     match (comments left out)
 */
public record KernelSnapshot(Map<String, KernelLink> links, Set<String> firewallNames) {

    private static final Pattern MDNP_NAME = Pattern.compile("\\bmdnp[A-Za-z0-9_.-]+");

    /** Copies the collections. */
    public KernelSnapshot {
        links = Map.copyOf(links);
        firewallNames = Set.copyOf(firewallNames);
    }

    /**
     * One link.
     *
     * @param name its name
     * @param kind {@code bridge}, {@code veth}, … ("" when {@code ip} shows none)
     * @param up whether it is administratively up (flag {@code UP})
     * @param master the name of the bridge it is a port of, "" for none
     * @param group its device group as {@code ip} prints it: {@code default} or a number
     * @param ipv4 its IPv4 addresses as {@code address/prefix}
     */
    public record KernelLink(String name, String kind, boolean up, String master, String group, List<String> ipv4) {

        /** Copies the list. */
        public KernelLink {
            ipv4 = List.copyOf(ipv4);
        }
    }

    /** Reads the links and the firewall of {@code netns}. */
    public static KernelSnapshot read(NamedNetns netns, ObjectMapper json) throws IOException, InterruptedException {
        Map<String, KernelLink> links = new LinkedHashMap<>();
        for (JsonNode link : json.readTree(netns.ip("-j", "-d", "addr", "show"))) {
            String name = link.path("ifname").asText();
            if (!name.startsWith("mdnp")) {
                continue;
            }
            boolean up = false;
            for (JsonNode flag : link.path("flags")) {
                up |= "UP".equals(flag.asText());
            }
            List<String> ipv4 = new ArrayList<>();
            for (JsonNode address : link.path("addr_info")) {
                if ("inet".equals(address.path("family").asText())) {
                    ipv4.add(address.path("local").asText() + "/" + address.path("prefixlen").asInt());
                }
            }
            links.put(name, new KernelLink(name, link.path("linkinfo").path("info_kind").asText(), up,
                    link.path("master").asText(), link.path("group").asText(), ipv4));
        }
        Set<String> firewallNames = new TreeSet<>();
        for (String table : List.of("filter", "nat")) {
            // comments name the daemon too (mdnp:NAME:BRIDGE): only the interfaces the rules match count
            String rules = netns.exec("iptables", "-w", "-t", table, "-S").replaceAll("--comment \\S+", "");
            Matcher matcher = MDNP_NAME.matcher(rules);
            while (matcher.find()) {
                firewallNames.add(matcher.group());
            }
        }
        return new KernelSnapshot(links, firewallNames);
    }

    /** Returns the link called {@code name}, if there is one. */
    public Optional<KernelLink> link(String name) {
        return Optional.ofNullable(links.get(name));
    }
}
