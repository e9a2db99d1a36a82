package io.github.fastapidocker.docker.dockerjava;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.SSLConfig;
import io.github.fastapidocker.docker.EngineLocation;
import io.github.fastapidocker.docker.EngineSockets;
import io.github.fastapidocker.docker.EngineTimeouts;
import io.github.fastapidocker.docker.EngineUnavailableException;
import io.github.fastapidocker.docker.config.DockerCliConfig;
import io.github.fastapidocker.docker.json.JsonTrees;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Finds the engine and sets up the client to it: docker-java applies the docker CLI's rules; when
 * they come to the default socket and it is missing, the socket {@link EngineLocation#resolve}
 * found is used instead.
 */
final class EngineConnector {
    /** The host docker-java falls back to when nothing names one. */
    private static final URI DEFAULT_SOCKET = URI.create("unix://" + EngineSockets.DEFAULT_SOCKET);

    private EngineConnector() {}

    /** With the environment, the home and the test for a socket ({@code null}: no search) handed in. */
    static DockerJavaEngine connect(
            EngineLocation location,
            EngineTimeouts timeouts,
            Consumer<String> found,
            Map<String, String> env,
            Path home,
            Predicate<Path> exists) {
        HttpClientSetup.quietHttpWireLogs();
        EngineLocation.Resolved resolved = exists == null
                ? new EngineLocation.Resolved(null, location.source(env, home, m -> {}), Optional.empty())
                : location.resolve(env, home, exists, message -> {});
        String source = resolved.source();
        Optional<URI> plain = plainSocket(location, resolved, env, home, System.getProperties());
        if (plain.isPresent()) {
            if (resolved.host() != null) {
                found.accept("Docker engine: " + source);
            }
            return client(plain.get(), HttpClientSetup.PLAIN_SOCKET, source, location, timeouts);
        }
        if (source.startsWith("docker context ")) {
            checkContext(env, home);
        }
        DockerClientConfig config;
        try {
            DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
            if (location.explicitHost() != null && !location.explicitHost().isBlank()) {
                builder.withDockerHost(location.explicitHost().trim());
            }
            config = builder.build();
            if (resolved.host() != null && config.getDockerHost().equals(DEFAULT_SOCKET)) {
                config = builder.withDockerHost(resolved.host()).build();
                found.accept("Docker engine: " + source);
            } else if (resolved.host() != null) {
                // docker-java's own settings named one: a DOCKER_HOST system property or ~/.docker-java.properties.
                source = "docker-java's DOCKER_HOST (a system property or ~/.docker-java.properties)";
            }
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(
                    EngineErrors.configurationProblem(e.getMessage(), source, location.howToChange()), e);
        }
        URI host = config.getDockerHost();
        EngineAddress.check(host, source, location.howToChange());
        SSLConfig ssl = HttpClientSetup.isLocalSocket(host)
                ? HttpClientSetup.PLAIN_SOCKET
                : HttpClientSetup.once(config.getSSLConfig());
        if (!HttpClientSetup.isLocalSocket(host)) {
            EngineAddress.checkTls(config.getSSLConfig(), ssl, source);
        }
        return client(host, ssl, source, location, timeouts);
    }

    /** The docker context that names the engine (DOCKER_CONTEXT, else the config's current one) must exist. */
    private static void checkContext(Map<String, String> env, Path home) {
        Path file = DockerCliConfig.locate(env, home);
        String named = env.get("DOCKER_CONTEXT");
        if (named != null && !named.isBlank()) {
            EngineAddress.checkContext(
                    Optional.of(named.trim()).filter(name -> !name.equals("default")),
                    file.getParent(),
                    "DOCKER_CONTEXT");
            return;
        }
        EngineAddress.checkContext(
                DockerCliConfig.readOrEmpty(file, message -> {})
                        .currentContext()
                        .filter(name -> !name.equals("default")),
                file.getParent(),
                file.toString());
    }

    private static DockerJavaEngine client(
            URI host, SSLConfig ssl, String source, EngineLocation location, EngineTimeouts timeouts) {
        Supplier<DockerHttpClient> clients = () -> httpClient(host, ssl, timeouts);
        return new DockerJavaEngine(clients.get(), clients, host.toString(), source, location.howToChange(), timeouts);
    }

    /** A unix socket gets {@link UnixSocketHttpClient}; TCP, TLS and named pipes docker-java's client. */
    static DockerHttpClient httpClient(URI host, SSLConfig ssl, EngineTimeouts timeouts) {
        if ("unix".equals(host.getScheme())) {
            return new UnixSocketHttpClient(host.getPath());
        }
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(host)
                .sslConfig(ssl)
                .connectionTimeout(timeouts.connect())
                .maxConnections(16)
                .build();
    }

    /**
     * Loads and links, without connecting anywhere, what opening an engine and reading its first
     * answers need: a client to the default socket as {@link #connect} builds one, closed again
     * (the transport opens a socket on its first request only), and the JSON reader, which reads
     * one answer. The goals have this done on a thread of their own while Maven still configures
     * them. Any failure is left to the goal's own connection, made the same way, to report.
     */
    static void prepare() {
        try {
            HttpClientSetup.quietHttpWireLogs();
            httpClient(DEFAULT_SOCKET, HttpClientSetup.PLAIN_SOCKET, EngineTimeouts.defaults())
                    .close();
            JsonTrees.read("{\"Id\":\"sha256:0\",\"RepoTags\":[\"a:b\"],\"Size\":1,\"Labels\":null}"
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException | LinkageError e) {
            // The goal's own connection says what is wrong.
        }
    }

    /**
     * The system properties through which docker-java's own configuration can name the engine or
     * its TLS set-up, besides {@code ~/.docker-java.properties}.
     */
    static final List<String> DOCKER_JAVA_PROPERTIES =
            List.of("DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH");

    /**
     * The unix socket to use when nothing docker-java's configuration adds could change it: the
     * engine is a unix socket (named, found, or the default), no docker context names it, and
     * neither a docker-java system property nor {@code ~/.docker-java.properties} is there. Then
     * that configuration is not built: in a fresh JVM it costs about 0.15 s (measured in Maven),
     * loading docker-java's object mapper and its config classes, for a host we already know and a
     * socket that uses no TLS. Anything else (tcp, TLS, contexts, npipe) goes through docker-java.
     */
    static Optional<URI> plainSocket(
            EngineLocation location,
            EngineLocation.Resolved resolved,
            Map<String, String> env,
            Path home,
            Properties system) {
        if (DOCKER_JAVA_PROPERTIES.stream().anyMatch(key -> system.getProperty(key) != null)
                || Files.exists(home.resolve(".docker-java.properties"))) {
            return Optional.empty();
        }
        String named = location.explicitHost() != null
                        && !location.explicitHost().isBlank()
                ? location.explicitHost().trim()
                : env.get("DOCKER_HOST") != null && !env.get("DOCKER_HOST").isBlank()
                        ? env.get("DOCKER_HOST").trim()
                        : resolved.host();
        if (named == null) {
            if (EngineLocation.context(env, home, m -> {}).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(DEFAULT_SOCKET);
        }
        try {
            URI uri = new URI(named);
            return "unix".equals(uri.getScheme())
                            && uri.getPath() != null
                            && !uri.getPath().isEmpty()
                    ? Optional.of(uri)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty(); // docker-java reports it, naming where it came from
        }
    }
}
