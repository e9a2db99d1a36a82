package io.github.fastapidocker.docker.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.fastapidocker.docker.json.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The docker CLI's config file ({@code $DOCKER_CONFIG/config.json}, else
 * {@code ~/.docker/config.json}), located as the CLI does and read once, with Jackson, into the
 * parts the plugin uses: the current context, plain {@code auths}, {@code credHelpers} and the
 * {@code credsStore}. An absent file is an empty config.
 */
public final class DockerCliConfig {

    private final Path file;
    private final String currentContext;
    private final Map<String, AuthEntry> auths;
    private final Map<String, String> credHelpers;
    private final String credsStore;

    /**
     * One {@code auths} entry as the file has it; {@link #toString()} never shows a secret.
     *
     * @param auth base64 of {@code user:password}, or empty
     * @param username the user, or empty
     * @param password the password, or empty
     * @param identityToken an OAuth refresh token, or empty
     */
    public record AuthEntry(String auth, String username, String password, String identityToken) {
        @Override
        public String toString() {
            return "AuthEntry[user " + username + "]";
        }
    }

    /** The file could not be read or is not a JSON object; the message never quotes the file. */
    public static final class UnreadableConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableConfigException(String message) {
            super(message);
        }
    }

    private DockerCliConfig(
            Path file,
            String currentContext,
            Map<String, AuthEntry> auths,
            Map<String, String> credHelpers,
            String credsStore) {
        this.file = file;
        this.currentContext = currentContext;
        this.auths = Collections.unmodifiableMap(auths);
        this.credHelpers = Collections.unmodifiableMap(credHelpers);
        this.credsStore = credsStore;
    }

    /** Where the docker CLI looks: {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
    public static Path locate(Map<String, String> env, Path home) {
        String dir = env.get("DOCKER_CONFIG");
        return dir != null && !dir.isBlank()
                ? Path.of(dir.trim()).resolve("config.json")
                : home.resolve(".docker").resolve("config.json");
    }

    /** An empty config, as for a file that does not exist. */
    public static DockerCliConfig empty(Path file) {
        return new DockerCliConfig(file, "", new LinkedHashMap<>(), new LinkedHashMap<>(), "");
    }

    /**
     * Reads the file; an absent one is an empty config.
     *
     * @throws UnreadableConfigException when it cannot be read or is not a JSON object
     */
    public static DockerCliConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty(file);
        }
        // Read once per Maven run, for the engine's location and the logins alike; read again
        // only when the file changed.
        Stamp stamp = Stamp.of(file);
        Read cached = READS.get(file);
        if (stamp != null && cached != null && cached.stamp().equals(stamp)) {
            return cached.config();
        }
        DockerCliConfig config = parse(file);
        if (stamp != null) {
            READS.put(file, new Read(stamp, config));
        }
        return config;
    }

    /** What identifies one version of the file. */
    private record Stamp(FileTime modified, long size) {
        static Stamp of(Path file) {
            try {
                return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
            } catch (IOException e) {
                return null;
            }
        }
    }

    private record Read(Stamp stamp, DockerCliConfig config) {}

    private static final Map<Path, Read> READS = new ConcurrentHashMap<>();

    /** How many times a file was parsed (for the test that it is read once). */
    static int parses() {
        return PARSES.get();
    }

    private static final AtomicInteger PARSES = new AtomicInteger();

    private static DockerCliConfig parse(Path file) {
        PARSES.incrementAndGet();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return empty(file);
        } catch (IOException e) {
            throw new UnreadableConfigException("cannot read " + file + ": " + e.getMessage());
        }
        JsonNode node;
        try {
            node = JsonTrees.read(bytes);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the file, which holds secrets: give only the position.
            var at = e.getLocation();
            throw new UnreadableConfigException(file + " is not valid JSON"
                    + (at != null ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : ""));
        } catch (IOException e) {
            throw new UnreadableConfigException("cannot read " + file + ": " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return empty(file);
        }
        if (!node.isObject()) {
            throw new UnreadableConfigException(file + " is not a JSON object");
        }
        Map<String, AuthEntry> auths = new LinkedHashMap<>();
        fields(node.path("auths"))
                .forEach((key, entry) -> auths.put(
                        key,
                        new AuthEntry(
                                entry.path("auth").asText(""),
                                entry.path("username").asText(""),
                                entry.path("password").asText(""),
                                entry.path("identitytoken").asText(""))));
        Map<String, String> helpers = new LinkedHashMap<>();
        fields(node.path("credHelpers")).forEach((key, helper) -> helpers.put(key, helper.asText("")));
        return new DockerCliConfig(
                file,
                node.path("currentContext").asText(""),
                auths,
                helpers,
                node.path("credsStore").asText(""));
    }

    /**
     * Reads the file for a use that can do without it (naming the current context): a file that
     * cannot be read is an empty config, and {@code debug} is told why.
     */
    public static DockerCliConfig readOrEmpty(Path file, Consumer<String> debug) {
        try {
            return read(file);
        } catch (UnreadableConfigException e) {
            debug.accept("Ignoring the docker config: " + e.getMessage());
            return empty(file);
        }
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        if (object.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isObject() || field.getValue().isTextual()) {
                    result.put(field.getKey(), field.getValue());
                }
            }
        }
        return result;
    }

    /** The file this config was read from (it may not exist). */
    public Path file() {
        return file;
    }

    /** The CLI's current context, when one is set and not blank. */
    public Optional<String> currentContext() {
        return currentContext.isBlank() ? Optional.empty() : Optional.of(currentContext);
    }

    /** The plain {@code auths}, keyed as in the file, in the file's order. */
    public Map<String, AuthEntry> auths() {
        return auths;
    }

    /** The {@code credHelpers}: registry key to helper name, in the file's order. */
    public Map<String, String> credHelpers() {
        return credHelpers;
    }

    /** The {@code credsStore} helper name, when one is set. */
    public Optional<String> credsStore() {
        return credsStore.isBlank() ? Optional.empty() : Optional.of(credsStore);
    }
}
