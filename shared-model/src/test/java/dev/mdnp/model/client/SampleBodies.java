package dev.mdnp.model.client;

/** Inspect API bodies as the daemon sends them, for the stub to serve. */
final class SampleBodies {

    static final String NET_ID = "8f6511a52af0d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c";
    static final String EP_ID = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80";

    static final String INFO = """
            {"name":"mdnp","version":"0.1.0","startedAt":"2026-11-28T21:00:00Z",
             "pluginSocket":"/run/docker/plugins/mdnp.sock","stateDir":"/var/lib/mdnp/mdnp",
             "networks":1,"endpoints":1,"requests":42,"lastSeq":42,"historySize":10000,"droppedEvents":0,
             "somethingNewer":true}
            """;

    static final String NETWORK = """
            {"id":"%s","bridge":"mdnpb8f6511a52a","mtu":1400,
             "ipv4Subnets":["10.77.0.0/24"],"ipv6Subnets":[],"gateways":["10.77.0.1/24"],
             "options":{"com.docker.network.driver.mtu":"1400"},"endpoints":1,
             "createdAt":"2026-11-28T21:10:00Z"}
            """.formatted(NET_ID);

    static final String ENDPOINT = """
            {"id":"%s","networkId":"%s","hostIfName":"mdnph1a2b3c4d5e","containerIfName":"mdnpc1a2b3c4d5e",
             "mac":"02:42:0a:4d:00:02","ipv4Address":"10.77.0.2/24","ipv6Address":"","joined":true,
             "sandboxKey":"/var/run/docker/netns/abc"}
            """.formatted(EP_ID, NET_ID);

    static final String ENDPOINT_WITH_PORTS = ENDPOINT.strip().replaceFirst("}$", """
            ,"ports":[{"protocol":"tcp","hostIp":"0.0.0.0","hostPort":32768,"containerIp":"10.77.0.2",
              "containerPort":80,"routed":false},
             {"protocol":"tcp","hostIp":"127.0.0.1","hostPort":18081,"containerIp":"10.77.0.2",
              "containerPort":80,"routed":false}]}""");

    static final String FIREWALL = """
            [{"networkId":"","bridge":"","missingRules":[]},
             {"networkId":"%s","bridge":"mdnpb8f6511a52a",
              "missingRules":["iptables -t nat -A MDNP-POSTROUTING -s 10.77.0.0/24 -j MASQUERADE"]}]
            """.formatted(NET_ID);

    static final String LINK = """
            {"name":"mdnpb8f6511a52a","kind":"bridge","index":7,"peer":"","master":"","mtu":1400,
             "mac":"02:00:00:00:00:01","up":true,"operState":"UP","rxBytes":1024,"txBytes":2048,
             "networkId":"%s","endpointId":"","drift":"NONE"}
            """.formatted(NET_ID);

    static final String POOL = """
            {"poolId":"MdnpLocal/10.77.0.0/24","addressSpace":"MdnpLocal","pool":"10.77.0.0/24","subPool":"",
             "used":2,"free":252}
            """;

    private SampleBodies() {
    }

    /** A request record's JSON with the given sequence number and outcome. */
    static String record(long seq, String method, int status, String error) {
        return """
                {"seq":%d,"start":"2026-11-28T21:40:02.113Z","method":"%s","networkId":"%s","endpointId":"%s",
                 "status":%d,"error":"%s","requestJson":"{}","responseJson":"{}","durationMicros":1920,
                 "phases":{"decodeMicros":10,"driverMicros":100,"kernelMicros":1500,"storeMicros":300,
                 "encodeMicros":10},
                 "kernelOps":[{"operation":"create bridge","target":"mdnpb8f6511a52a","durationMicros":1500,
                 "error":""}]}
                """.formatted(seq, method, NET_ID, EP_ID, status, error).replace("\n", "");
    }

    /** One SSE message carrying a request event. */
    static String requestEvent(long seq, String method) {
        return "id: " + seq + "\nevent: request\ndata: {\"type\":\"request\",\"seq\":" + seq + ",\"record\":"
                + record(seq, method, 200, "") + "}\n\n";
    }

    /** An array of the given JSON objects. */
    static String array(String... objects) {
        return "[" + String.join(",", objects) + "]";
    }
}
