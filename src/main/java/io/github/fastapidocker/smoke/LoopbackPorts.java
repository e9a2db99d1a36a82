package io.github.fastapidocker.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Ports for the smoke test: a free one on a loopback address of this machine to give the server,
 * and whether one is taken already where the probes go.
 */
public interface LoopbackPorts {

    /** A port nothing listens on right now at {@code address}, a loopback address of this machine. */
    int free(String address);

    /** Whether something accepts connections at {@code host}, port {@code port}. */
    boolean inUse(String host, int port);

    /** Always IPv4 loopback, whatever the JVM prefers. */
    String ADDRESS = "127.0.0.1";

    /** The real network. */
    LoopbackPorts SYSTEM = new LoopbackPorts() {
        @Override
        public int free(String address) {
            // Bound and closed at once: the small race with another process is accepted, the
            // container binds it a moment later.
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port on " + address, e);
            }
        }

        @Override
        public boolean inUse(String host, int port) {
            // Connect rather than bind: binding a port below 1024 fails for non-root users anyway,
            // and a remote engine's host can only be asked this way.
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    };
}
