package io.github.fastapidocker.docker;

import io.github.fastapidocker.docker.config.DockerCliConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Where to find the engine: an explicit host, or the docker CLI's own rules (DOCKER_HOST,
 * DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, DOCKER_CONTEXT or the current context in the docker config,
 * then the default socket), which the adapter applies; when none of those names one and the
 * default socket is missing, the sockets of the common engines ({@link EngineSockets}). How the user sets the explicit host, and
 * how to change it, is the caller's to say: this package knows no build tool.
 *
 * @param explicitHost the configured host, or {@code null}
 * @param explicitSource where the explicit host was configured, as the user would look for it
 * @param howToChange the hint every "cannot reach the engine" message ends with
 */
public record EngineLocation(String explicitHost, String explicitSource, String howToChange) {

    /** With the docker CLI's ways only: for callers that have no setting of their own. */
    public EngineLocation(String explicitHost) {
        this(
                explicitHost,
                "the configured host",
                "Start the Docker engine, or point at one with DOCKER_HOST or 'docker context use NAME'");
    }

    /** Where the host came from, for messages that tell the user how to change it. */
    public String source(Map<String, String> env) {
        return source(env, Path.of(System.getProperty("user.home")), message -> {});
    }

    /**
     * Where the host came from.
     *
     * @param home the user's home, where the docker config is when DOCKER_CONFIG is not set
     * @param debug told why the docker config was ignored, if it was
     */
    public String source(Map<String, String> env, Path home, Consumer<String> debug) {
        return named(env, home, debug).orElse("the default socket");
    }

    /**
     * The engine to connect to.
     *
     * @param host the address to connect to, or {@code null} to let the docker CLI's rules find it
     * @param source where it came from, for messages
     * @param found the socket found by searching, if one was
     */
    public record Resolved(String host, String source, Optional<EngineSockets.Place> found) {}

    /**
     * Where to connect: what names the engine (the explicit host, DOCKER_HOST, a docker context)
     * always wins, and then nothing is searched; else the default socket if it exists, else the
     * first of {@link EngineSockets#candidates} that exists. When none does, the docker CLI's
     * default stays, and the source lists every place tried.
     *
     * @param exists whether a socket is at a path (a test hands in its own)
     */
    public Resolved resolve(Map<String, String> env, Path home, Predicate<Path> exists, Consumer<String> debug) {
        Optional<String> named = named(env, home, debug);
        if (named.isPresent()) {
            return new Resolved(null, named.get(), Optional.empty());
        }
        EngineSockets.Search search = EngineSockets.search(env, home, exists);
        if (search.found().isEmpty()) {
            return new Resolved(
                    null,
                    "the default socket; no engine socket at any usual place: " + search.triedPlaces(),
                    Optional.empty());
        }
        EngineSockets.Place place = search.found().get();
        if (place.socket().equals(EngineSockets.DEFAULT_SOCKET)) {
            return new Resolved(null, "the default socket", Optional.empty());
        }
        return new Resolved(
                "unix://" + place.socket(),
                place.engine() + "'s socket, found at " + place.socket() + " (" + EngineSockets.DEFAULT_SOCKET
                        + " is missing)",
                Optional.of(place));
    }

    /**
     * The host part of an engine address reached over the network ({@code tcp://docker:2375},
     * {@code tcp://[::1]:2376}, {@code http://} and {@code https://} alike): the name or address,
     * without brackets, port or user; empty for a local socket ({@code unix://}, {@code npipe://}) or
     * an address without a host. The engine's published ports, and a server on its host network,
     * are on that host. Pure: it reads nothing but the address.
     *
     * @param engineAddress the address the engine was reached at, as the adapter reports it
     */
    public static Optional<String> networkHost(String engineAddress) {
        if (engineAddress == null) {
            return Optional.empty();
        }
        String address = engineAddress.trim();
        int schemeEnd = address.indexOf("://");
        if (schemeEnd < 0) {
            return Optional.empty();
        }
        String scheme = address.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String authority = address.substring(schemeEnd + 3);
        int slash = authority.indexOf('/');
        authority = slash < 0 ? authority : authority.substring(0, slash);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = close < 0 ? "" : authority.substring(1, close);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
        }
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    /** The explicit host, DOCKER_HOST or a docker context other than "default", if one names the engine. */
    private Optional<String> named(Map<String, String> env, Path home, Consumer<String> debug) {
        if (explicitHost != null && !explicitHost.isBlank()) {
            return Optional.of(explicitSource);
        }
        if (env.get("DOCKER_HOST") != null && !env.get("DOCKER_HOST").isBlank()) {
            return Optional.of("DOCKER_HOST");
        }
        return context(env, home, debug).map(name -> "docker context " + name);
    }

    /**
     * The docker context other than "default" that names the engine, as {@code 'NAME' (WHERE)}:
     * DOCKER_CONTEXT, else the current context of the docker config. Only to name it in messages,
     * and to know that docker-java must apply it.
     */
    public static Optional<String> context(Map<String, String> env, Path home, Consumer<String> debug) {
        String context = env.get("DOCKER_CONTEXT");
        if (context != null && !context.isBlank()) {
            return context.trim().equals("default")
                    ? Optional.empty()
                    : Optional.of("'" + context.trim() + "' (DOCKER_CONTEXT)");
        }
        DockerCliConfig config = DockerCliConfig.readOrEmpty(DockerCliConfig.locate(env, home), debug);
        return config.currentContext()
                .filter(name -> !name.equals("default"))
                .map(name -> "'" + name + "' (" + config.file() + ")");
    }
}
