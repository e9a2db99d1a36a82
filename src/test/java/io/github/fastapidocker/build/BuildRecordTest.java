package io.github.fastapidocker.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fastapidocker.docker.EngineIdentity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildRecordTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsEvenOddValues() {
        BuildRecord record = new BuildRecord(
                "sha256:abc",
                "127.0.0.1:5555/team/app",
                List.of("1.0", "latest"),
                List.of("fastapi", "run", "app/main.py", "--root-path", "/a=b:c#d é", "--forwarded-allow-ips", "*"),
                8080,
                new EngineIdentity(EngineIdentity.DOCKER, "20.10.24+dfsg1", "1.41"));
        record.write(dir);
        assertEquals(record, BuildRecord.read(dir).orElseThrow());
    }

    @Test
    void aRecordWithoutTheEngineReadsAsUnknown() throws java.io.IOException {
        new BuildRecord("sha256:abc", "app", List.of("1"), List.of(), 80, null, null).write(dir);
        assertTrue(!java.nio.file.Files.readString(dir.resolve(BuildRecord.FILE_NAME))
                .contains("engine."));
        assertEquals(EngineIdentity.UNKNOWN, BuildRecord.read(dir).orElseThrow().engine());
    }

    @Test
    void baseImagesRoundTripWithAndWithoutDigest() {
        BuildRecord record = new BuildRecord(
                "sha256:abc",
                "app",
                List.of("1"),
                List.of(),
                80,
                new EngineIdentity("Docker Engine", "28.5.2", "1.51"),
                List.of(
                        new BaseImage("python:3.14", "python@sha256:1234", "sha256:aaaa"),
                        new BaseImage("registry:5000/base:1", null, "sha256:bbbb")));
        record.write(dir);
        assertEquals(record, BuildRecord.read(dir).orElseThrow());
    }

    @Test
    void userDockerfileHasNoCommand() {
        BuildRecord record = new BuildRecord("sha256:abc", "app", List.of("1"), List.of(), 80, EngineIdentity.UNKNOWN);
        record.write(dir);
        assertEquals(List.of(), BuildRecord.read(dir).orElseThrow().command());
    }

    @Test
    void absentWhenNothingWasBuilt() {
        assertTrue(BuildRecord.read(dir).isEmpty());
    }

    @Test
    void aDamagedRecordSaysToBuildAgain() throws java.io.IOException {
        Path file = dir.resolve(BuildRecord.FILE_NAME);
        for (String text : List.of("x=\\u12\n", "imageId=sha256:zzz\nimage=app\ntags=1.0\nport=abc\n")) {
            java.nio.file.Files.writeString(file, text);
            String message = org.junit.jupiter.api.Assertions.assertThrows(
                            io.github.fastapidocker.kernel.ConfigurationException.class, () -> BuildRecord.read(dir))
                    .getMessage();
            assertTrue(message.startsWith("Cannot read the build record " + file + " ("), message);
            assertTrue(message.endsWith("Run the build goal again, which writes it anew"), message);
        }
    }
}
