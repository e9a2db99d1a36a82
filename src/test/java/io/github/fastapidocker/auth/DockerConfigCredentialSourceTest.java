package io.github.fastapidocker.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialSourceTest {
    private static final String REGISTRY = "127.0.0.1:5555";

    @TempDir
    Path dir;

    /** Answers from a table and remembers every call. */
    static final class FakeHelpers implements CredentialHelperClient {
        final Map<String, CredentialHelperClient.HelperCredentials> answers = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        String failWith;

        FakeHelpers answer(String helper, String server, String user, String secret) {
            answers.put(helper + " " + server, new HelperCredentials(user, secret));
            return this;
        }

        @Override
        public Optional<HelperCredentials> get(String helper, String serverUrl) {
            calls.add(helper + " " + serverUrl);
            if (failWith != null) {
                throw new CredentialLookupException(failWith);
            }
            return Optional.ofNullable(answers.get(helper + " " + serverUrl));
        }
    }

    private Path config(String json) throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noConfigFileMeansNothingFound() {
        var source = new DockerConfigCredentialSource(dir.resolve("missing.json"), new FakeHelpers());
        assertTrue(source.lookup(REGISTRY).isEmpty());
    }

    @Test
    void credHelperForTheRegistryComesFirst() throws IOException {
        FakeHelpers helpers = new FakeHelpers()
                .answer("fastapitest", REGISTRY, "helper-user", "helper-secret")
                .answer("store", REGISTRY, "store-user", "store-secret");
        Path file = config("{\"credHelpers\":{\"" + REGISTRY + "\":\"fastapitest\"},\"credsStore\":\"store\","
                + "\"auths\":{\"" + REGISTRY + "\":{\"auth\":\"" + b64("plain:plain-secret") + "\"}}}");
        RegistryCredentials c =
                new DockerConfigCredentialSource(file, helpers).lookup(REGISTRY).orElseThrow();
        assertEquals("helper-user", c.username());
        assertEquals("helper-secret", c.password());
        assertEquals(
                "docker credential helper 'docker-credential-fastapitest' (credHelpers in " + file + ")", c.source());
        assertEquals(List.of("fastapitest " + REGISTRY), helpers.calls);
    }

    @Test
    void credsStoreWhenNoHelperIsNamedForTheRegistry() throws IOException {
        FakeHelpers helpers = new FakeHelpers().answer("store", REGISTRY, "store-user", "store-secret");
        Path file = config("{\"credHelpers\":{\"other.example\":\"fastapitest\"},\"credsStore\":\"store\"}");
        RegistryCredentials c =
                new DockerConfigCredentialSource(file, helpers).lookup(REGISTRY).orElseThrow();
        assertEquals("store-user", c.username());
        assertTrue(c.source().startsWith("docker credential helper 'docker-credential-store' (credsStore in "));
    }

    @Test
    void plainAuthsWhenTheHelpersHaveNothing() throws IOException {
        FakeHelpers helpers = new FakeHelpers();
        Path file = config("{\"credsStore\":\"store\",\"auths\":{\"" + REGISTRY + "\":{\"auth\":\"" + b64("plain:pa:ss")
                + "\"}}}");
        RegistryCredentials c =
                new DockerConfigCredentialSource(file, helpers).lookup(REGISTRY).orElseThrow();
        assertEquals("plain", c.username());
        assertEquals("pa:ss", c.password());
        assertEquals("auths['" + REGISTRY + "'] in " + file, c.source());
        assertEquals(List.of("store " + REGISTRY), helpers.calls);
    }

    @Test
    void authsWithUsernameAndPasswordFields() throws IOException {
        Path file = config("{\"auths\":{\"" + REGISTRY + "\":{\"username\":\"u\",\"password\":\"p\"}}}");
        RegistryCredentials c = new DockerConfigCredentialSource(file, new FakeHelpers())
                .lookup(REGISTRY)
                .orElseThrow();
        assertEquals("u", c.username());
        assertEquals("p", c.password());
    }

    @Test
    void authsKeysWithSchemeAndPathMatchTheHost() throws IOException {
        Path file = config("{\"auths\":{\"other:5555\":{\"auth\":\"" + b64("x:y") + "\"}," + "\"http://" + REGISTRY
                + "/v1/\":{\"auth\":\"" + b64("u:p") + "\"}}}");
        RegistryCredentials c = new DockerConfigCredentialSource(file, new FakeHelpers())
                .lookup(REGISTRY)
                .orElseThrow();
        assertEquals("u", c.username());
        assertTrue(new DockerConfigCredentialSource(file, new FakeHelpers())
                .lookup("127.0.0.1:5556")
                .isEmpty());
    }

    @Test
    void dockerHubUsesItsOwnKeyAndServerUrl() throws IOException {
        Path file =
                config("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("hubuser:hubpass") + "\"}}}");
        RegistryCredentials c = new DockerConfigCredentialSource(file, new FakeHelpers())
                .lookup("docker.io")
                .orElseThrow();
        assertEquals("hubuser", c.username());
        assertEquals("auths['https://index.docker.io/v1/'] in " + file, c.source());

        FakeHelpers helpers = new FakeHelpers().answer("desktop", "https://index.docker.io/v1/", "hub", "tok");
        Path store = config("{\"credsStore\":\"desktop\"}");
        assertEquals(
                "hub",
                new DockerConfigCredentialSource(store, helpers)
                        .lookup("docker.io")
                        .orElseThrow()
                        .username());
        assertEquals(List.of("desktop https://index.docker.io/v1/"), helpers.calls);
        assertEquals("https://index.docker.io/v1/", DockerConfigCredentialSource.serverUrl("docker.io"));
        assertEquals(REGISTRY, DockerConfigCredentialSource.serverUrl(REGISTRY));
    }

    @Test
    void aHelperTokenIsAnIdentityToken() throws IOException {
        FakeHelpers helpers = new FakeHelpers().answer("acr", REGISTRY, "<token>", "refresh-token-1");
        Path file = config("{\"credHelpers\":{\"" + REGISTRY + "\":\"acr\"}}");
        RegistryCredentials c =
                new DockerConfigCredentialSource(file, helpers).lookup(REGISTRY).orElseThrow();
        assertNull(c.username());
        assertEquals("refresh-token-1", c.identityToken());
    }

    @Test
    void otherRegistriesEntriesAreNotUsed() throws IOException {
        Path file = config("{\"auths\":{\"registry.example.com\":{\"auth\":\"" + b64("u:p") + "\"}}}");
        assertTrue(new DockerConfigCredentialSource(file, new FakeHelpers())
                .lookup(REGISTRY)
                .isEmpty());
    }

    @Test
    void aFailingHelperIsReported() throws IOException {
        FakeHelpers helpers = new FakeHelpers();
        helpers.failWith = "docker-credential-store not found on PATH";
        Path file = config("{\"credsStore\":\"store\"}");
        var e = assertThrows(CredentialLookupException.class, () -> new DockerConfigCredentialSource(file, helpers)
                .lookup(REGISTRY));
        assertEquals("docker-credential-store not found on PATH", e.getMessage());
    }

    @Test
    void brokenJsonNeverQuotesTheFile() throws IOException {
        Path file = config("{\"auths\":{\"" + REGISTRY + "\":{\"auth\":\"c2VjcmV0LXBhc3M=\" oops-secret-pass}}}");
        var e = assertThrows(
                CredentialLookupException.class,
                () -> new DockerConfigCredentialSource(file, new FakeHelpers()).lookup(REGISTRY));
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON (line 1, column"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertFalse(e.getMessage().contains("c2VjcmV0"), e.getMessage());
    }

    @Test
    void badBase64IsNamedWithoutTheValue() throws IOException {
        Path file = config("{\"auths\":{\"" + REGISTRY + "\":{\"auth\":\"not*base64*secret\"}}}");
        var e = assertThrows(
                CredentialLookupException.class,
                () -> new DockerConfigCredentialSource(file, new FakeHelpers()).lookup(REGISTRY));
        assertEquals("auths['" + REGISTRY + "'] in " + file + ": 'auth' is not base64", e.getMessage());
    }
}
