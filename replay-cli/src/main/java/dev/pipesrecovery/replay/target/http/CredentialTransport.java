package dev.pipesrecovery.replay.target.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a connection's credentials (API key, basic auth, OAuth client secret and token) may be sent: over HTTPS, or
 * over plain HTTP to a loopback address only (a local stand-in of the partner, a tunnel's local end). Anything else
 * would put the secret on the network in clear. The host is judged by its name ({@code localhost}) or its IP literal;
 * no name is resolved, so a DNS answer cannot turn a remote host into an allowed one.
 */
public final class CredentialTransport {

    private CredentialTransport() {}

    /**
     * @param credentials what would be sent, e.g. {@code the credentials of connection orders-conn}
     * @throws IllegalArgumentException naming them and the host when {@code url} is plain HTTP to another host
     */
    public static void requireSafe(URI url, String credentials) {
        if (url == null || !"http".equalsIgnoreCase(url.getScheme()) || isLoopback(url.getHost())) {
            return;
        }
        throw new IllegalArgumentException("refusing to send " + credentials + " over plain HTTP to " + url.getHost()
                + ": use an https:// URL (plain http only to a loopback address such as 127.0.0.1 or localhost)");
    }

    /** What {@link #requireSafe} names for a connection. */
    public static String ofConnection(String connection) {
        return "the credentials of connection " + connection;
    }

    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost")) {
            return true;
        }
        if (name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return true; // 127.0.0.0/8
        }
        if (name.startsWith("[") && name.endsWith("]") && name.contains(":")) {
            try {
                // an IPv6 literal is parsed, never looked up
                return InetAddress.getByName(name.substring(1, name.length() - 1))
                        .isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
