package io.github.fastapidocker.docker.dockerjava;

import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.transport.SSLConfig;
import io.github.fastapidocker.docker.EngineUnavailableException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What docker-java would accept quietly or fail on with words of its own: the engine's address
 * (a scheme it cannot speak, no host, a port out of range, a Windows pipe elsewhere), TLS asked
 * for without its certificates (docker-java then speaks plain TCP), and a docker context that does
 * not exist (docker-java then takes the default engine; the docker CLI refuses both).
 */
final class EngineAddress {
    /** The files DOCKER_CERT_PATH must hold, as the docker CLI reads them. */
    static final List<String> CERTIFICATES = List.of("ca.pem", "cert.pem", "key.pem");

    private EngineAddress() {}

    /** Refuses an address the plugin cannot reach as the docker CLI would, naming where it came from. */
    static void check(URI host, String source, String howToChange) {
        String scheme = host.getScheme() == null ? "" : host.getScheme().toLowerCase(Locale.ROOT);
        String problem = null;
        switch (scheme) {
            case "unix" -> {
                if (host.getPath() == null || host.getPath().isEmpty()) {
                    problem = "names no socket path (unix:///var/run/docker.sock)";
                }
            }
            case "tcp" -> {
                if (host.getHost() == null) {
                    problem = "names no host (tcp://HOST:PORT)";
                } else if (host.getPort() > 65535 || host.getPort() == 0) {
                    problem = "has port " + host.getPort() + ", which is not a port (1-65535)";
                }
            }
            case "npipe" -> {
                if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                    problem = "is a Windows named pipe, and this machine is not Windows";
                }
            }
            case "" -> problem = "is not an address (unix:///path/to/docker.sock or tcp://HOST:PORT)";
            default -> problem = "uses " + scheme + "://, which the plugin does not speak: it reaches an engine at"
                    + " unix:///path/to/docker.sock or tcp://HOST:PORT (with TLS when DOCKER_TLS_VERIFY is set)"
                    + (scheme.equals("ssh")
                            ? "; for ssh, forward the engine's socket (ssh -L) and point at the forwarded one"
                            : "");
        }
        if (problem != null) {
            throw new EngineUnavailableException(
                    "The Docker engine address " + host + " (from " + source + ") " + problem + ". " + howToChange,
                    null);
        }
    }

    /**
     * TLS asked for (DOCKER_TLS_VERIFY) needs all three certificates, and they must be readable:
     * docker-java speaks plain TCP when one is missing, and fails with a bare NullPointerException
     * on one that is not PEM.
     *
     * @param configured docker-java's TLS configuration, or {@code null} without TLS
     * @param ssl the one the client will use (built once)
     */
    static void checkTls(SSLConfig configured, SSLConfig ssl, String source) {
        if (!(configured instanceof LocalDirectorySSLConfig local)) {
            return;
        }
        Path dir = Path.of(local.getDockerCertPath());
        List<String> missing = CERTIFICATES.stream()
                .filter(name -> !Files.isRegularFile(dir.resolve(name)))
                .toList();
        if (!missing.isEmpty()) {
            throw new EngineUnavailableException(
                    "Cannot configure the Docker engine connection (from " + source
                            + "): DOCKER_TLS_VERIFY asks for TLS, and DOCKER_CERT_PATH " + dir + " has no "
                            + String.join(", ", missing) + " (it needs " + String.join(", ", CERTIFICATES)
                            + "). Put the engine's client certificates there, or unset DOCKER_TLS_VERIFY for an engine"
                            + " without TLS",
                    null);
        }
        try {
            ssl.getSSLContext();
        } catch (Exception e) {
            throw new EngineUnavailableException(
                    "Cannot configure the Docker engine connection (from " + source
                            + "): the certificates in DOCKER_CERT_PATH " + dir + " (" + String.join(", ", CERTIFICATES)
                            + ") cannot be read as PEM certificates and key: " + e + ". Put the engine's client"
                            + " certificates there",
                    e);
        }
    }

    /**
     * The docker context a name points to must exist, as the docker CLI requires: its metadata is
     * at {@code contexts/meta/SHA256(NAME)/meta.json} beside the docker config.
     *
     * @param name the context's name, or empty when none other than "default" is named
     * @param configDir the docker config's directory
     * @param where where the name came from (DOCKER_CONTEXT, or the config file)
     */
    static void checkContext(Optional<String> name, Path configDir, String where) {
        if (name.isEmpty()) {
            return;
        }
        Path meta =
                configDir.resolve("contexts/meta").resolve(sha256(name.get())).resolve("meta.json");
        if (!Files.isRegularFile(meta)) {
            throw new EngineUnavailableException(
                    "The docker context '" + name.get() + "' (from " + where
                            + ") does not exist: there is no " + meta + ". 'docker context ls' lists the contexts; name"
                            + " one of them, or 'default'",
                    null);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
