package io.github.fastapidocker.docker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCliConfigTest {
    @TempDir
    Path dir;

    @Test
    void locatesTheConfigAsTheCliDoes() {
        Path home = Path.of("/home/someone");
        assertEquals(Path.of("/etc/dc/config.json"), DockerCliConfig.locate(Map.of("DOCKER_CONFIG", "/etc/dc"), home));
        assertEquals(Path.of("/home/someone/.docker/config.json"), DockerCliConfig.locate(Map.of(), home));
        assertEquals(
                Path.of("/home/someone/.docker/config.json"),
                DockerCliConfig.locate(Map.of("DOCKER_CONFIG", " "), home));
    }

    @Test
    void readsTheParts() throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(
                file,
                "{\"currentContext\":\"colima\",\"credsStore\":\"desktop\","
                        + "\"credHelpers\":{\"b.example\":\"ecr\",\"a.example\":\"gcr\"},"
                        + "\"auths\":{\"z:5000\":{\"auth\":\"dTpw\"},\"https://index.docker.io/v1/\":{\"identitytoken\":\"t\"},"
                        + "\"plain\":{\"username\":\"u\",\"password\":\"p\"}}}");
        DockerCliConfig config = DockerCliConfig.read(file);
        assertEquals(file, config.file());
        assertEquals("colima", config.currentContext().orElseThrow());
        assertEquals("desktop", config.credsStore().orElseThrow());
        assertEquals(
                List.of("b.example", "a.example"),
                List.copyOf(config.credHelpers().keySet()));
        assertEquals("ecr", config.credHelpers().get("b.example"));
        assertEquals(
                List.of("z:5000", "https://index.docker.io/v1/", "plain"),
                List.copyOf(config.auths().keySet()));
        assertEquals("dTpw", config.auths().get("z:5000").auth());
        assertEquals("t", config.auths().get("https://index.docker.io/v1/").identityToken());
        assertEquals("u", config.auths().get("plain").username());
        assertEquals("p", config.auths().get("plain").password());
        assertFalse(config.auths().get("plain").toString().contains("p]"), "no secret in toString");
    }

    /** The engine's location and the logins ask for it in one run: parsed once, again when it changes. */
    @Test
    void readOncePerVersionOfTheFile() throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"currentContext\":\"one\"}");
        int before = DockerCliConfig.parses();
        assertEquals("one", DockerCliConfig.read(file).currentContext().orElseThrow());
        assertEquals(
                "one",
                DockerCliConfig.readOrEmpty(file, m -> {}).currentContext().orElseThrow());
        assertEquals(before + 1, DockerCliConfig.parses());
        Files.writeString(file, "{\"currentContext\":\"second\"}");
        assertEquals("second", DockerCliConfig.read(file).currentContext().orElseThrow());
        assertEquals(before + 2, DockerCliConfig.parses());
    }

    @Test
    void anAbsentFileIsEmpty() {
        DockerCliConfig config = DockerCliConfig.read(dir.resolve("missing.json"));
        assertTrue(config.currentContext().isEmpty());
        assertTrue(config.auths().isEmpty());
        assertTrue(config.credHelpers().isEmpty());
        assertTrue(config.credsStore().isEmpty());
        assertTrue(DockerCliConfig.read(dir).auths().isEmpty(), "a directory is no config file");
    }

    @Test
    void brokenJsonNeverQuotesTheFile() throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"auths\":{\"r\":{\"auth\":\"c2VjcmV0\" oops-secret}}}");
        var e = assertThrows(DockerCliConfig.UnreadableConfigException.class, () -> DockerCliConfig.read(file));
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON (line 1, column"), e.getMessage());
        assertFalse(e.getMessage().contains("secret") || e.getMessage().contains("c2VjcmV0"), e.getMessage());

        List<String> debug = new ArrayList<>();
        assertTrue(DockerCliConfig.readOrEmpty(file, debug::add).auths().isEmpty());
        assertEquals(List.of("Ignoring the docker config: " + e.getMessage()), debug);
    }

    @Test
    void notAnObject() throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "[1]");
        assertEquals(
                file + " is not a JSON object",
                assertThrows(DockerCliConfig.UnreadableConfigException.class, () -> DockerCliConfig.read(file))
                        .getMessage());
    }
}
