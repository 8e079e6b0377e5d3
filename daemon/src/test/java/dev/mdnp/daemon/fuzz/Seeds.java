package dev.mdnp.daemon.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies the fuzzer starts from: the request goldens of shared-model ({@code golden/cnm}, {@code golden/ipam},
 * captured from Docker, cnm-remote-api.md §2–§3) for each route, plus each of them rebound to the objects of the
 * {@link Baseline} (the goldens' Join, Leave, Program … name a network no golden creates, and their pools carry
 * Docker's spy address space, which mdnp refuses), so that mutations reach the driver's and IPAM's checks on known
 * objects, not only "unknown id". The routes without arguments start from an empty body, as Docker sends them.
 */
final class Seeds {

    /** The network of the Join, Leave, Program … goldens, which no CreateNetwork golden creates. */
    static final String GOLDEN_ORPHAN_NETWORK = "c2ea9d4162735164162b93b6d7d0c26bcdd540daf44e1fc5c43a29713d2093cc";
    /** The address space of the IPAM goldens (the spy plugin's); mdnp's is {@code MdnpLocal}. */
    static final String GOLDEN_ADDRESS_SPACE = "CnmLocal";

    private static final Map<String, List<String>> GOLDENS = goldens();

    private final Map<String, List<Seed>> byRoute;
    private final List<Seed> all;

    /**
     * One body to start from.
     *
     * @param route the path it is sent to
     * @param name the golden it comes from and how it was rebound, for reports
     * @param body the JSON text; "" for an empty body
     */
    record Seed(String route, String name, String body) {
    }

    private Seeds(Map<String, List<Seed>> byRoute) {
        this.byRoute = byRoute;
        this.all = byRoute.values().stream().flatMap(List::stream).toList();
    }

    /** Loads the goldens and rebinds them to the baseline's objects. */
    static Seeds load() {
        Map<String, List<Seed>> byRoute = new LinkedHashMap<>();
        for (String route : Routes.ALL) {
            List<Seed> seeds = new ArrayList<>();
            List<String> files = GOLDENS.get(route);
            if (files == null) {
                seeds.add(new Seed(route, "empty", ""));
                seeds.add(new Seed(route, "{}", "{}"));
            } else {
                for (String file : files) {
                    String golden = golden(file);
                    seeds.add(new Seed(route, file, golden));
                    addIfNew(seeds, new Seed(route, file + " on N2/E2", onSecondEndpoint(golden)));
                    addIfNew(seeds, new Seed(route, file + " on N1/E1", onFirstEndpoint(golden)));
                    if (route.equals(Routes.DELETE_NETWORK)) {
                        addIfNew(seeds, new Seed(route, file + " on an unknown network", onUnknownNetwork(golden)));
                    }
                }
            }
            byRoute.put(route, List.copyOf(seeds));
        }
        return new Seeds(byRoute);
    }

    /** Returns the seeds of a route. */
    List<Seed> of(String route) {
        return byRoute.get(route);
    }

    /** Returns every seed of every route. */
    List<Seed> all() {
        return all;
    }

    /** Returns the text of a golden, {@code cnm/Join.request.json} for example. */
    static String golden(String file) {
        try (InputStream in = Seeds.class.getClassLoader().getResourceAsStream("golden/" + file)) {
            if (in == null) {
                throw new IllegalStateException("golden/" + file + " is not on the test classpath (shared-model's"
                        + " test jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rebinds a golden to N2 (the mtu golden's network) and E2, and to mdnp's address space. */
    static String onSecondEndpoint(String golden) {
        return golden.replace(GOLDEN_ORPHAN_NETWORK, Baseline.N2).replace(GOLDEN_ADDRESS_SPACE, "MdnpLocal");
    }

    /** Rebinds a golden to N1 (the ipv6,aux golden's network) and E1, and to mdnp's address space. */
    static String onFirstEndpoint(String golden) {
        return golden.replace(GOLDEN_ORPHAN_NETWORK, Baseline.N1).replace(Baseline.E2, Baseline.E1)
                .replace(GOLDEN_ADDRESS_SPACE, "MdnpLocal");
    }

    /** Rebinds a golden on N1 (DeleteNetwork's) to the network of the other goldens, which mdnp does not know. */
    static String onUnknownNetwork(String golden) {
        return golden.replace(Baseline.N1, GOLDEN_ORPHAN_NETWORK);
    }

    private static void addIfNew(List<Seed> seeds, Seed seed) {
        if (seeds.stream().noneMatch(other -> other.body().equals(seed.body()))) {
            seeds.add(seed);
        }
    }

    private static Map<String, List<String>> goldens() {
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put(Routes.CREATE_NETWORK, List.of("cnm/CreateNetwork.request.ipv6,aux.json",
                "cnm/CreateNetwork.request.mtu.json"));
        files.put(Routes.DELETE_NETWORK, List.of("cnm/DeleteNetwork.request.json"));
        files.put(Routes.ALLOCATE_NETWORK, List.of("cnm/AllocateNetwork.request.json"));
        files.put(Routes.FREE_NETWORK, List.of("cnm/FreeNetwork.request.json"));
        files.put(Routes.CREATE_ENDPOINT, List.of("cnm/CreateEndpoint.request.json"));
        files.put(Routes.DELETE_ENDPOINT, List.of("cnm/DeleteEndpoint.request.json"));
        files.put(Routes.ENDPOINT_OPER_INFO, List.of("cnm/EndpointOperInfo.request.json"));
        files.put(Routes.JOIN, List.of("cnm/Join.request.json"));
        files.put(Routes.LEAVE, List.of("cnm/Leave.request.json"));
        files.put(Routes.PROGRAM, List.of("cnm/ProgramExternalConnectivity.request.json"));
        files.put(Routes.REVOKE, List.of("cnm/RevokeExternalConnectivity.request.json"));
        files.put(Routes.DISCOVER_NEW, List.of("cnm/DiscoverNew.request.json"));
        files.put(Routes.DISCOVER_DELETE, List.of("cnm/DiscoverDelete.request.json"));
        files.put(Routes.REQUEST_POOL, List.of("ipam/RequestPool.request.any.json",
                "ipam/RequestPool.request.subpool.json", "ipam/RequestPool.request.v6.json"));
        files.put(Routes.RELEASE_POOL, List.of("ipam/ReleasePool.request.json"));
        files.put(Routes.REQUEST_ADDRESS, List.of("ipam/RequestAddress.request.any.json",
                "ipam/RequestAddress.request.aux.json", "ipam/RequestAddress.request.gateway,v6,any.json",
                "ipam/RequestAddress.request.gateway.json", "ipam/RequestAddress.request.mac.json"));
        files.put(Routes.RELEASE_ADDRESS, List.of("ipam/ReleaseAddress.request.json"));
        return files;
    }
}
