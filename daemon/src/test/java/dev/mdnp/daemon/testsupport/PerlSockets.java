package dev.mdnp.daemon.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * Small socket programs in Perl (essential on Debian, so present wherever the tests run) for what busybox's
 * {@code nc} cannot do: UDP, and a TCP listener that tells whom it accepted. Each returns a command line to run on
 * the host, or after a namespace prefix ({@code ip netns exec NS}, {@code nsenter -t PID -n}); listeners are bounded
 * by {@code timeout}.
 */
public final class PerlSockets {

    /** ARGV: address, port, reply. Prints "listening", then "peer ADDRESS" for each connection it answers. */
    private static final String TCP_LISTENER = """
            use IO::Socket::INET;
            $| = 1;
            my $s = IO::Socket::INET->new(LocalAddr => $ARGV[0], LocalPort => $ARGV[1], Listen => 8,
                ReuseAddr => 1) or die "listen: $!\\n";
            print "listening\\n";
            while (my $c = $s->accept) {
                print "peer ", $c->peerhost, "\\n";
                print $c "$ARGV[2]\\n";
                close $c;
            }
            """;

    /** ARGV: address, port, reply. Prints "listening", then answers every datagram with the reply. */
    private static final String UDP_ECHO = """
            use IO::Socket::INET;
            $| = 1;
            my $s = IO::Socket::INET->new(LocalAddr => $ARGV[0], LocalPort => $ARGV[1], Proto => 'udp')
                or die "udp: $!\\n";
            print "listening\\n";
            while (1) {
                my $peer = $s->recv(my $message, 512);
                next unless defined $peer;
                $s->send($ARGV[2], 0, $peer);
            }
            """;

    /**
     * ARGV: address, port, seconds. Sends one datagram from a connected socket, so that only a reply from that
     * address and port counts, and prints the reply, or nothing when none comes within the seconds.
     */
    private static final String UDP_CLIENT = """
            use IO::Socket::INET;
            my $s = IO::Socket::INET->new(PeerAddr => $ARGV[0], PeerPort => $ARGV[1], Proto => 'udp')
                or die "udp: $!\\n";
            $s->send("hello");
            my $reply = '';
            eval {
                local $SIG{ALRM} = sub { die "timeout\\n" };
                alarm $ARGV[2];
                $s->recv($reply, 512);
                alarm 0;
            };
            print $reply;
            """;

    /** How long a listener lives at most: longer than any test that uses one. */
    private static final int LISTENER_SECONDS = 300;

    private PerlSockets() {
    }

    /** A TCP listener on {@code address:port} that answers {@code reply} and prints each peer's address. */
    public static List<String> tcpListener(String address, int port, String reply) {
        return listener(TCP_LISTENER, address, port, reply);
    }

    /** A UDP server on {@code address:port} that answers {@code reply} to every datagram. */
    public static List<String> udpEcho(String address, int port, String reply) {
        return listener(UDP_ECHO, address, port, reply);
    }

    /** Sends one datagram to {@code address:port} and prints the reply that comes within {@code seconds}. */
    public static List<String> udpClient(String address, int port, int seconds) {
        return List.of("perl", "-e", UDP_CLIENT, address, Integer.toString(port), Integer.toString(seconds));
    }

    private static List<String> listener(String script, String address, int port, String reply) {
        List<String> command = new ArrayList<>(List.of("timeout", Integer.toString(LISTENER_SECONDS)));
        command.addAll(List.of("perl", "-e", script, address, Integer.toString(port), reply));
        return command;
    }
}
