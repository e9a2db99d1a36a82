package io.github.fastapidocker.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1: a free one to give the server, and whether one is taken already. */
public interface LoopbackPorts {

    /** A port nothing listens on right now. */
    int free();

    /** Whether something accepts connections on the port. */
    boolean inUse(int port);

    /** Always IPv4 loopback, whatever the JVM prefers. */
    String ADDRESS = "127.0.0.1";

    /** The real loopback interface. */
    LoopbackPorts SYSTEM = new LoopbackPorts() {
        @Override
        public int free() {
            // Bound and closed at once: the small race with another process is accepted, the
            // container binds it a moment later.
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(ADDRESS))) {
                socket.setReuseAddress(true);
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port on 127.0.0.1", e);
            }
        }

        @Override
        public boolean inUse(int port) {
            // Connect rather than bind: binding a port below 1024 fails for non-root users anyway.
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByName(ADDRESS), port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    };
}
