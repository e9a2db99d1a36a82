package io.github.fastapidocker.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.fastapidocker.docker.ImageReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The logins the docker CLI keeps: {@code $DOCKER_CONFIG/config.json} or
 * {@code ~/.docker/config.json}. As the CLI does, {@code credHelpers} for the registry first,
 * then the {@code credsStore}, then plain {@code auths} (base64 {@code auth} or
 * {@code username}/{@code password}); Docker Hub's key is {@code https://index.docker.io/v1/}.
 * (docker-java itself reads only {@code auths}.)
 */
public final class DockerConfigCredentialSource implements CredentialSource {
    /** The key the docker CLI files Docker Hub's login under. */
    public static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";

    private static final Set<String> DOCKER_HUB_HOSTS = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private final Path configFile;
    private final CredentialHelperClient helpers;

    public DockerConfigCredentialSource(Path configFile, CredentialHelperClient helpers) {
        this.configFile = configFile;
        this.helpers = helpers;
    }

    /** Where the docker CLI looks: {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
    public static Path locate(Map<String, String> env, Path home) {
        String dir = env.get("DOCKER_CONFIG");
        return dir != null && !dir.isBlank()
                ? Path.of(dir.trim()).resolve("config.json")
                : home.resolve(".docker").resolve("config.json");
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
        if (!Files.isRegularFile(configFile)) {
            return Optional.empty();
        }
        JsonNode config = read();
        String server = serverUrl(registry);

        String helper = entryFor(config.path("credHelpers"), registry)
                .map(e -> e.getValue().asText(""))
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
        String store = config.path("credsStore").asText("");
        if (!store.isBlank()) {
            Optional<RegistryCredentials> found = fromHelper(
                    store,
                    server,
                    "docker credential helper 'docker-credential-" + store + "' (credsStore in " + configFile + ")");
            if (found.isPresent()) {
                return found;
            }
        }
        return entryFor(config.path("auths"), registry).flatMap(entry -> fromAuths(entry, registry));
    }

    private JsonNode read() {
        String text;
        try {
            text = Files.readString(configFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CredentialLookupException("cannot read " + configFile + ": " + e.getMessage());
        }
        try {
            JsonNode node = new ObjectMapper().readTree(text);
            if (node == null || !node.isObject()) {
                throw new CredentialLookupException(configFile + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the file, which holds secrets: give only the position.
            var at = e.getLocation();
            throw new CredentialLookupException(configFile + " is not valid JSON"
                    + (at != null ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : ""));
        }
    }

    private Optional<RegistryCredentials> fromHelper(String helper, String server, String description) {
        return helpers.get(helper, server)
                .map(answer -> answer.isIdentityToken()
                        ? RegistryCredentials.token(answer.secret(), description)
                        : RegistryCredentials.of(answer.username(), answer.secret(), description));
    }

    private Optional<RegistryCredentials> fromAuths(Map.Entry<String, JsonNode> entry, String registry) {
        JsonNode auth = entry.getValue();
        String description = "auths['" + entry.getKey() + "'] in " + configFile;
        String token = auth.path("identitytoken").asText("");
        String username = auth.path("username").asText("");
        String password = auth.path("password").asText("");
        String encoded = auth.path("auth").asText("");
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
    private static Optional<Map.Entry<String, JsonNode>> entryFor(JsonNode map, String registry) {
        if (!map.isObject()) {
            return Optional.empty();
        }
        // An exact key wins over a normalised one.
        String exact = serverUrl(registry);
        if (map.has(exact)) {
            return Optional.of(Map.entry(exact, map.get(exact)));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
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
