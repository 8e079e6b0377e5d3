package dev.mdnp.daemon.dataplane;

import dev.mdnp.daemon.dataplane.firewall.Protocol;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the host ports of published ports, each with a socket bound in this process: a listening TCP socket or a
 * bound UDP socket, as Docker's proxy holds them. The bind is the conflict check against other published ports,
 * Docker and any process on the host, and keeps them from taking the port later; the traffic itself never reaches
 * the socket, the firewall's DNAT sends it on first. Sockets die with the process and are taken again at start.
 *
 * <p>Thread-safe: every method is synchronized on this object, which guards the held sockets and the cursors.
 */
final class PortReservations implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PortReservations.class);
    /** Docker's fallback when the kernel's range cannot be read. */
    private static final int[] FALLBACK_RANGE = {49153, 65535};

    private final Map<Key, String> owners = new HashMap<>();
    private final Map<Key, Closeable> sockets = new HashMap<>();
    private final Map<Protocol, Integer> cursors = new EnumMap<>(Protocol.class);

    /** One held port: protocol, the address it is bound on, the port. */
    private record Key(Protocol protocol, String bindAddress, int port) {
    }

    /**
     * Takes a host port for each binding and returns the published ports: the requested port, the first free one of
     * a range, or a free one of the kernel's ephemeral range ({@code net.ipv4.ip_local_port_range}) for port 0.
     * Takes all or none.
     *
     * @throws PortUnavailableException naming the port when one cannot be taken
     */
    synchronized List<PublishedPort> reserve(String endpointId, List<PortBinding> bindings) {
        List<Key> taken = new ArrayList<>();
        List<PublishedPort> published = new ArrayList<>();
        try {
            for (PortBinding binding : bindings) {
                int port = binding.bindAddress().isEmpty() ? binding.request().containerPort()
                        : take(endpointId, binding, taken);
                for (PortBinding.Target target : binding.targets()) {
                    PortRequest request = binding.request();
                    published.add(target.routed()
                            ? new PublishedPort(request.protocol(), target.containerIp(), request.containerPort(),
                                    target.containerIp(), request.containerPort(), true)
                            : new PublishedPort(request.protocol(), target.hostIp(), port, target.containerIp(),
                                    request.containerPort(), false));
                }
            }
        } catch (PortUnavailableException e) {
            taken.forEach(this::close);
            throw e;
        }
        return List.copyOf(published);
    }

    /**
     * Takes again the host ports of ports published before a restart; a port that cannot be taken is logged and
     * skipped (its rules still hold it for the traffic).
     *
     * @return the ports that could not be taken, as messages
     */
    synchronized List<String> reserveAgain(String endpointId, List<PublishedPort> published) {
        List<String> failures = new ArrayList<>();
        for (Key key : keysOf(published)) {
            if (owners.containsKey(key)) {
                continue;
            }
            try {
                hold(key, endpointId);
            } catch (IOException e) {
                String failure = describe(key) + ": " + e.getMessage();
                log.error("published port of endpoint {} not held again after the restart: {}", shortId(endpointId),
                        failure);
                failures.add(failure);
            }
        }
        return failures;
    }

    /** Releases every host port of the endpoint; nothing held is nothing to do. */
    synchronized void release(String endpointId) {
        List<Key> held = owners.entrySet().stream().filter(e -> e.getValue().equals(endpointId))
                .map(Map.Entry::getKey).toList();
        held.forEach(this::close);
    }

    /** Releases every host port. */
    @Override
    public synchronized void close() {
        List.copyOf(owners.keySet()).forEach(this::close);
    }

    private int take(String endpointId, PortBinding binding, List<Key> taken) {
        PortRequest request = binding.request();
        int first = request.hostPort();
        int last = request.lastHostPort();
        boolean ephemeral = first == 0;
        if (ephemeral) {
            int[] range = ephemeralRange();
            first = range[0];
            last = range[1];
        }
        int size = last - first + 1;
        int start = ephemeral ? Math.floorMod(cursors.getOrDefault(request.protocol(), first) - first, size) : 0;
        String lastFailure = "";
        for (int i = 0; i < size; i++) {
            int port = first + (start + i) % size;
            Key key = new Key(request.protocol(), binding.bindAddress(), port);
            Optional<String> holder = holderOf(request.protocol(), port);
            if (holder.isPresent()) {
                lastFailure = "port is already published by endpoint " + shortId(holder.get());
                continue;
            }
            try {
                hold(key, endpointId);
                taken.add(key);
                if (ephemeral) {
                    cursors.put(request.protocol(), port + 1 > last ? first : port + 1);
                }
                return port;
            } catch (IOException e) {
                lastFailure = reason(e);
            }
        }
        String ports = ephemeral ? first + "-" + last : request.hostPorts();
        throw new PortUnavailableException("cannot publish " + request.protocol().iptablesName() + " port "
                + ports + " on " + binding.bindAddress() + (size > 1 ? ": no port of the range is free (last: "
                + lastFailure + ")" : ": " + lastFailure));
    }

    private Optional<String> holderOf(Protocol protocol, int port) {
        return owners.entrySet().stream()
                .filter(e -> e.getKey().protocol() == protocol && e.getKey().port() == port)
                .map(Map.Entry::getValue).findFirst();
    }

    private void hold(Key key, String endpointId) throws IOException {
        sockets.put(key, bind(key));
        owners.put(key, endpointId);
    }

    private void close(Key key) {
        owners.remove(key);
        Closeable socket = sockets.remove(key);
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            log.warn("could not close the socket holding {}: {}", describe(key), e.getMessage());
        }
    }

    private static Closeable bind(Key key) throws IOException {
        InetAddress address = IpPrefix.literal(key.bindAddress());
        ProtocolFamily family = address instanceof Inet6Address ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET;
        InetSocketAddress at = new InetSocketAddress(address, key.port());
        if (key.protocol() == Protocol.TCP) {
            ServerSocketChannel channel = ServerSocketChannel.open(family);
            try {
                channel.bind(at, 1);
                return channel;
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }
        DatagramChannel channel = DatagramChannel.open(family);
        try {
            channel.bind(at);
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Returns the held ports of published ports: one socket per protocol and port, dual-stack for two families. */
    private static List<Key> keysOf(List<PublishedPort> published) {
        Map<Key, List<String>> hostsByPort = new LinkedHashMap<>();
        for (PublishedPort port : published) {
            if (!port.routed()) {
                hostsByPort.computeIfAbsent(new Key(port.protocol(), "", port.hostPort()), k -> new ArrayList<>())
                        .add(port.hostIp());
            }
        }
        return hostsByPort.entrySet().stream().map(e -> new Key(e.getKey().protocol(),
                e.getValue().size() > 1 ? "::" : e.getValue().get(0), e.getKey().port())).toList();
    }

    private static int[] ephemeralRange() {
        try {
            String[] bounds = new Sysctl(List.of("net", "ipv4", "ip_local_port_range")).read().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (RuntimeException e) { // unreadable or malformed
            return FALLBACK_RANGE.clone();
        }
    }

    private static String reason(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("in use")) {
            return "port is already in use (Docker, another network plugin or a process on the host holds it)";
        }
        if (message.contains("assign requested address")) {
            return "the address is not one of the host's";
        }
        return message;
    }

    private static String describe(Key key) {
        return key.protocol().iptablesName() + " " + key.bindAddress() + ":" + key.port();
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
