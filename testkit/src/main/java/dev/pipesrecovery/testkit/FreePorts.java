package dev.pipesrecovery.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports for child processes that cannot bind port 0 and report it back. */
final class FreePorts {

    private FreePorts() {}

    /** A port that was free a moment ago (another process may still take it: callers fail clearly if so). */
    static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
