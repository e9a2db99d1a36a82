package io.github.fastapidocker.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.auth.CredentialHelperClient.HelperCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real helper scripts (POSIX shell) from a temporary PATH. */
class ProcessCredentialHelperClientTest {
    @TempDir
    Path bin;

    private void helper(String name, String script) throws IOException {
        Path file = bin.resolve("docker-credential-" + name);
        Files.writeString(file, "#!/bin/sh\n" + script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private ProcessCredentialHelperClient client(Duration timeout) {
        return new ProcessCredentialHelperClient(timeout, Map.of("PATH", "/nonexistent:" + bin));
    }

    @Test
    void readsTheLoginForTheServerOnStdin() throws IOException {
        // Answers only for the server it is asked about, as real helpers do.
        helper(
                "fake",
                """
                [ "$1" = get ] || exit 3
                read server
                if [ "$server" = "127.0.0.1:5555" ]; then
                  printf '{"ServerURL":"%s","Username":"helper-user","Secret":"helper-secret"}\\n' "$server"
                else
                  echo "credentials not found in native keychain"; exit 1
                fi
                """);
        HelperCredentials c =
                client(Duration.ofSeconds(10)).get("fake", "127.0.0.1:5555").orElseThrow();
        assertEquals("helper-user", c.username());
        assertEquals("helper-secret", c.secret());
        assertTrue(client(Duration.ofSeconds(10)).get("fake", "other:1").isEmpty());
    }

    @Test
    void aHangingHelperIsKilledAndReported() throws IOException {
        helper("hang", "sleep 60\n");
        long start = System.nanoTime();
        var e = assertThrows(CredentialLookupException.class, () -> client(Duration.ofMillis(500))
                .get("hang", "127.0.0.1:5555"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("docker-credential-hang get did not answer within 0.5 s and was stopped", e.getMessage());
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }

    @Test
    void aFailingHelperSaysHow() throws IOException {
        helper("broken", "echo 'fatal: hunter2-secret store locked' >&2\necho 'token=hunter2-secret'\nexit 2\n");
        var e = assertThrows(CredentialLookupException.class, () -> client(Duration.ofSeconds(10))
                .get("broken", "r"));
        assertEquals(
                "docker-credential-broken get failed (exit 2); its output is not shown, as it may hold secrets:"
                        + " run 'docker-credential-broken get' yourself to see it",
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), "a helper's output may hold secrets");
    }

    @Test
    void aMissingHelperIsNamed() {
        var e = assertThrows(CredentialLookupException.class, () -> client(Duration.ofSeconds(10))
                .get("absent", "r"));
        assertEquals("docker-credential-absent not found on PATH", e.getMessage());
    }

    @Test
    void garbageOutputIsNotEchoed() throws IOException {
        helper("garbage", "echo 'Secret: leaked-secret-value'\n");
        var e = assertThrows(CredentialLookupException.class, () -> client(Duration.ofSeconds(10))
                .get("garbage", "r"));
        assertEquals("docker-credential-garbage get did not print valid JSON", e.getMessage());
        assertFalse(e.getMessage().contains("leaked"));
    }

    @Test
    void aHelperThatFloodsItsOutputCannotFillTheHeap() throws IOException {
        // 64 MB of output, then exit: only the first MB is kept, and the answer is no JSON.
        helper("flood", "head -c 67108864 /dev/zero | tr '\\0' x\n");
        var e = assertThrows(CredentialLookupException.class, () -> client(Duration.ofSeconds(30))
                .get("flood", "r"));
        assertEquals("docker-credential-flood get did not print valid JSON", e.getMessage());
        // What the drain keeps of 10 MB: the first MB, the rest read and dropped.
        var drain = new ProcessCredentialHelperClient.Drain(
                new java.io.ByteArrayInputStream(new byte[10 << 20]), "test-drain");
        assertEquals(ProcessCredentialHelperClient.KEPT_BYTES, drain.text().length());
    }

    @Test
    void anEmptySecretMeansNothingFound() throws IOException {
        helper("empty", "echo '{\"Username\":\"u\",\"Secret\":\"\"}'\n");
        assertTrue(client(Duration.ofSeconds(10)).get("empty", "r").isEmpty());
    }

    @Test
    void helperNamesCannotEscapeThePrefix() {
        var e = assertThrows(CredentialLookupException.class, () -> client(Duration.ofSeconds(1))
                .get("../x", "r"));
        assertEquals("invalid credential helper name '../x'", e.getMessage());
    }
}
