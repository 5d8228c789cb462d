package dev.confab.cli.peer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a peer listens or is reached: {@code tcp://HOST:PORT} or {@code udp://HOST:PORT}. HOST is a
 * name, an IPv4 address or a bracketed IPv6 address ({@code tcp://[::1]:9000}); PORT 0 asks for any free
 * port when binding.
 */
public record PeerAddress(Transport transport, String host, int port) {
    public enum Transport { TCP, UDP }

    /** Parses an address; the message of the exception is fit to show the user as it is. */
    public static PeerAddress parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an address: '" + text + "' (expected tcp://HOST:PORT or udp://HOST:PORT)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Transport transport = switch (scheme) {
            case "tcp" -> Transport.TCP;
            case "udp" -> Transport.UDP;
            default -> throw new IllegalArgumentException("unknown transport in '" + text + "' (expected tcp:// or udp://)");
        };
        if (uri.getHost() == null || uri.getPort() < 0 || uri.getPort() > 65_535
                || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
            throw new IllegalArgumentException("not an address: '" + text + "' (expected " + scheme + "://HOST:PORT,"
                    + " IPv6 in brackets: " + scheme + "://[::1]:9000)");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new PeerAddress(transport, host, uri.getPort());
    }

    /** Resolves the host name; the exception message names the host. */
    public InetSocketAddress resolve() throws UnknownHostException {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("unknown host '" + host + "'");
        }
    }

    /** How a socket address reads in events: tcp://127.0.0.1:9000, udp://[::1]:9000. */
    public static String describe(Transport transport, InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : compress(address.getAddress().getHostAddress());
        return transport.name().toLowerCase(Locale.ROOT) + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Shortens the longest run of zero groups of an IPv6 address to "::" (0:0:0:0:0:0:0:1 → ::1). */
    static String compress(String ip) {
        if (!ip.contains(":") || ip.contains("::")) {
            return ip;
        }
        String[] groups = ip.split(":", -1);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(j, i + 1);
        }
        if (bestStart < 0) {
            return ip;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    /** The same address with another port (the one actually bound when 0 was asked for). */
    public PeerAddress withPort(int newPort) {
        return new PeerAddress(transport, host, newPort);
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return transport.name().toLowerCase(Locale.ROOT) + "://" + h + ":" + port;
    }
}
