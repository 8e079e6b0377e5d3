package dev.mdnp.daemon.testsupport;

import java.time.Instant;
import java.time.InstantSource;

/** Inspect API bodies as the daemon sends them, and the fixed "now" the command tests format ages against. */
public final class InspectBodies {

    public static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-28T22:00:00Z"));
    public static final String NET_ID = "8f6511a52af0d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c";
    public static final String NET2_ID = "77aa0011bb22cc33dd44ee55ff66007788990011aabbccddeeff001122334455";
    public static final String EP_ID = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80";

    public static final String INFO = """
            {"name":"mdnp","version":"0.1.0","startedAt":"2026-11-28T19:55:30Z",
             "pluginSocket":"/run/docker/plugins/mdnp.sock","stateDir":"/var/lib/mdnp/mdnp",
             "networks":2,"endpoints":1,"requests":42,"lastSeq":42,"historySize":10000,"droppedEvents":0}
            """;

    public static final String NETWORKS = """
            [{"id":"%s","name":"front","bridge":"mdnpb8f6511a52a","mtu":1400,
              "ipv4Subnets":["10.77.0.0/24"],"ipv6Subnets":["fd77::/64"],"gateways":["10.77.0.1/24","fd77::1/64"],
              "options":{},"endpoints":1,"createdAt":"2026-11-28T21:57:00Z"},
             {"id":"%s","bridge":"br-lab","mtu":0,
              "ipv4Subnets":[],"ipv6Subnets":[],"gateways":[],
              "options":{},"endpoints":0,"createdAt":"2026-11-26T21:00:00Z"}]
            """.formatted(NET_ID, NET2_ID);

    public static final String EP2_ID = "9c8d7e6f5a4b3c2d1e0f9c8d7e6f5a4b3c2d1e0f9c8d7e6f5a4b3c2d1e0f9c8d";

    /**
     * A joined endpoint of container web (alias www) with ports published in both families, and one as a daemon
     * without ports and containers sends it.
     */
    public static final String ENDPOINTS = """
            [{"id":"%s","networkId":"%s","hostIfName":"mdnph1a2b3c4d5e","containerIfName":"mdnpc1a2b3c4d5e",
              "mac":"02:42:0a:4d:00:02","ipv4Address":"10.77.0.2/24","ipv6Address":"fd77::2/64","joined":true,
              "sandboxKey":"/var/run/docker/netns/abc",
              "ports":[{"protocol":"tcp","hostIp":"0.0.0.0","hostPort":8080,"containerIp":"10.77.0.2",
                        "containerPort":80,"routed":false},
                       {"protocol":"tcp","hostIp":"::","hostPort":8080,"containerIp":"fd77::2",
                        "containerPort":80,"routed":false}],
              "container":{"id":"c0ffee4200aa%s","name":"web","aliases":["www"]}},
             {"id":"%s","networkId":"%s","hostIfName":"mdnph9c8d7e6f5a","containerIfName":"mdnpc9c8d7e6f5a",
              "mac":"02:42:0a:4d:00:03","ipv4Address":"10.77.0.3/24","ipv6Address":"","joined":false,
              "sandboxKey":""}]
            """.formatted(EP_ID, NET_ID, "0".repeat(52), EP2_ID, NET_ID);

    /** The base and two networks' firewall rules: the first network lacks two rules. */
    public static final String FIREWALL = """
            [{"networkId":"","bridge":"","missingRules":[]},
             {"networkId":"%s","bridge":"mdnpb8f6511a52a","missingRules":[
               "iptables -t nat -A MDNP-POSTROUTING -s 10.77.0.0/24 ! -o mdnpb8f6511a52a -j MASQUERADE",
               "iptables -t filter -A MDNP-FORWARD -i mdnpb8f6511a52a -o mdnpb8f6511a52a -j ACCEPT"]},
             {"networkId":"%s","bridge":"br-lab","missingRules":[]}]
            """.formatted(NET_ID, NET2_ID);

    /** Every rule in place, for the base and both networks. */
    public static final String FIREWALL_COMPLETE = """
            [{"networkId":"","bridge":"","missingRules":[]},
             {"networkId":"%s","bridge":"mdnpb8f6511a52a","missingRules":[]},
             {"networkId":"%s","bridge":"br-lab","missingRules":[]}]
            """.formatted(NET_ID, NET2_ID);

    public static final String LINKS = """
            [{"name":"mdnpb8f6511a52a","kind":"bridge","index":7,"peer":"","master":"","mtu":1400,
              "mac":"02:00:00:00:00:01","up":true,"operState":"UP","rxBytes":1536,"txBytes":900,
              "networkId":"%s","endpointId":"","drift":"NONE"},
             {"name":"mdnph1a2b3c4d5e","kind":"veth","index":0,"peer":"","master":"mdnpb8f6511a52a","mtu":0,
              "mac":"","up":false,"operState":"","rxBytes":0,"txBytes":0,
              "networkId":"%s","endpointId":"%s","drift":"MISSING_IN_KERNEL"},
             {"name":"mdnphdeadbeef00","kind":"veth","index":9,"peer":"mdnpcdeadbeef00","master":"","mtu":1500,
              "mac":"02:00:00:00:00:09","up":false,"operState":"DOWN","rxBytes":0,"txBytes":3145728,
              "networkId":"","endpointId":"","drift":"UNKNOWN_TO_STATE"}]
            """.formatted(NET_ID, NET_ID, EP_ID);

    public static final String POOLS = """
            [{"poolId":"MdnpLocal/10.77.0.0/24","addressSpace":"MdnpLocal","pool":"10.77.0.0/24","subPool":"",
              "used":2,"free":252},
             {"poolId":"MdnpLocal/10.78.0.0/16/10.78.1.0/24","addressSpace":"MdnpLocal","pool":"10.78.0.0/16",
              "subPool":"10.78.1.0/24","used":1,"free":253}]
            """;

    /** A named container whose eth0 was read, and one Docker has not named whose namespace is gone. */
    public static final String CONTAINERS = """
            [{"sandboxKey":"/var/run/docker/netns/abc",
              "container":{"id":"c0ffee00c0ffee00","name":"web","aliases":["www"]},
              "interfaces":[{"endpointId":"%s","networkId":"%s","name":"eth0","mac":"02:42:0a:4d:00:02",
                             "operState":"UP","rxBytes":378,"txBytes":2048,"problem":""}]},
             {"sandboxKey":"/var/run/docker/netns/def","container":{"id":"","name":"","aliases":[]},
              "interfaces":[{"endpointId":"%s","networkId":"%s","name":"","mac":"02:42:0a:4d:00:03",
                             "operState":"","rxBytes":0,"txBytes":0,
                             "problem":"the container's namespace is gone: /var/run/docker/netns/def does not exist"}]}]
            """.formatted(EP_ID, NET_ID, EP2_ID, NET_ID);

    private InspectBodies() {
    }

    /** A request record's JSON. */
    public static String record(long seq, String method, String networkId, String endpointId, int status, String error,
            long durationMicros, String start) {
        return ("{\"seq\":%d,\"start\":\"%s\",\"method\":\"%s\",\"networkId\":\"%s\",\"endpointId\":\"%s\","
                + "\"status\":%d,\"error\":\"%s\",\"requestJson\":\"{}\",\"responseJson\":\"{}\","
                + "\"durationMicros\":%d,\"phases\":{\"decodeMicros\":0,\"driverMicros\":0,\"kernelMicros\":0,"
                + "\"storeMicros\":0,\"encodeMicros\":0},\"kernelOps\":[]}")
                .formatted(seq, start, method, networkId, endpointId, status, error, durationMicros);
    }

    /** One SSE message carrying a request event. */
    public static String requestEvent(long seq, String recordJson) {
        return "id: " + seq + "\nevent: request\ndata: {\"type\":\"request\",\"seq\":" + seq + ",\"record\":"
                + recordJson + "}\n\n";
    }
}
