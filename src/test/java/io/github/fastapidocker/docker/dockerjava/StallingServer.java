package io.github.fastapidocker.docker.dockerjava;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on loopback or a unix socket that accepts connections, optionally sends the start of
 * an answer, and then nothing more, until it is closed: a hung engine.
 */
final class StallingServer implements AutoCloseable {
    private final ServerSocketChannel server;
    private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
    private final String address;

    private StallingServer(ServerSocketChannel server, String address, String head) {
        this.server = server;
        this.address = address;
        Thread accept = new Thread(
                () -> {
                    try {
                        while (server.isOpen()) {
                            SocketChannel connection = server.accept();
                            connections.add(connection);
                            if (head != null) {
                                connection.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.UTF_8)));
                            }
                        }
                    } catch (IOException e) {
                        // Closed: the test is over.
                    }
                },
                "stalling-server");
        accept.setDaemon(true);
        accept.start();
    }

    /** On 127.0.0.1, a free port. */
    static StallingServer tcp(String head) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        return new StallingServer(server, "tcp://127.0.0.1:" + port, head);
    }

    /** On a unix socket at {@code path}. */
    static StallingServer unix(Path path, String head) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        return new StallingServer(server, "unix://" + path, head);
    }

    /** The engine address that reaches it. */
    String address() {
        return address;
    }

    int accepted() {
        return connections.size();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel connection : connections) {
            connection.close();
        }
    }
}
