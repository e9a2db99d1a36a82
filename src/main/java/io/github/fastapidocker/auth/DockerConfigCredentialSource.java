package io.github.fastapidocker.auth;

import io.github.fastapidocker.docker.ImageReference;
import io.github.fastapidocker.docker.config.DockerCliConfig;
import io.github.fastapidocker.docker.config.DockerCliConfig.AuthEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The logins the docker CLI keeps in its config ({@link DockerCliConfig}). As the CLI does,
 * {@code credHelpers} for the registry first, then the {@code credsStore}, then plain
 * {@code auths} (base64 {@code auth} or {@code username}/{@code password}); Docker Hub's key is
 * {@code https://index.docker.io/v1/}. (docker-java itself reads only {@code auths}.)
 */
public final class DockerConfigCredentialSource implements CredentialSource {
    /** The key the docker CLI files Docker Hub's login under. */
    public static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";

    private static final Set<String> DOCKER_HUB_HOSTS = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private final Path configFile;
    private final CredentialHelperClient helpers;
    private DockerCliConfig config;

    /** Reads {@code configFile} at the first lookup, once. */
    public DockerConfigCredentialSource(Path configFile, CredentialHelperClient helpers) {
        this.configFile = configFile;
        this.helpers = helpers;
    }

    /** Uses a config already read. */
    public DockerConfigCredentialSource(DockerCliConfig config, CredentialHelperClient helpers) {
        this(config.file(), helpers);
        this.config = config;
    }

    /** What the CLI sends a helper, and its key for the registry: Hub's URL, else host[:port]. */
    public static String serverUrl(String registry) {
        return isDockerHub(registry) ? DOCKER_HUB_SERVER : registry;
    }

    @Override
    public String description() {
        return "docker config " + configFile;
    }

    @Override
    public Optional<RegistryCredentials> lookup(String registry) {
        DockerCliConfig config = config();
        String server = serverUrl(registry);

        String helper = entryFor(config.credHelpers(), registry)
                .map(Map.Entry::getValue)
                .orElse("");
        if (!helper.isBlank()) {
            Optional<RegistryCredentials> found = fromHelper(
                    helper,
                    server,
                    "docker credential helper 'docker-credential-" + helper + "' (credHelpers in " + configFile + ")");
            if (found.isPresent()) {
                return found;
            }
        }
        String store = config.credsStore().orElse("");
        if (!store.isBlank()) {
            Optional<RegistryCredentials> found = fromHelper(
                    store,
                    server,
                    "docker credential helper 'docker-credential-" + store + "' (credsStore in " + configFile + ")");
            if (found.isPresent()) {
                return found;
            }
        }
        return entryFor(config.auths(), registry).flatMap(entry -> fromAuths(entry, registry));
    }

    private DockerCliConfig config() {
        if (config == null) {
            try {
                config = DockerCliConfig.read(configFile);
            } catch (DockerCliConfig.UnreadableConfigException e) {
                throw new CredentialLookupException(e.getMessage());
            }
        }
        return config;
    }

    private Optional<RegistryCredentials> fromHelper(String helper, String server, String description) {
        return helpers.get(helper, server)
                .map(answer -> answer.isIdentityToken()
                        ? RegistryCredentials.token(answer.secret(), description)
                        : RegistryCredentials.of(answer.username(), answer.secret(), description));
    }

    private Optional<RegistryCredentials> fromAuths(Map.Entry<String, AuthEntry> entry, String registry) {
        AuthEntry auth = entry.getValue();
        String description = "auths['" + entry.getKey() + "'] in " + configFile;
        String token = auth.identityToken();
        String username = auth.username();
        String password = auth.password();
        String encoded = auth.auth();
        if (!encoded.isBlank()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new CredentialLookupException(description + ": 'auth' is not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new CredentialLookupException(description + ": 'auth' is not base64 of user:password");
            }
            username = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        if (!token.isBlank()) {
            return Optional.of(RegistryCredentials.token(token, description));
        }
        if (username.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RegistryCredentials.of(username, password, description));
    }

    /**
     * The entry of a map keyed by registry, matched as the CLI does: scheme and path dropped
     * ({@code https://host:5000/v1/} matches {@code host:5000}); Docker Hub by any of its names.
     */
    private static <T> Optional<Map.Entry<String, T>> entryFor(Map<String, T> map, String registry) {
        // An exact key wins over a normalised one.
        String exact = serverUrl(registry);
        if (map.containsKey(exact)) {
            return Optional.of(Map.entry(exact, map.get(exact)));
        }
        for (Map.Entry<String, T> entry : map.entrySet()) {
            String host = hostOf(entry.getKey());
            if (host.equals(registry) || (isDockerHub(registry) && isDockerHub(host))) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    static String hostOf(String key) {
        String host = key.strip();
        if (host.startsWith("http://")) {
            host = host.substring(7);
        } else if (host.startsWith("https://")) {
            host = host.substring(8);
        }
        int slash = host.indexOf('/');
        return slash >= 0 ? host.substring(0, slash) : host;
    }

    static boolean isDockerHub(String registry) {
        return DOCKER_HUB_HOSTS.contains(registry) || ImageReference.DOCKER_HUB.equals(registry);
    }
}
