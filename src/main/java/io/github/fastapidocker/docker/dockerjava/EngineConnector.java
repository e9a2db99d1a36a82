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
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
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
        SSLConfig ssl = HttpClientSetup.isLocalSocket(host)
                ? HttpClientSetup.PLAIN_SOCKET
                : HttpClientSetup.once(config.getSSLConfig());
        Supplier<DockerHttpClient> clients = () -> new ApacheDockerHttpClient.Builder()
                .dockerHost(host)
                .sslConfig(ssl)
                .connectionTimeout(timeouts.connect())
                .maxConnections(16)
                .build();
        return new DockerJavaEngine(clients.get(), clients, host.toString(), source, location.howToChange(), timeouts);
    }
}
