package io.github.fastapidocker.smoke;

import io.github.fastapidocker.docker.EngineLocation;
import io.github.fastapidocker.kernel.ConfigurationException;
import io.github.fastapidocker.kernel.Hints;
import io.github.fastapidocker.kernel.Setting;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the smoke test reaches the server, and so where the server must listen: the configured
 * host; else, for an engine reached over the network ({@code tcp://docker:2375}, GitLab's
 * Docker-in-Docker service, a build host over TLS, a docker context), the host of its address,
 * since its published ports and its host network are there; else 127.0.0.1, for an engine on a
 * local socket. A host on this machine's loopback keeps every port on that very address; any
 * other is a remote engine's, reached from outside, so the server listens on all its interfaces.
 *
 * @param host the name or address probed; an IPv6 address without brackets
 * @param origin why this host
 * @param engineAddress the engine's address as the adapter reports it, for the log
 */
record ProbeHost(String host, Origin origin, String engineAddress) {

    /** Why the smoke test probes where it does. */
    enum Origin {
        /** The user configured it. */
        SETTING,
        /** The engine is reached over the network: the host of its address. */
        ENGINE_HOST,
        /** The engine is on a local socket: 127.0.0.1. */
        LOCAL_SOCKET
    }

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");

    /**
     * The host to probe.
     *
     * @param configured the validated setting ({@link #parse}), or {@code null}
     * @param engineAddress where the engine was reached ({@code tcp://...}, {@code unix://...})
     */
    static ProbeHost choose(String configured, String engineAddress) {
        if (configured != null) {
            return new ProbeHost(canonical(configured), Origin.SETTING, engineAddress);
        }
        Optional<String> remote = EngineLocation.networkHost(engineAddress);
        return remote.map(h -> new ProbeHost(canonical(h), Origin.ENGINE_HOST, engineAddress))
                .orElseGet(() -> new ProbeHost(LoopbackPorts.ADDRESS, Origin.LOCAL_SOCKET, engineAddress));
    }

    /**
     * The configured host, checked: a host name, an IPv4 address, or an IPv6 address with or without
     * brackets (returned without them); no scheme, port or path.
     *
     * @return the host, or {@code null} when none is configured
     * @throws ConfigurationException naming the setting and what is wrong with the value
     */
    static String parse(String value, Hints hints) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        String problem = problem(v);
        if (problem != null) {
            throw new ConfigurationException(hints.name(Setting.SMOKE_HOST)
                    + " must be a host name or an IP address (IPv6 with or without brackets), without scheme, port"
                    + " or path, was '" + value + "': " + problem);
        }
        return v.startsWith("[") ? v.substring(1, v.length() - 1) : v;
    }

    private static String problem(String v) {
        if (v.contains("://")) {
            return "it has a scheme";
        }
        if (v.contains("/")) {
            return "it has a path";
        }
        if (v.chars().anyMatch(Character::isWhitespace)) {
            return "it has a space";
        }
        if (v.startsWith("[")) {
            if (!v.endsWith("]")) {
                return v.contains("]:") ? "it has a port" : "the bracket is not closed";
            }
            return isIpv6(v.substring(1, v.length() - 1)) ? null : "not an IPv6 address between the brackets";
        }
        if (v.contains(":")) {
            if (isIpv6(v)) {
                return null;
            }
            return v.indexOf(':') == v.lastIndexOf(':') ? "it has a port" : "not an IPv6 address";
        }
        if (v.matches("[0-9.]+")) {
            return IPV4.matcher(v).matches() ? null : "not an IPv4 address";
        }
        return isHostName(v) ? null : "not a host name";
    }

    private static boolean isHostName(String v) {
        String name = v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String v) {
        return v.contains(":") && literal(v).isPresent();
    }

    /**
     * An IPv6 literal parsed by the JDK: between brackets it never looks a name up, it parses or
     * fails.
     */
    private static Optional<InetAddress> literal(String ipv6) {
        try {
            return Optional.of(InetAddress.getByName("[" + ipv6 + "]"));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code localhost}, {@code 0.0.0.0} and {@code ::} name this machine: probe 127.0.0.1. */
    private static String canonical(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("0.0.0.0")) {
            return LoopbackPorts.ADDRESS;
        }
        if (h.contains(":") && literal(h).map(InetAddress::isAnyLocalAddress).orElse(false)) {
            return LoopbackPorts.ADDRESS;
        }
        return host;
    }

    /** Whether the host is a loopback address of this machine (127.0.0.0/8, ::1). */
    boolean onThisMachine() {
        if (IPV4.matcher(host).matches()) {
            return host.startsWith("127.");
        }
        return host.contains(":")
                && literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /**
     * Where a server the plugin starts on the host network listens: the loopback address itself, so
     * that nothing leaves it; else every interface of the engine's host, which is reached from
     * outside.
     */
    String serverAddress() {
        if (onThisMachine()) {
            return host;
        }
        return host.contains(":")
                        && literal(host).filter(a -> a instanceof Inet6Address).isPresent()
                ? "::"
                : "0.0.0.0";
    }

    /** Where the bridge network publishes the port: the loopback address, or {@code null} for every interface. */
    String publishAddress() {
        return onThisMachine() ? host : null;
    }

    /** {@code 127.0.0.2:8000}, {@code [::1]:8000}. */
    String authority(int port) {
        return (host.contains(":") ? "[" + host.replace("%", "%25") + "]" : host) + ":" + port;
    }

    /**
     * The URI of {@code path} on {@code port} of this host; non-ASCII characters percent-encoded as
     * UTF-8 ({@code /héllo} is sent as {@code /h%C3%A9llo}: a raw one is no valid request line).
     */
    URI uri(int port, String path) {
        return URI.create(URI.create("http://" + authority(port) + path).toASCIIString());
    }

    /**
     * What to check when nothing answers here: whether this machine reaches the engine's host under
     * that name. Empty for a local socket.
     */
    String unreachableHint(Hints hints) {
        return switch (origin) {
            case SETTING -> "The probes go to " + host + ", from " + hints.name(Setting.SMOKE_HOST) + ".";
            case ENGINE_HOST -> "The probes go to " + host + ", the host of the engine at " + engineAddress
                    + ": if this machine reaches its ports under another name or address, set "
                    + hints.name(Setting.SMOKE_HOST) + ".";
            case LOCAL_SOCKET -> "";
        };
    }

    /** Why the smoke test probes here, and how to change it. */
    String describe(Hints hints) {
        return switch (origin) {
            case SETTING -> "from " + hints.name(Setting.SMOKE_HOST);
            case ENGINE_HOST -> "the host of the engine at " + engineAddress + "; override with "
                    + hints.name(Setting.SMOKE_HOST);
            case LOCAL_SOCKET -> "the engine is on a local socket; override with " + hints.name(Setting.SMOKE_HOST);
        };
    }
}
