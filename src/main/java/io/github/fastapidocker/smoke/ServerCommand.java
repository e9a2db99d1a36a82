package io.github.fastapidocker.smoke;

import java.util.ArrayList;
import java.util.List;

/** The server command a generated Dockerfile recorded, moved to where the smoke test reaches it. */
final class ServerCommand {
    private ServerCommand() {}

    /**
     * The recorded server command with {@code --port} moved and {@code --host} set to {@code address}
     * (this machine's loopback address probed, or every interface of a remote engine's host).
     */
    static List<String> onPort(List<String> command, int port, String address) {
        List<String> out = new ArrayList<>();
        boolean portSet = false;
        boolean hostSet = false;
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if ((arg.equals("--port") || arg.equals("--host")) && i + 1 < command.size()) {
                boolean isPort = arg.equals("--port");
                out.add(arg);
                out.add(isPort ? Integer.toString(port) : address);
                portSet |= isPort;
                hostSet |= !isPort;
                i++;
            } else if (arg.startsWith("--port=")) {
                out.add("--port=" + port);
                portSet = true;
            } else if (arg.startsWith("--host=")) {
                out.add("--host=" + address);
                hostSet = true;
            } else {
                out.add(arg);
            }
        }
        if (!portSet) {
            out.add("--port");
            out.add(Integer.toString(port));
        }
        if (!hostSet) {
            // Sharing the host's network, the server would otherwise listen on every interface.
            out.add("--host");
            out.add(address);
        }
        return out;
    }
}
